// The part of autocannon's programmatic API the load test uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number }
  interface Result { requests: Histogram & { sent: number }; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; duration: number }
  interface Request { method?: 'GET' | 'POST'; path?: string; headers?: Record<string, string>; body?: string }
  interface Options { url: string; connections?: number; duration?: number; amount?: number; workers?: number; pipelining?: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; requests?: Request[] }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
