// Readable words for the semantic diff: declaration kinds, field names, and normalized values, in Swedish
// or English (the words are the catalogue's, dsl/messages/diff.ts). Anything not listed is still shown, by
// its field name; a new construct needs no entry.
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { hasMessage, render as message, type MsgLang } from '../../dsl/messages/render';
import type { Plain } from './normalize';

/** A word of the catalogue's table, or `fallback` when the table has none. */
const word = (code: string, lang: MsgLang, fallback: string): string => (hasMessage(code) ? message(code, {}, lang) : fallback);

const KIND_LABELS: Record<string, string> = {
  Interpretation: 'interpretation',
  Cutoff: 'cutoff',
  Deadline: 'deadline',
  Payment: 'payment rule',
  Parameter: 'parameter',
  Example: 'worked example',
  Measure: 'measure',
  Ladder: 'ladder',
};

/** "RecurringObligation" → "recurring obligation" when the table has no entry. */
export function kindLabel(kind: string, lang: MsgLang = 'en', definite = false): string {
  const fallback = KIND_LABELS[kind] ?? kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return word(`diff.${definite ? 'kindDef' : 'kind'}.${kind}`, lang, fallback);
}

// An empty label means "the value itself": `grace when X: 3 days → 4 days`, not `grace when X › value`.
const FIELD_LABELS: Record<string, string> = {
  id: 'name',
  title: 'title',
  county: 'county',
  version: 'version label',
  status: 'status',
  validFrom: 'valid from',
  validTo: 'valid to',
  source: 'source file',
  fallback: 'fallback',
  cites: 'citations',
  see: 'interpretations referred to',
  decision: 'decision',
  when: 'applies when',
  subject: 'event due',
  within: 'time limit',
  anchor: 'counted from',
  from: 'counted from',
  dayOne: 'day 1',
  grace: 'grace',
  requires: 'requires',
  exempt: 'exempt when',
  to: 'until',
  event: 'event',
  inclusive: 'inclusive',
  rate: 'rate',
  values: 'value',
  time: 'time',
  boundary: 'boundary',
  countsAs: 'the boundary itself counts as',
  derived: 'derived',
  rule: 'illustrates rule',
  assumptions: 'assumptions',
  givens: 'given',
  averages: 'given average',
  expects: 'expected',
  heading: 'heading',
  quote: 'quote',
  file: 'file',
  value: '',
  date: '',
  n: '',
  count: '',
};

export function fieldLabel(key: string, lang: MsgLang = 'en'): string {
  const fallback = key in FIELD_LABELS ? FIELD_LABELS[key] : key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return word(`diff.field.${key}`, lang, fallback);
}

/** A word of a value ("yes", "same day", "otherwise") in the language. */
export const valueWord = (w: string, lang: MsgLang): string => (lang === 'en' ? w : word(`diff.value.${w}`, lang, w));

const isObject = (v: unknown): v is { [k: string]: Plain } => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: { [k: string]: Plain }, ...keys: string[]) => keys.every((k) => o[k] !== undefined);
const only = (o: { [k: string]: Plain }, ...keys: string[]) => Object.keys(o).filter((k) => o[k] !== undefined).every((k) => keys.includes(k));

const UNIT: Record<string, string> = { days: 'days', 'calendar-days': 'calendar days', weekdays: 'weekdays', 'working-days': 'working days', hours: 'hours', minutes: 'minutes' };

/** Expression kinds: compared and shown as a whole, never field by field. */
export const EXPRESSION_KINDS = new Set(['Number', 'Duration', 'Money', 'Date', 'Instant', 'Time', 'String', 'Bool', 'NameRef', 'Call', 'Arith', 'Compare', 'Is', 'CutoffTest', 'And', 'Or', 'Not']);

