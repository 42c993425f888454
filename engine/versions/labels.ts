// Readable words for the semantic diff: declaration kinds, field names, and normalized values.
// Anything not listed here is still shown, by its field name; a new construct needs no entry.
import type { Plain } from './normalize';

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
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
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

export function fieldLabel(key: string): string {
  if (key in FIELD_LABELS) return FIELD_LABELS[key];
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
}

const isObject = (v: unknown): v is { [k: string]: Plain } => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: { [k: string]: Plain }, ...keys: string[]) => keys.every((k) => o[k] !== undefined);
const only = (o: { [k: string]: Plain }, ...keys: string[]) => Object.keys(o).filter((k) => o[k] !== undefined).every((k) => keys.includes(k));

const UNIT: Record<string, string> = { days: 'days', 'calendar-days': 'calendar days', weekdays: 'weekdays', 'working-days': 'working days', hours: 'hours', minutes: 'minutes' };
const OPS: Record<string, string> = { And: ' and ', Or: ' or ' };

/** Expression kinds: compared and shown as a whole, never field by field. */
export const EXPRESSION_KINDS = new Set(['Number', 'Duration', 'Money', 'Date', 'Instant', 'Time', 'String', 'Bool', 'NameRef', 'Call', 'Arith', 'Compare', 'Is', 'CutoffTest', 'And', 'Or', 'Not']);

/** A normalized value in one line of English. */
export function render(v: Plain): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' || typeof v === 'string') return v === 'until-further-notice' ? 'until further notice' : String(v);
  if (Array.isArray(v)) return v.length ? v.map(render).join(', ') : '(none)';
  if (Object.keys(v).length === 0) return 'yes'; // a flag clause such as `carry forward`
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  if (kind && EXPRESSION_KINDS.has(kind)) return expression(v);
  if (only(v, 'text')) return String(v.text);
  // a keyword value such as `same-day` reads as words; any other string is quoted text
  if (only(v, 'value') && typeof v.value === 'string') return /^[a-z]+(-[a-z]+)+$/.test(v.value) ? v.value.replace(/-/g, ' ') : `"${v.value}"`;
  if (only(v, 'iso')) return String(v.iso);
  if (has(v, 'n', 'unit') && only(v, 'n', 'unit')) return `${v.n} ${UNIT[String(v.unit)] ?? v.unit}`;
  if (has(v, 'heading')) return `"${render(v.heading).replace(/^"|"$/g, '')}"${v.quote ? `: ${render(v.quote)}` : ''}`;
  if (has(v, 'value') && only(v, 'value', 'when')) return `${render(v.value)}${v.when ? ` when ${render(v.when)}` : ' otherwise'}`;
  if (kind === 'instant') return `${v.date}${v.time ? ` ${v.time}` : ''}`;
  if (kind && has(v, 'value') && only(v, 'kind', 'value', 'text')) return render(v.value);
  if (has(v, 'event', 'inclusive') && only(v, 'event', 'inclusive')) return `${render(v.event)}${v.inclusive ? ' inclusive' : ' exclusive'}`;
  const parts = Object.entries(v).filter(([k, x]) => x !== undefined && k !== 'kind').map(([k, x]) => (fieldLabel(k) ? `${fieldLabel(k)} ${render(x)}` : render(x)));
  return [kind?.replace(/-/g, ' '), ...parts].filter(Boolean).join(' ');
}

function expression(e: { [k: string]: Plain }): string {
  const sub = (x: Plain) => {
    const s = render(x);
    return isObject(x) && (x.kind === 'And' || x.kind === 'Or') ? `(${s})` : s;
  };
  switch (e.kind) {
    case 'Number': return String(e.value);
    case 'Duration': return `${e.value} ${UNIT[String(e.unit)] ?? e.unit}`;
    case 'Money': return `${e.value} SEK`;
    case 'Date': return String(e.iso);
    case 'Instant': return `${e.date} ${e.time}`;
    case 'Time': return String(e.text);
    case 'String': return `"${e.value}"`;
    case 'Bool': return e.value ? 'yes' : 'no';
    case 'NameRef': return String(e.name);
    case 'Call': return `${render(e.fn)}(${(e.args as Plain[]).map(render).join(', ')})`;
    case 'Arith':
    case 'Compare': return `${sub(e.left)} ${e.op} ${sub(e.right)}`;
    case 'Is': return `${sub(e.subject)} is ${render(e.value)}`;
    case 'CutoffTest': return `${sub(e.subject)} ${e.side} ${render(e.cutoff)}`;
    case 'And':
    case 'Or': return (e.operands as Plain[]).map(sub).join(OPS[String(e.kind)]);
    case 'Not': return `not ${sub(e.operand)}`;
  }
  return JSON.stringify(e);
}
