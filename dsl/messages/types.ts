// The types of the message catalogue (see render.ts).
export type MsgLang = 'sv' | 'en';
/** A parameter: a value shown as it is, or a message rendered in the same language. */
export type Param = string | number | boolean | null | { code: string; params?: Params };
export type Params = Record<string, Param | undefined>;
export type Text = string | ((p: Params, lang: MsgLang) => string);
/** One message: its Swedish and its English text. */
export interface Message {
  sv: Text;
  en: Text;
}
