// Connection timeouts on a real socket, with short timeouts configured for the test: a body that stops
// coming and headers that never end are cut off (408, then the socket is closed); a streamed answer cut by
// shutdown ends with an explicit error line.
import { connect } from 'node:net';
import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { app as makeApp, episode } from './helpers';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listen(timeouts: Parameters<typeof makeApp>[0] extends infer O ? (O extends { timeouts?: infer T } ? T : never) : never) {
  app = await makeApp({ timeouts });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

/** Sends `text` on a raw socket and resolves with what came back and how long until the server closed it. */
function raw(port: number, text: string): Promise<{ received: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (received += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ received, ms: Date.now() - started }));
    setTimeout(() => socket.destroy(new Error('the server kept the connection open')), 10_000).unref();
  });
}

describe('timeouts on a real socket', () => {
  it('cuts off a body that stops coming (content-length 1000, ten bytes sent): 408, socket closed', async () => {
    const port = await listen({ requestMs: 600, headersMs: 400, idleMs: 5_000 });
    const { received, ms } = await raw(port, 'POST /api/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"county":');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(500);
    expect(ms).toBeLessThan(5_000);
  });

  it('cuts off headers that never end', async () => {
    const port = await listen({ requestMs: 2_000, headersMs: 400, idleMs: 5_000 });
    const { received, ms } = await raw(port, 'GET /api/status HTTP/1.1\r\nHost: local');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5_000);
  });

  it('closes an idle keep-alive connection after keepAliveMs', async () => {
    const port = await listen({ keepAliveMs: 300 });
    const { received, ms } = await raw(port, 'GET /api/status HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).toBeLessThan(3_000);
  });

  it('ends an NDJSON answer cut by shutdown with an explicit error line, never as if whole', async () => {
    const port = await listen({ streamCutMs: 200 });
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/evaluate/batch?explain=false', method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(text));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.write(JSON.stringify(episode) + '\n');
      setTimeout(() => void app!.close(), 100);
      // The client is still sending after the stream's time is up.
      setTimeout(() => req.write(JSON.stringify({ ...episode, id: 'late' }) + '\n'), 500);
      setTimeout(() => req.end(), 700);
    });
    const lines = body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ ok: true });
    expect(lines[lines.length - 1]).toMatchObject({ ok: false, status: 503, incomplete: true, error: { code: 'AVT-H017', message: 'servern håller på att stängas; försök igen: svaret slutar efter raderna ovan' } });
  });
});
