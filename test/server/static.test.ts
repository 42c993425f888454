// The editor's static build and the API page: compressed, hashed assets cached as immutable, index.html
// revalidated, /docs serving Swagger UI from the package (no CDN) over /openapi.json. The JSON API itself
// is not compressed by this (its NDJSON streams stay as they are).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as makeApp, tempPolicies } from './helpers';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
let app: FastifyInstance;
let editorDir: string;
let policies: { dir: string; remove: () => void };

beforeAll(async () => {
  editorDir = mkdtempSync(join(tmpdir(), 'avtal-static-'));
  mkdirSync(join(editorDir, 'assets'));
  writeFileSync(join(editorDir, 'index.html'), '<!doctype html><title>Avtal</title><script type="module" src="./assets/main-AbC123.js"></script>');
  writeFileSync(join(editorDir, 'assets/main-AbC123.js'), SCRIPT);
  policies = tempPolicies();
  app = await makeApp({ policiesDir: policies.dir, editorDir });
});
afterAll(async () => {
  await app.close();
  policies.remove();
  rmSync(editorDir, { recursive: true, force: true });
});

describe('static serving', () => {
  it('sends hashed assets with brotli or gzip and a year-long immutable cache', async () => {
    const br = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    const gz = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('revalidates index.html on every load', async () => {
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toContain('main-AbC123.js');
  });

  it('leaves the JSON API uncompressed', async () => {
    const r = await app.inject({ url: '/api/agreements', headers: { 'accept-encoding': 'br, gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(Array.isArray(r.json())).toBe(true);
  });

  it('serves the interactive API page at /docs with Swagger UI from the package, reading /openapi.json', async () => {
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/docs/ui/swagger-ui-bundle.js');
    const init = await app.inject({ url: '/docs/init.js' });
    expect(init.body).toContain("url: '/openapi.json'");
    const bundle = await app.inject({ url: '/docs/ui/swagger-ui-bundle.js', headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    expect((await app.inject({ url: '/docs/ui/swagger-ui.css' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/docs/ui/package.json' })).statusCode).toBe(404); // only the two files the page needs
    const api = await app.inject({ url: '/api' });
    expect(api.statusCode).toBe(302);
    expect(api.headers.location).toBe('/docs');
  });

  it("gives /docs a working example: the OpenAPI document's example case evaluates", async () => {
    const doc = (await app.inject('/openapi.json')).json();
    const example = doc.paths['/api/evaluate'].post.requestBody.content['application/json'].example;
    expect(example.county).toBe('varmland');
    const r = await app.inject({ method: 'POST', url: '/api/evaluate', payload: example });
    expect(r.statusCode).toBe(200);
    expect(r.json().payments[0].firstPayableDay).toBe('2019-01-11');
  });
});
