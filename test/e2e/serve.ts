// Minimal static file server for browser tests (the real `npm start` server
// will serve the editor later; this stays deliberately tiny).
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

export interface StaticServer {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:43567/ */
  url: string;
  close: () => Promise<void>;
}

/** Serve `dir` on 127.0.0.1 at a random free port. */
export async function startStaticServer(dir: string): Promise<StaticServer> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: resolve(dir), prefix: '/', index: ['index.html'] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error(`unexpected server address: ${String(address)}`);
  }
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => app.close(),
  };
}
