// The browser editor's static build and the interactive API page, served compressed (brotli or gzip, as the
// browser accepts). Vite names the editor's assets by their content hash (assets/main-Dn1TJOMd.js), so they
// are cached for a year as immutable; index.html, which names them, is revalidated on every load.
// Compression is registered in this scope only: the JSON API and its NDJSON streams are left as they are.
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The API page: Swagger UI (swagger-ui-dist, served from here, no CDN) reading /openapi.json. */
const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Avtal API</title>
<link rel="stylesheet" href="/docs/ui/swagger-ui.css">
<style>body{margin:0} .topbar-note{font:14px system-ui,sans-serif;padding:8px 16px;background:#1d2330;color:#fff} .topbar-note a{color:#9cc3ff}</style>
</head>
<body>
<div class="topbar-note"><a href="/">← Avtal editor</a> · OpenAPI document: <a href="/openapi.json">/openapi.json</a></div>
<main id="swagger-ui"></main>
<script src="/docs/ui/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;
const docsInit = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true, presets: [SwaggerUIBundle.presets.apis] });\n`;

export async function staticRoutes(app: FastifyInstance, editorDir: string | undefined): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyCompress, { encodings: ['br', 'gzip'] });
    scope.get('/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(docsPage));
    // `/api` alone is not an endpoint: it leads to the page that lists them
    scope.get('/api', async (_req, reply) => reply.redirect('/docs', 302));
    scope.get('/docs/init.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(docsInit));
    await scope.register(fastifyStatic, {
      root: swaggerDir, prefix: '/docs/ui/', decorateReply: false, index: false, cacheControl: false,
      allowedPath: (path) => /^\/(swagger-ui\.css|swagger-ui-bundle\.js)$/.test(path),
      setHeaders: (reply) => void reply.header('cache-control', 'public, max-age=86400'),
    });
    if (editorDir) {
      await scope.register(fastifyStatic, {
        root: editorDir, prefix: '/', index: ['index.html'], wildcard: true, cacheControl: false,
        // the build's .br and .gz copies (editor/vite.config.ts), sent as they are; @fastify/compress then leaves them alone
        preCompressed: true,
        setHeaders: (reply, path) => void reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache'),
      });
    }
  });
}
