// Every number that bounds what one request may cost, and how long a connection may take: the service's
// limits in one place (docs/api.md, "Limits, timeouts, health and security", lists them).

// How large a request may be: one case, a batch body, the cases in a batch.
export const SINGLE_LIMIT = 1024 * 1024;
export const BATCH_LIMIT = 32 * 1024 * 1024;
export const BATCH_MAX = 100_000;
/** A JSON batch with explanations (each answer some kilobytes) holds at most this many cases; explain=false allows BATCH_MAX. */
export const BATCH_EXPLAINED_MAX = 10_000;

// POST /api/months: the months reported per municipality, the municipalities, their product, and the answer's size.
export const MONTHS_SPAN_MAX = 240;
export const MONTHS_MUNICIPALITIES_MAX = 300;
export const MONTHS_CELLS_MAX = 12_000;
export const ANSWER_MAX = 16 * 1024 * 1024;

/** Expensive requests (months, diffs, batches) one client (by address) may have in flight at once in one process; more answer 429. */
export const CLIENT_CONCURRENCY = 4;
/** A months or diff request that has not been answered after this long answers 503 (its worker goes on, bounded by the limits above). */
export const REQUEST_DEADLINE_MS = 30_000;

/** Node's and Fastify's connection timeouts (server/app.ts). */
export const TIMEOUTS = {
  /** the request line and headers must arrive within this (Node's headersTimeout) */
  headersMs: 10_000,
  /** the whole request, body included, must arrive within this (Node's requestTimeout); streamed NDJSON bodies are limited by their idle time instead */
  requestMs: 300_000,
  /** a socket with nothing sent or received for this long is closed (Fastify's connectionTimeout) */
  idleMs: 60_000,
  /** an idle keep-alive connection is closed after this (Fastify's keepAliveTimeout) */
  keepAliveMs: 5_000,
  /** on SIGTERM, requests in flight may finish for this long; then a process exits anyway */
  shutdownMs: 10_000,
  /** on SIGTERM, a streamed answer still running after this long ends with an error line (AVT-H017), before the exit */
  streamCutMs: 8_000,
};
export type Timeouts = typeof TIMEOUTS;

/** The limits a test may lower (buildApp's `limits`): a months or diff request's deadline, and a months answer's size. */
export interface WorkLimits {
  deadlineMs: number;
  answerBytes: number;
}
export const WORK_LIMITS: WorkLimits = { deadlineMs: REQUEST_DEADLINE_MS, answerBytes: ANSWER_MAX };

/** A version label, in UTF-8 bytes: the draft's file name (with its temporary suffix) must stay under the file system's 255. */
export const VERSION_LABEL_MAX_BYTES = 128;

/** The write token's minimum length, and how many wrong tokens one client may send per window before 429. */
export const TOKEN_MIN_LENGTH = 16;
export const TOKEN_FAILURES_MAX = 10;
export const TOKEN_FAILURE_WINDOW_MS = 60_000;
