export { render, hasMessage, msg, term, pickLang, isMsgLang, DEFAULT_LANG } from './render';
export type { MsgLang, Param, Params, Text, Message } from './render';
export { CATALOGUE, type MessageCode } from './catalogue';
export { TERMS } from './terms';
export { EVENT_TEXTS } from './events';
export { svDate, svMonth, dateIn, amountIn, decimalIn, monthIn, monthsIn } from './format';
export { jsonProblem } from './json';
