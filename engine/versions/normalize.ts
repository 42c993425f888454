// An AST with everything that is not meaning taken out, for comparing two versions: no source ranges,
// no comments, no keyword spellings, every shared name (event, fact, enum value, function) in its
// English id, numbers by value. Generic over node kinds, so constructs added later need no code here.
import type * as A from '../../dsl/ast/ast';
import { FACTS, lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { lookupFunction } from '../../dsl/builtins/functions';

/** A plain JSON-like value: what the structural walk compares. */
export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

const ENUM_VALUES = new Map<string, string>();
for (const f of FACTS) for (const v of f.values ?? []) ENUM_VALUES.set(v.sv, v.id);

/** A shared name in its English id; a policy's own names are left as they are (or renamed). */
export function canonicalName(name: string, renames?: ReadonlyMap<string, string>): string {
  const own = renames?.get(name);
  if (own) return own;
  return lookupVocabulary(name)?.id ?? lookupFunction(name)?.id ?? ENUM_VALUES.get(name) ?? name;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that carry only source position or spelling. */
const DROPPED = new Set(['range', 'runRange', 'comments', 'keywords', 'lang']);

export function normalize(value: unknown, renames?: ReadonlyMap<string, string>): Plain {
  if (Array.isArray(value)) return value.map((v) => normalize(v, renames));
  if (!isObject(value)) return value as Plain;
  const keys = Object.keys(value).filter((k) => !DROPPED.has(k) && value[k] !== undefined);
  // A name ({text}) or a reference ({kind: 'NameRef', name}): canonical spelling.
  if (keys.length === 1 && keys[0] === 'text' && typeof value.text === 'string') return { text: canonicalName(value.text, renames) };
  const out: { [key: string]: Plain } = {};
  for (const k of keys) {
    const v = value[k];
    if (k === 'name' && value.kind === 'NameRef' && typeof v === 'string') out[k] = canonicalName(v, renames);
    // an enum value given in an example (`given care_type psykiatrisk`)
    else if (k === 'value' && value.kind === 'name' && typeof v === 'string') out[k] = canonicalName(v, renames);
    // a number's spelling ("2.40", "2,4") beside its value is not meaning
    else if (k === 'text' && typeof value.value === 'number') continue;
    else out[k] = normalize(v, renames);
  }
  return out;
}

/** The header and each declaration by id, normalized. */
export interface NormalizedPolicy {
  header: Plain;
  declarations: Map<string, { kind: string; node: Plain; decl: A.Declaration }>;
  order: string[]; // declaration ids in file order
}

export function normalizePolicy(p: A.Policy, renames?: ReadonlyMap<string, string>): NormalizedPolicy {
  const declarations = new Map<string, { kind: string; node: Plain; decl: A.Declaration }>();
  const order: string[] = [];
  for (const d of p.declarations) {
    const id = canonicalName(d.id?.text ?? `#${order.length}`, renames);
    if (declarations.has(id)) continue; // declared twice: the checker says so
    declarations.set(id, { kind: d.kind, node: normalize(d, renames), decl: d });
    order.push(id);
  }
  return { header: normalize(p.header, renames), declarations, order };
}

export function plainEqual(a: Plain, b: Plain): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => plainEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => plainEqual(a[k], b[k]));
}
