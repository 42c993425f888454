/// <reference lib="webworker" />
// The first module the language worker evaluates (it imports nothing): the time, on the worker's clock, when
// its script had been fetched and compiled and began to run, before the parser and checker modules load.
export const workerStarted = performance.now();

// Tells the page the script runs (boot.ts then requests Monaco). No request id: the language client ignores it.
(self as unknown as DedicatedWorkerGlobalScope).postMessage({ started: workerStarted });
