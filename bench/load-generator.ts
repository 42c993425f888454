// A small HTTP/1.1 load generator for `npm run load`: N keep-alive connections, each sending one request
// and waiting for its answer before sending the next (no pipelining). Without a rate, every connection
// sends again as soon as it has its answer (the most the service can do: latency is then mostly queueing,
// connections ÷ throughput). With a rate, the requests are sent on a schedule spread over the connections,
// and latency counts from the time a request was due to be sent, not from when it was — so a service that
// falls behind is charged for the requests it held up (no "coordinated omission"). The request bytes are built once;
// an answer is read as far as its status line, Content-Length and body end — nothing is parsed further.
// Every connection is open before the run starts, and the answers of an optional warm-up at its start are
// not counted (as wrk2 does), so neither a connection's setup nor a cold start is counted as latency.
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
  /** seconds at the start of the run whose answers are not counted (the requests are sent all the same) */
  warmupSeconds?: number;
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

/** One keep-alive connection of a run. */
interface Connection {
  socket: Socket;
  /** an answer is awaited */
  waiting: boolean;
  /** what latency counts from: when the request was sent, or (with a rate) when it was due */
  sentAt: number;
  /** with a rate: when this connection's next request is due */
  due: number;
  /** bytes of an answer not complete yet */
  pending: Buffer | undefined;
}

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const host = o.host ?? '127.0.0.1';
  const body = o.body === undefined ? undefined : Buffer.from(o.body, 'utf8');
  const head =
    `${o.method} ${o.path} HTTP/1.1\r\nhost: ${host}:${o.port}\r\n` +
    (body ? `content-type: ${o.contentType ?? 'application/json'}\r\ncontent-length: ${body.length}\r\n` : '') +
    '\r\n';
  const request = body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
  // With a rate, connection i sends its k-th request at started + (i / connections + k) × interval.
  const interval = o.rate ? (1000 * o.connections) / o.rate : 0;
  const warmupMs = (o.warmupSeconds ?? 0) * 1000;

  let latencies = new Float64Array(1 << 16);
  let answered = 0;
  let errors = 0;
  let running = false;
  let counting = false;
  const connections: Connection[] = [];

  const record = (ms: number) => {
    if (answered === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[answered++] = ms;
  };

  const send = (c: Connection, now: number) => {
    c.sentAt = interval ? c.due : now;
    if (interval) c.due += interval;
    c.waiting = true;
    c.socket.write(request);
  };

  /** Opens connection i (again, after the server closed it: `c`); resolves once it is connected. */
  const open = (i: number, c?: Connection): Promise<Connection> => {
    const socket = connect(o.port, host);
    socket.setNoDelay(true);
    const conn: Connection = c ?? { socket, waiting: false, sentAt: 0, due: 0, pending: undefined };
    conn.socket = socket;
    conn.waiting = false;
    conn.pending = undefined;
    socket.on('data', (chunk: Buffer) => {
      conn.pending = conn.pending ? Buffer.concat([conn.pending, chunk]) : chunk;
      const answer = completeAnswer(conn.pending);
      if (!answer) return;
      const now = performance.now();
      if (counting) record(now - conn.sentAt);
      conn.waiting = false;
      if (answer.status < 200 || answer.status > 299) errors++;
      conn.pending = conn.pending.length > answer.length ? conn.pending.subarray(answer.length) : undefined;
      // Without a rate, send again at once; with one, when the next request is due (now, if it is overdue).
      if (running && (!interval || conn.due <= now)) send(conn, now);
    });
    socket.on('error', () => errors++);
    socket.on('close', () => {
      if (conn.waiting) errors++;
      conn.waiting = false;
      // The server closed it: count it and carry on with a new connection.
      if (running && conn.socket === socket) void open(i, conn).then((again) => !interval && send(again, performance.now()), () => errors++);
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(conn));
      socket.once('error', (e) => reject(new Error(`cannot connect to ${host}:${o.port}: ${e.message}`)));
    });
  };

  // Every connection is open before the run starts, so their setup is not counted as latency.
  // They are opened one after another: node:cluster hands each new connection to the next worker that has
  // taken its last one, so connections opened all at once can pile up on one process.
  const openAll = async () => {
    for (let i = 0; i < o.connections; i++) connections.push(await open(i));
  };
  return openAll().then(() => {
    running = true;
    const started = performance.now();
    let cpu0 = process.cpuUsage();
    let counted = started;
    const count = () => {
      counting = true;
      cpu0 = process.cpuUsage();
      counted = performance.now();
    };
    if (warmupMs > 0) setTimeout(count, warmupMs);
    else count();

    // With a rate, one scheduler tick a millisecond sends every request that is due on an idle connection
    // (one timer for the run, not one per request: the generator's own time is the server's lost time).
    let tick: NodeJS.Timeout | undefined;
    if (interval) {
      connections.forEach((c, i) => (c.due = started + (i / o.connections) * interval));
      const due = () => {
        const now = performance.now();
        for (const c of connections) if (!c.waiting && c.due <= now) send(c, now);
      };
      tick = setInterval(due, 1);
      due();
    } else {
      for (const c of connections) send(c, started);
    }

    return new Promise<LoadResult>((resolve) => {
      setTimeout(() => {
        running = false;
        clearInterval(tick);
        const elapsed = (performance.now() - counted) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const n = answered;
        for (const c of connections) c.socket.destroy();
        const sorted = latencies.slice(0, n).sort();
        resolve({
          path: o.path, seconds: o.seconds, connections: o.connections, rate: o.rate ?? null, requests: n, perSecond: Math.round(n / elapsed),
          p50: round2(percentile(sorted, 0.5)), p99: round2(percentile(sorted, 0.99)), max: round2(n ? sorted[n - 1] : NaN), errors,
          generatorCpuUsPerRequest: n ? Math.round((cpu.user + cpu.system) / n) : NaN,
        });
      }, warmupMs + o.seconds * 1000);
    });
  });
}
