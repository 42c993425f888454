// Monthly statistics and escalation ladders: the library entry point (browser-safe).
export { evaluateMonths, type MonthsInput, type MonthsOptions } from './evaluate-months';
export type * from './result';
export { readCsv, readJsonLines, readObjects, type Episode, type InputError } from './episodes';
