// A small HTTP/1.1 load generator for `npm run load`: N keep-alive connections, each sending one request
// and waiting for its answer before sending the next (no pipelining). Without a rate, every connection
// sends again as soon as it has its answer (the most the service can do: latency is then mostly queueing,
// connections ÷ throughput). With a rate, the requests are sent on a schedule spread over the connections,
// and latency counts from the time a request was due to be sent, not from when it was — so a service that
// falls behind is charged for the requests it held up (no "coordinated omission"). The request bytes are built once;
// an answer is read as far as its status line, Content-Length and body end — nothing is parsed further.
// It costs the machine a fraction of what a general client costs per request (autocannon spent about as
// much CPU per request as the server's whole HTTP layer), which matters when the generator and the server
// share two cores.
import { connect, type Socket } from 'node:net';

export interface LoadOptions {
  port: number;
  host?: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  contentType?: string;
  connections: number;
  seconds: number;
  /** requests per second over all connections; none: as fast as the answers come */
  rate?: number;
}

export interface LoadResult {
  path: string;
  seconds: number;
  connections: number;
  /** the rate asked for, if any */
  rate: number | null;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** answers other than 2xx, socket errors, connections the server closed with a request unanswered */
  errors: number;
  generatorCpuUsPerRequest: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

/** The length of the first complete answer in `buf` and its status, or undefined when more bytes are needed. */
export function completeAnswer(buf: Buffer): { length: number; status: number } | undefined {
  const headerEnd = buf.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const head = buf.toString('latin1', 0, headerEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:\s*(\d+)/.exec(head);
  if (m) {
    const length = headerEnd + 4 + Number(m[1]);
    return buf.length >= length ? { length, status } : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/.test(head)) {
    const end = buf.indexOf(CHUNKED_END, headerEnd);
    return end < 0 ? undefined : { length: end + CHUNKED_END.length, status };
  }
  return { length: headerEnd + 4, status };
}

const percentile = (sorted: Float64Array, q: number) => (sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]);
const round2 = (x: number) => Math.round(x * 100) / 100;

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const host = o.host ?? '127.0.0.1';
  const body = o.body === undefined ? undefined : Buffer.from(o.body, 'utf8');
  const head =
    `${o.method} ${o.path} HTTP/1.1\r\nhost: ${host}:${o.port}\r\n` +
    (body ? `content-type: ${o.contentType ?? 'application/json'}\r\ncontent-length: ${body.length}\r\n` : '') +
    '\r\n';
  const request = body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');

  let latencies = new Float64Array(1 << 16);
  let answered = 0;
  let errors = 0;
  let running = true;
  const sockets = new Set<Socket>();

  const record = (ms: number) => {
    if (answered === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[answered++] = ms;
  };

  // With a rate, connection i sends its k-th request at started + (i / connections + k) × interval.
  const interval = o.rate ? (1000 * o.connections) / o.rate : 0;
  let started = 0;

  const open = (i: number, k = 0) => {
    const socket = connect(o.port, host);
    socket.setNoDelay(true);
    sockets.add(socket);
    let pending: Buffer | undefined;
    let sentAt = 0;
    let waiting = false;
    const send = () => {
      if (!running) return;
      // A timer may fire a little before the time it was set for (whole milliseconds): count from the send then.
      if (interval) sentAt = Math.min(sentAt, performance.now());
      waiting = true;
      socket.write(request);
    };
    const next = () => {
      if (!interval) {
        sentAt = performance.now();
        return send();
      }
      sentAt = started + (i / o.connections + k++) * interval; // when it is due, which is what latency counts from
      const wait = sentAt - performance.now();
      if (wait > 0) setTimeout(send, wait);
      else send();
    };
    socket.on('connect', next);
    socket.on('data', (chunk: Buffer) => {
      pending = pending ? Buffer.concat([pending, chunk]) : chunk;
      const answer = completeAnswer(pending);
      if (!answer) return;
      record(performance.now() - sentAt);
      waiting = false;
      if (answer.status < 200 || answer.status > 299) errors++;
      pending = pending.length > answer.length ? pending.subarray(answer.length) : undefined;
      if (running) next();
    });
    socket.on('error', () => errors++);
    socket.on('close', () => {
      sockets.delete(socket);
      if (waiting) errors++;
      if (running) open(i, k); // the server closed it: count it and carry on with a new connection
    });
  };

  const cpu0 = process.cpuUsage();
  started = performance.now();
  for (let i = 0; i < o.connections; i++) open(i);
  return new Promise((resolve) => {
    setTimeout(() => {
      running = false;
      const elapsed = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const n = answered;
      for (const s of sockets) s.destroy();
      const sorted = latencies.slice(0, n).sort();
      resolve({
        path: o.path, seconds: o.seconds, connections: o.connections, rate: o.rate ?? null, requests: n, perSecond: Math.round(n / elapsed),
        p50: round2(percentile(sorted, 0.5)), p99: round2(percentile(sorted, 0.99)), max: round2(n ? sorted[n - 1] : NaN), errors,
        generatorCpuUsPerRequest: n ? Math.round((cpu.user + cpu.system) / n) : NaN,
      });
    }, o.seconds * 1000);
  });
}
