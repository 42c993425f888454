// The request deadline of the work sent to a worker thread (months, diffs): a request not answered within it
// answers 503 AVT-H023 with Retry-After; the worker's job goes on (its cost is bounded by server/limits.ts),
// its answer unused.
import { httpError } from './errors';

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(httpError(503, 'AVT-H023', { ms }, { limit: { name: 'deadlineMs', max: ms, actual: ms } })), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
