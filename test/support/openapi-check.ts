// Every answer an HTTP test receives is held to the OpenAPI document: its status must be documented for the
// operation, its content type among the documented ones, and its body valid against the documented schema
// (NDJSON: every line against BatchAnswer). checkedApp(app) wraps app.inject so that each test checks this
// without saying so; checkAnswer is the check itself.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openApiDocument } from '../../server/openapi';

type Json = Record<string, unknown>;

export const OPENAPI = openApiDocument('test') as Json & { paths: Record<string, Record<string, Json>> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...OPENAPI, $id: 'avtal-openapi' });

const pointer = (...steps: string[]) => steps.map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('');
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
/** A validator for the schema at a JSON pointer of the document (its $refs resolved within it). */
export function validatorAt(ptr: string) {
  let v = compiled.get(ptr);
  if (!v) compiled.set(ptr, (v = ajv.compile({ $ref: `avtal-openapi#${ptr}` })));
  return v;
}

const templates = Object.keys(OPENAPI.paths).map((p) => ({ path: p, re: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]*')}/?$`) }));

/** The documented operation for a method and URL, or undefined. */
export function operationFor(method: string, url: string): { path: string; method: string; op: Json } | undefined {
  const path = url.split('?')[0];
  const m = method.toLowerCase();
  for (const t of templates) if (t.re.test(path) && OPENAPI.paths[t.path][m]) return { path: t.path, method: m, op: OPENAPI.paths[t.path][m] };
  return undefined;
}

function fail(what: string, method: string, url: string, status: number, body: string): never {
  throw new Error(`OpenAPI: ${method} ${url} → ${status}: ${what}\n  body: ${body.slice(0, 400)}`);
}

/** Checks one answer against the document; throws with the reason when it does not conform. */
export function checkAnswer(method: string, url: string, status: number, contentType: string | undefined, body: string): void {
  const m = method.toUpperCase();
  const path = url.split('?')[0];
  // the editor's static files and the OpenAPI document's neighbours are not the API
  if (!path.startsWith('/api/') && path !== '/api' && path !== '/openapi.json') return;
  // `/api` alone is no operation: it redirects to the API page (/docs), with no body
  if (path === '/api' && status >= 300 && status < 400 && body === '') return;
  const found = operationFor(m, url);
  if (!found) {
    // an unknown route or method: the service's error shape, nothing more
    if ((status === 404 || status === 405) && body) validate(pointer('components', 'schemas', 'Error'), body, m, url, status);
    else if (m !== 'HEAD' && m !== 'OPTIONS') fail('no documented operation, and not a 404/405 error', m, url, status, body);
    return;
  }
  const responses = found.op.responses as Record<string, Json>;
  const documented = responses[String(status)];
  if (!documented) fail(`status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`, m, url, status, body);
  if (m === 'HEAD' || body === '') return;
  const type = (contentType ?? '').split(';')[0].trim();
  const content = documented.content as Record<string, Json> | undefined;
  if (!content?.[type]) fail(`content type ${type} is not documented`, m, url, status, body);
  if (type === 'application/x-ndjson') {
    for (const line of body.split('\n').filter((l) => l.trim() !== '')) validate(pointer('components', 'schemas', 'BatchAnswer'), line, m, url, status);
    return;
  }
  validate(pointer('paths', found.path, found.method, 'responses', String(status), 'content', type, 'schema'), body, m, url, status);
}

function validate(ptr: string, body: string, method: string, url: string, status: number): void {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    fail('the body is not JSON', method, url, status, body);
  }
  const v = validatorAt(ptr);
  if (!v(value)) fail(`the body does not match ${ptr}: ${ajv.errorsText(v.errors, { separator: '; ' })}`, method, url, status, body);
}

/** The app, with inject checking every answer against the OpenAPI document. */
export function checkedApp<T extends FastifyInstance>(app: T): T {
  const inject = app.inject.bind(app) as (o: InjectOptions | string) => Promise<LightMyRequestResponse>;
  const checked = async (o: InjectOptions | string) => {
    const r = await inject(o);
    const method = typeof o === 'string' ? 'GET' : (o.method ?? 'GET');
    const url = typeof o === 'string' ? o : typeof o.url === 'string' ? o.url : String(o.path ?? '/');
    checkAnswer(String(method), url, r.statusCode, r.headers['content-type'] as string | undefined, r.body);
    return r;
  };
  (app as unknown as { inject: typeof checked }).inject = checked;
  return app;
}

/** fetch, with the answer checked against the OpenAPI document (for tests on a real socket); the body is read once. */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const r = await fetch(url, init);
  const text = await r.text();
  const u = new URL(url);
  checkAnswer(init.method ?? 'GET', `${u.pathname}${u.search}`, r.status, r.headers.get('content-type') ?? undefined, text);
  return new Response(text, { status: r.status, headers: r.headers });
}
