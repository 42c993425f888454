// The service on a real socket (127.0.0.1, port 0): requests, the one-line-per-request log, and a graceful
// shutdown that finishes the request in flight.
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import { episode, repoPolicies } from './helpers';
import { checkedFetch } from '../support/openapi-check';

async function listen(logLines?: string[]) {
  const stream = new Writable({ write(chunk, _enc, cb) { logLines?.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
  const app = await buildApp({ policiesDir: repoPolicies, batchWorkers: 0, logger: logLines ? { level: 'info', stream } : false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, base: `http://127.0.0.1:${address.port}` };
}

describe('on a real socket', () => {
  it('answers requests and logs one JSON line per request', async () => {
    const log: string[] = [];
    const { app, base } = await listen(log);
    try {
      const status = await checkedFetch(`${base}/api/status`);
      expect(status.status).toBe(200);
      const ev = await checkedFetch(`${base}/api/evaluate?explain=false`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(episode) });
      expect(ev.status).toBe(200);
      expect((await ev.json()).payments[0].amount).toBe(39000);
      const bad = await checkedFetch(`${base}/api/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
      expect(bad.status).toBe(400);
      // A request's line is written once its answer is sent, which may be after the client has it.
      const requestLines = () => log.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      await vi.waitFor(() => expect(requestLines()).toHaveLength(3));
      const requests = requestLines();
      expect(requests.map((r) => [r.method, r.url, r.status])).toEqual([
        ['GET', '/api/status', 200],
        ['POST', '/api/evaluate?explain=false', 200],
        ['POST', '/api/evaluate', 400],
      ]);
      expect(requests.every((r) => typeof r.durationMs === 'number')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('finishes a request in flight when closing, then refuses new connections', async () => {
    const { app, base } = await listen();
    const url = new URL(`${base}/api/evaluate/batch?explain=false`);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(JSON.stringify(episode) + '\n');
      // The request is in flight when the server starts closing; the rest of the body comes after.
      setTimeout(() => {
        closed = app.close();
        setTimeout(() => req.end(JSON.stringify({ ...episode, id: 'after-close' }) + '\n'), 100);
      }, 100);
    });
    let closed: Promise<unknown> | undefined;
    const { status, body } = await answer;
    await closed;
    expect(status).toBe(200);
    const lines = body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.result.caseId)).toEqual(['ep-1', 'after-close']);
    await expect(fetch(`${base}/api/status`)).rejects.toThrow();
  });
});
