// How large a request may be: one case, a batch body, the cases in a batch.
export const SINGLE_LIMIT = 1024 * 1024;
export const BATCH_LIMIT = 32 * 1024 * 1024;
export const BATCH_MAX = 100_000;