/** A normalized value in one line of Swedish or English. */
export function render(v: Plain, lang: MsgLang = 'en'): string {
  const r = (x: Plain) => render(x, lang);
  const w = (x: string) => valueWord(x, lang);
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return w(v ? 'yes' : 'no');
  if (typeof v === 'number' || typeof v === 'string') return v === 'until-further-notice' ? w('until further notice') : String(v);
  if (Array.isArray(v)) return v.length ? v.map(r).join(', ') : w('(none)');
  if (Object.keys(v).length === 0) return w('yes'); // a flag clause such as `carry forward`
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  if (kind && EXPRESSION_KINDS.has(kind)) return expression(v, lang);
  if (only(v, 'text')) return nameIn(String(v.text), lang);
  // a keyword value such as `same-day` reads as words; any other string is quoted text
  if (only(v, 'value') && typeof v.value === 'string') return /^[a-z]+(-[a-z]+)+$/.test(v.value) ? w(v.value.replace(/-/g, ' ')) : `"${v.value}"`;
  if (only(v, 'iso')) return String(v.iso);
  if (has(v, 'n', 'unit') && only(v, 'n', 'unit')) return `${v.n} ${w(UNIT[String(v.unit)] ?? String(v.unit))}`;
  if (has(v, 'heading')) return `"${r(v.heading).replace(/^"|"$/g, '')}"${v.quote ? `: ${r(v.quote)}` : ''}`;
  if (has(v, 'value') && only(v, 'value', 'when')) return `${r(v.value)}${v.when ? ` ${w('when')} ${r(v.when)}` : ` ${w('otherwise')}`}`;
  if (kind === 'instant') return `${v.date}${v.time ? ` ${v.time}` : ''}`;
  if (kind && has(v, 'value') && only(v, 'kind', 'value', 'text')) return r(v.value);
  if (has(v, 'event', 'inclusive') && only(v, 'event', 'inclusive')) return `${r(v.event)} ${w(v.inclusive ? 'inclusive' : 'exclusive')}`;
  const parts = Object.entries(v).filter(([k, x]) => x !== undefined && k !== 'kind').map(([k, x]) => (fieldLabel(k, lang) ? `${fieldLabel(k, lang)} ${r(x)}` : r(x)));
  return [kind && expectationWord(kind, lang), ...parts].filter(Boolean).join(' ');
}

/** What a worked example expects, by its kind (`billable-days` → "debiterbara dagar"); another kind by its words. */
export const expectationWord = (kind: string, lang: MsgLang): string => (lang === 'en' ? kind.replace(/-/g, ' ') : word(`diff.expect.${kind}`, lang, kind.replace(/-/g, ' ')));

/** A shared name in the language's spelling (`ready_notice_sent` → `utskrivningsklar_meddelad`); the policy's own names as written. */
function nameIn(name: string, lang: MsgLang): string {
  const v = lookupVocabulary(name);
  return v ? (lang === 'sv' ? v.sv : v.id) : name;
}

function expression(e: { [k: string]: Plain }, lang: MsgLang): string {
  const r = (x: Plain) => render(x, lang);
  const w = (x: string) => valueWord(x, lang);
  const sub = (x: Plain) => {
    const s = r(x);
    return isObject(x) && (x.kind === 'And' || x.kind === 'Or') ? `(${s})` : s;
  };
  switch (e.kind) {
    case 'Number': return String(e.value);
    case 'Duration': return `${e.value} ${w(UNIT[String(e.unit)] ?? String(e.unit))}`;
    case 'Money': return `${e.value} ${w('SEK')}`;
    case 'Date': return String(e.iso);
    case 'Instant': return `${e.date} ${e.time}`;
    case 'Time': return String(e.text);
    case 'String': return `"${e.value}"`;
    case 'Bool': return w(e.value ? 'yes' : 'no');
    case 'NameRef': return nameIn(String(e.name), lang);
    case 'Call': return `${r(e.fn)}(${(e.args as Plain[]).map(r).join(', ')})`;
    case 'Arith':
    case 'Compare': return `${sub(e.left)} ${e.op} ${sub(e.right)}`;
    case 'Is': return `${sub(e.subject)} ${w('is')} ${r(e.value)}`;
    case 'CutoffTest': return `${sub(e.subject)} ${w(String(e.side))} ${r(e.cutoff)}`;
    case 'And':
    case 'Or': return (e.operands as Plain[]).map(sub).join(` ${w(e.kind === 'And' ? 'and' : 'or')} `);
    case 'Not': return `${w('not')} ${sub(e.operand)}`;
  }
  return JSON.stringify(e);
}
