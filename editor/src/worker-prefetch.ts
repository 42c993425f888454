/// <reference lib="webworker" />
// The language worker's second module (after worker-clock.ts, before the parser and checker load): asks the
// server for the text the page opens first, so that the worker can analyse it as soon as its modules have
// loaded. The page also sends that text (`prepare`), but a message to a module worker is delivered only once
// the page's main thread has time to hand it over, and at that moment it is usually busy running Monaco:
// the worker would wait idle, for up to a second on a busy machine, before its first analysis.
import { fetchFirstText, hintFromName } from './first-text';

const hint = hintFromName((self as unknown as DedicatedWorkerGlobalScope).name);
export const prefetchedText: Promise<string | undefined> = hint && !hint.skip ? fetchFirstText(hint) : Promise.resolve(undefined);
