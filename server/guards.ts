// What stands between a request and the routes: the Host allow-list (DNS rebinding), tokens refused in query
// strings, the per-client cap on expensive requests, the write token's checks and their rate limit, the
// security headers, and 405 for a known path asked with another method.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorJson, httpError, message } from './errors';
import { CLIENT_CONCURRENCY, TOKEN_FAILURE_WINDOW_MS, TOKEN_FAILURES_MAX } from './limits';

/**
 * The editor's Content-Security-Policy: its own scripts, styles and web workers (Monaco's and the language
 * worker, same origin; `blob:` for workers Monaco may start that way), inline styles (Monaco sets them), data:
 * fonts and images (Monaco's codicons), requests to this service only, never framed. No inline script and no
 * 'unsafe-eval': the editor's worker validates cases with the schema's validator generated ahead of time
 * (engine/case/schema-validator.js, ajv's standalone code), so nothing is compiled from a string in the page.
 */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
  "worker-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Query parameters that look like a credential: refused, and never logged with their value. */
const TOKEN_PARAMS = /^(token|access_token|auth_token|authorization|bearer|api_key|apikey|secret|password)$/i;

/** The URL as logged: the value of a credential-like query parameter replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  return url.slice(0, q + 1) + url.slice(q + 1).split('&').map((kv) => {
    const eq = kv.indexOf('=');
    const key = eq === -1 ? kv : kv.slice(0, eq);
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      /* keep it as sent */
    }
    return TOKEN_PARAMS.test(name) ? `${key}=[redacted]` : kv;
  }).join('&');
}

function tokenParam(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  for (const kv of url.slice(q + 1).split('&')) {
    const key = kv.split('=')[0];
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      /* as sent */
    }
    if (TOKEN_PARAMS.test(name)) return name;
  }
  return undefined;
}

/** Host names a loopback service answers to: anything else may be a DNS-rebinding page in a browser. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');

function hostName(header: string | undefined): string {
  const h = (header ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

export interface GuardOptions {
  /** answer only these Host names (without the port); undefined: any */
  allowedHosts?: string[];
  /** expensive requests in flight per client */
  concurrency?: number;
  /** the methods of the API path a URL names (methodsByPath), for 405 before any body is read */
  allowedMethods?: (url: string) => string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** months, diffs and batches: counted against the client's concurrency cap */
    expensive?: boolean;
  }
}

/** The client a request comes from, for the per-client limits: its address. */
const clientOf = (req: FastifyRequest): string => req.ip ?? req.socket.remoteAddress ?? '?';

const send = (reply: FastifyReply, e: ReturnType<typeof httpError>, headers: Record<string, string> = {}) =>
  reply.code(e.status).headers(headers).type('application/json; charset=utf-8').send(errorJson(e.body));

export function guards(app: FastifyInstance, options: GuardOptions): void {
  const allowed = options.allowedHosts?.map((h) => h.toLowerCase());
  const max = options.concurrency ?? CLIENT_CONCURRENCY;
  const inFlight = new Map<string, number>();

  app.addHook('onRequest', async (req, reply) => {
    if (allowed && !allowed.includes(hostName(req.headers.host))) {
      return send(reply, httpError(403, 'AVT-H029', { host: hostName(req.headers.host) || '(none)', allowed: allowed.join(', ') }));
    }
    // A known API path with a method it does not have (TRACE, QUERY, DELETE…): 405 with Allow, before its body.
    if (!req.routeOptions.url && options.allowedMethods) {
      const allow = options.allowedMethods(req.url);
      if (allow.length > 0 && !allow.includes(req.method)) {
        const e = methodNotAllowed(req.method, req.url.split('?')[0], allow);
        return reply.code(e.status).header('allow', allow.join(', ')).type('application/json; charset=utf-8').send(errorJson(e.body));
      }
    }
    const param = tokenParam(req.url);
    if (param) return send(reply, httpError(400, 'AVT-H026', { name: param }, { pointer: `/${param}`, in: 'querystring' }));
    if (req.routeOptions.config?.expensive) {
      const client = clientOf(req);
      const n = inFlight.get(client) ?? 0;
      if (n >= max) return send(reply, httpError(429, 'AVT-H022', { max }), { 'retry-after': '1' });
      inFlight.set(client, n + 1);
      // Whether answered, failed or abandoned by the client: the slot is given back once.
      reply.raw.once('close', () => {
        const left = (inFlight.get(client) ?? 1) - 1;
        if (left <= 0) inFlight.delete(client);
        else inFlight.set(client, left);
      });
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });
}

/**
 * The write token's check, for the routes that write: 403 when writes are off, 401 (with
 * `WWW-Authenticate: Bearer`) without a token, 403 for a wrong one, counted per client; after
 * TOKEN_FAILURES_MAX wrong tokens in TOKEN_FAILURE_WINDOW_MS, 429 until the window ends. The token is compared
 * in constant time and never logged.
 */
export function tokenCheck(token: string | undefined) {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  const expected = token ? digest(token) : undefined;
  const failures = new Map<string, { count: number; since: number }>();
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!expected) throw httpError(403, 'AVT-H006');
    const client = clientOf(req);
    const now = Date.now();
    let f = failures.get(client);
    if (f && now - f.since >= TOKEN_FAILURE_WINDOW_MS) {
      failures.delete(client);
      f = undefined;
    }
    if (f && f.count >= TOKEN_FAILURES_MAX) {
      const seconds = Math.ceil((f.since + TOKEN_FAILURE_WINDOW_MS - now) / 1000);
      reply.header('retry-after', String(seconds));
      throw httpError(429, 'AVT-H027', { seconds });
    }
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!m) {
      reply.header('www-authenticate', 'Bearer realm="avtal"');
      throw httpError(401, 'AVT-H007');
    }
    if (!timingSafeEqual(digest(m[1].trim()), expected)) {
      if (failures.size > 10_000) failures.clear(); // a flood of addresses cannot grow the table without bound
      const entry = f ?? { count: 0, since: now };
      entry.count++;
      failures.set(client, entry);
      req.log.warn({ client, failures: entry.count }, 'wrong write token');
      throw httpError(403, 'AVT-H007');
    }
  };
}

/** Routes by path pattern, to answer 405 (with Allow) for a known path asked with a method it does not have. */
export function methodsByPath(app: FastifyInstance): (url: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (r) => {
    if (r.url.includes('*') || !(r.url.startsWith('/api/') || r.url === '/openapi.json' || r.url === '/health' || r.url === '/ready')) return;
    const pattern = new RegExp('^' + r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+') + '/?$');
    for (const m of [r.method].flat()) {
      const known = routes.find((x) => x.pattern.source === pattern.source);
      if (known) known.methods.push(m);
      else routes.push({ pattern, methods: [m] });
    }
  });
  return (url) => {
    const path = url.split('?')[0];
    return [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))];
  };
}

export const methodNotAllowed = (method: string, url: string, allow: string[], lang?: Parameters<typeof message>[2]) =>
  ({ status: 405, body: { code: 'AVT-H028', message: message('AVT-H028', { method, url, allow: allow.join(', ') }, lang) } });
