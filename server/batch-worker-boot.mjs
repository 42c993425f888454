// Starts a batch worker thread: registers tsx so the TypeScript source runs, whatever loader the main thread has.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
