import { buildApp } from './app';
const app = await buildApp({ policiesDir: 'policies', logger: true });
const r = await app.inject({ method: 'GET', url: '/api/status/' });
console.log(r.statusCode, r.body);
