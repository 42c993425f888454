// The load generator of `npm run load` (bench/load-generator.ts): what it counts must be what happened.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { completeAnswer, runLoad } from '../../bench/load-generator';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server answering each request with `answer`; returns its port and the bodies it received. */
function serve(answer: (n: number, res: import('node:http').ServerResponse) => void): Promise<{ port: number; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      answer(bodies.length, res);
    });
  });
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve({ port: (server!.address() as AddressInfo).port, bodies })));
}

describe('completeAnswer', () => {
  const answer = 'HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello';
  it('waits for the whole body named by Content-Length', () => {
    expect(completeAnswer(Buffer.from(answer.slice(0, 20)))).toBeUndefined();
    expect(completeAnswer(Buffer.from(answer.slice(0, -1)))).toBeUndefined();
    expect(completeAnswer(Buffer.from(answer + 'HTTP/1.1'))).toEqual({ length: answer.length, status: 200 });
  });
  it('reads a chunked answer to its last chunk, and the status', () => {
    const chunked = 'HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n';
    expect(completeAnswer(Buffer.from(chunked))).toBeUndefined();
    expect(completeAnswer(Buffer.from(chunked + '0\r\n\r\n'))).toEqual({ length: chunked.length + 5, status: 404 });
  });
});

describe('runLoad', () => {
  it('as fast as answered: every answer counted, the body sent as given, non-2xx answers as errors', async () => {
    const { port, bodies } = await serve((n, res) => {
      res.statusCode = n % 10 === 0 ? 500 : 200;
      res.end('{"ok":true}');
    });
    const r = await runLoad({ port, method: 'POST', path: '/x', body: '{"å":1}', connections: 4, seconds: 0.5 });
    expect(r.requests).toBeGreaterThan(20);
    // Every request the server answered was counted (the last ones may still have been in flight).
    expect(bodies.length - r.requests).toBeGreaterThanOrEqual(0);
    expect(bodies.length - r.requests).toBeLessThanOrEqual(4);
    expect(new Set(bodies)).toEqual(new Set(['{"å":1}']));
    // Every tenth request the server received was a 500: those answered were counted as errors.
    expect(r.errors).toBeGreaterThanOrEqual(Math.floor(r.requests / 10) - 4);
    expect(r.errors).toBeLessThanOrEqual(Math.ceil(bodies.length / 10));
    expect(r.p50).toBeLessThanOrEqual(r.p99);
    expect(r.p99).toBeLessThanOrEqual(r.max);
  });

  it('at a rate: about that many requests a second, and a slow answer is charged to the requests it held up', async () => {
    // The 10th answer takes 200 ms. With one connection, the requests due meanwhile (about 40, one every 5 ms)
    // wait, and count from when they were due: the p99 shows the stall. Counted from when they were sent, one
    // request would be slow and the p99 would not.
    const { port } = await serve((n, res) => (n === 10 ? setTimeout(() => res.end('x'), 200) : res.end('x')));
    const r = await runLoad({ port, method: 'GET', path: '/', connections: 1, seconds: 1, rate: 200 });
    expect(r.perSecond).toBeGreaterThan(120);
    expect(r.perSecond).toBeLessThan(260);
    expect(r.errors).toBe(0);
    expect(r.max).toBeGreaterThanOrEqual(200);
    expect(r.p99).toBeGreaterThan(100);
    expect(r.p50).toBeLessThan(20);
  });

  it('does not count the warm-up', async () => {
    const { port, bodies } = await serve((_n, res) => res.end('x'));
    const r = await runLoad({ port, method: 'GET', path: '/', connections: 2, seconds: 0.3, rate: 100, warmupSeconds: 0.3 });
    // 0.6 s at 100 a second were sent; only the last 0.3 s were counted.
    expect(bodies.length).toBeGreaterThan(45);
    expect(r.requests).toBeGreaterThan(20);
    expect(r.requests).toBeLessThan(40);
  });

  it('counts a connection the server closed with a request unanswered, and carries on', async () => {
    const { port } = await serve((n, res) => (n === 5 ? res.socket!.destroy() : res.end('x')));
    const r = await runLoad({ port, method: 'GET', path: '/', connections: 1, seconds: 0.3 });
    expect(r.errors).toBe(1);
    expect(r.requests).toBeGreaterThan(10);
  });

  it('fails plainly when nothing listens', async () => {
    const { port } = await serve(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(runLoad({ port, method: 'GET', path: '/', connections: 1, seconds: 0.1 })).rejects.toThrow(/cannot connect/);
  });
});
