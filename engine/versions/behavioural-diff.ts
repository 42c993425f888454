// The behavioural diff: the same scenarios through both compiled versions, and every scenario whose
// outcome differs reported as a concrete counterexample. Outcomes are compared on the numbers-only
// hot path (evaluateOutcomes); only differing scenarios are evaluated again for their presentation.
import { EVENTS, FACTS } from '../../dsl/builtins/vocabulary';
import type { CompiledPolicy } from '../compiler/compile';
import { evaluate } from '../evaluator/evaluate';
import { EPISODE_KINDS, isBehaviourField, RULE_KINDS, runKind, type EpisodeKind, type EpisodeKinds } from '../evaluator/kinds';
import type { VersionInfo } from '../evaluator/result';
import { dayToIso } from '../calendar';
import { EVALUATION_DATE, type CaseData } from '../case/case-data';
import { describeInstant, generateScenarios, type Boundaries, type Scenario } from './scenarios';
import { renamesBetween } from './semantic-diff';
import { monthlyDiff } from './monthly-diff';
import { hasMessage, render as message, type MsgLang } from '../../dsl/messages/render';
import { valueWord } from './labels';

export interface OutcomeDifference {
  rule: string; // the rule's id in the new version
  field: string; // e.g. "first payable day"
  old: string;
  new: string;
}

export interface Counterexample {
  /** one line: "ready_notice_sent 2019-01-07 12:30: kommunens_betalningsansvar first payable day 2019-01-11 under the old version, 2019-01-10 under the new" */
  text: string;
  origin: string;
  tier: number;
  /** the example it was made from has the same outcome under both versions: the move onto a boundary made the difference */
  novel: boolean;
  /** the scenario: events in Stockholm local time, facts as given */
  events: Record<string, string>;
  facts: Record<string, string | number | boolean>;
  /** for a monthly ladder: the month-by-month averages (YYYY-MM → average) */
  averages?: Record<string, number>;
  differences: OutcomeDifference[];
}

export interface BehaviouralDiff {
  scenarios: number; // how many were run
  differing: number;
  /** every differing scenario (or maxCounterexamples of them), the examples' and the boundaries' first */
  counterexamples: Counterexample[];
  /** per rule and field: how many scenarios differ there */
  summary: { rule: string; field: string; count: number }[];
  /** rules only one version has: every scenario would differ, so they are listed, not compared */
  onlyInOld: string[];
  onlyInNew: string[];
  boundaries: Boundaries;
}

export interface BehaviouralOptions {
  /** at most this many scenarios (default 200 000) */
  limit?: number;
  /** keep at most this many counterexamples, spread over the kinds of difference (default: all); counts stay exact */
  maxCounterexamples?: number;
  /** the language of the counterexamples' sentences and field names (default Swedish) */
  lang?: MsgLang;
}

/** Every rule's outcome for a case, by kind (engine/evaluator/kinds.ts): computed dates too, which the hot path leaves out. */
function outcomesOf(p: CompiledPolicy, c: CaseData): { [K in EpisodeKind]: EpisodeKinds[K]['outcome'][] } {
  return { deadlines: runKind('deadlines', p, c), payments: runKind('payments', p, c), computed: runKind('computed', p, c) };
}

const words = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const show = (v: unknown) => (v === null || v === undefined ? 'none' : String(v));
/** A result field's name in the language ("first payable day", "första betalningsdag"). */
const fieldIn = (k: string, lang: MsgLang) => (lang !== 'en' && hasMessage(`diff.result.${k}`) ? message(`diff.result.${k}`, {}, lang) : words(k));
/** A value as shown; words (none, true, met…) in the language, dates and numbers as they are. */
const showIn = (v: unknown, lang: MsgLang) => {
  const t = show(v);
  return lang === 'en' ? t : valueWord(t, lang);
};

const DUMMY: VersionInfo = { agreement: '', version: '', status: 'draft', validFrom: '', validTo: null, hash: '' };

function describeScenario(s: Scenario, lang: MsgLang): { events: Record<string, string>; facts: Record<string, string | number | boolean>; line: string } {
  const events: Record<string, string> = {};
  const facts: Record<string, string | number | boolean> = {};
  const parts: string[] = [];
  s.data.events.forEach((t, i) => {
    if (Number.isNaN(t)) return;
    events[EVENTS[i].id] = describeInstant(t);
  });
  s.data.facts.forEach((v, i) => {
    if (v === undefined || (FACTS[i].id === 'care_type' && v === 'somatic')) return;
    facts[FACTS[i].id] = i === EVALUATION_DATE && typeof v === 'number' ? dayToIso(v) : v;
  });
  // names in the language's spelling of the shared vocabulary (the records keep the case file's English ids)
  const svName = new Map<string, string>(lang === 'sv' ? [...EVENTS, ...FACTS].map((x) => [x.id, x.sv]) : []);
  const n = (id: string) => svName.get(id) ?? id;
  const first = s.focus && (events[s.focus] !== undefined ? `${n(s.focus)} ${events[s.focus]}` : facts[s.focus] !== undefined ? `${n(s.focus)} ${showIn(facts[s.focus], lang)}` : message('diff.without', { name: n(s.focus) }, lang));
  for (const [k, v] of Object.entries(events)) if (k !== s.focus) parts.push(`${n(k)} ${v}`);
  for (const [k, v] of Object.entries(facts)) if (k !== s.focus) parts.push(`${n(k)} ${typeof v === 'boolean' ? valueWord(v ? 'yes' : 'no', lang) : v}`);
  return { events, facts, line: message('diff.scenarioLine', { first: first || '', rest: parts.join(', ') }, lang) };
}

/** Counterexamples to show: every one when limit is 0, else up to `limit`, spread over the kinds of difference, in order. */
export function pickCounterexamples(all: Counterexample[], limit: number): Counterexample[] {
  if (limit <= 0 || all.length <= limit) return all;
  const bySignature = new Map<string, Counterexample[]>();
  for (const c of all) {
    const sig = c.differences.map((d) => `${d.rule}/${d.field}`).join(',');
    const group = bySignature.get(sig);
    if (group) group.push(c);
    else bySignature.set(sig, [c]);
  }
  const chosen = new Set<Counterexample>();
  for (let round = 0; chosen.size < limit; round++) {
    let any = false;
    for (const group of bySignature.values()) {
      if (round < group.length && chosen.size < limit) {
        chosen.add(group[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return all.filter((c) => chosen.has(c));
}

/** The fields a reader looks at first; the rest follow as "also". */
const PRIMARY_KEYS = ['firstPayableDay', 'status', 'responsible', 'due', 'billableDays', 'amount'];

/** "kommunens_betalningsansvar: första betalningsdag 2019-01-11 med den gamla versionen, 2019-01-10 med den nya (även fristdagar 4 → 3)" */
function sentence(ds: OutcomeDifference[], lang: MsgLang): string {
  const PRIMARY = PRIMARY_KEYS.map((k) => fieldIn(k, lang));
  const byRule = new Map<string, OutcomeDifference[]>();
  for (const d of ds) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
  return [...byRule.entries()]
    .map(([rule, list]) => {
      const sorted = [...list].sort((x, y) => (PRIMARY.indexOf(x.field) + 1 || 99) - (PRIMARY.indexOf(y.field) + 1 || 99));
      const [first, ...rest] = sorted;
      const also = rest.map((x) => `${x.field} ${x.old} → ${x.new}`).join(', ');
      return message('diff.outcome', { rule, field: first.field, old: first.old, new: first.new, also }, lang);
    })
    .join('; ');
}

/**
 * Runs both versions over the scenarios of `generateScenarios` and reports each whose outcome differs.
 * Rules are matched by id, following renames the semantic diff finds.
 */
export function behaviouralDiff(a: CompiledPolicy, b: CompiledPolicy, options: BehaviouralOptions = {}): BehaviouralDiff {
  const lang = options.lang ?? 'sv';
  const renames = renamesBetween(a.ast, b.ast);
  const newId = (id: string) => renames.get(id) ?? id;
  // pairs[kind] = [index in a, index in b, id], for every kind of rule (engine/evaluator/kinds.ts)
  const pairs = {} as Record<EpisodeKind, [number, number, string][]>;
  const onlyInOld: string[] = [];
  const onlyInNew: string[] = [];
  for (const kind of EPISODE_KINDS) {
    const rulesA = RULE_KINDS[kind].rules(a);
    const rulesB = RULE_KINDS[kind].rules(b);
    const idsB = new Map(rulesB.map((r, i) => [r.decl.id.text, i]));
    pairs[kind] = [];
    rulesA.forEach((r, i) => {
      const j = idsB.get(newId(r.decl.id.text));
      if (j === undefined) onlyInOld.push(r.decl.id.text);
      else {
        pairs[kind].push([i, j, rulesB[j].decl.id.text]);
        idsB.delete(newId(r.decl.id.text));
      }
    });
    onlyInNew.push(...idsB.keys());
  }
  const differs = <K extends EpisodeKind>(kind: K, oa: EpisodeKinds[K]['outcome'][], ob: EpisodeKinds[K]['outcome'][]): boolean =>
    pairs[kind].some(([i, j]) => !(RULE_KINDS[kind].same as (x: EpisodeKinds[K]['outcome'], y: EpisodeKinds[K]['outcome']) => boolean)(oa[i], ob[j]));

  const { scenarios, boundaries } = generateScenarios(a, b, options.limit);
  const differing: Scenario[] = [];
  const differingBases = new Set<number>();
  for (const s of scenarios) {
    const oa = outcomesOf(a, s.data);
    const ob = outcomesOf(b, s.data);
    if (EPISODE_KINDS.some((kind) => differs(kind, oa[kind], ob[kind]))) {
      differing.push(s);
      if (s.tier === 0) differingBases.add(s.base);
    }
  }

  const counterexamples: Counterexample[] = [];
  const tally = new Map<string, { rule: string; field: string; count: number }>();
  for (const s of differing) {
    // the presented results (dates as text), compared field by field
    const ra = evaluate(a, s.data, DUMMY, { explain: false });
    const rb = evaluate(b, s.data, DUMMY, { explain: false });
    const differences: OutcomeDifference[] = [];
    for (const kind of EPISODE_KINDS) {
      for (const [i, j, id] of pairs[kind]) {
        const x = ra[kind][i] as Record<string, unknown>;
        const y = rb[kind][j] as Record<string, unknown>;
        for (const k of Object.keys(y)) {
          if (!isBehaviourField(k) || show(x[k]) === show(y[k])) continue;
          differences.push({ rule: id, field: fieldIn(k, lang), old: showIn(x[k], lang), new: showIn(y[k], lang) });
        }
      }
    }
    if (differences.length === 0) continue;
    const d = describeScenario(s, lang);
    counterexamples.push({ text: `${d.line}: ${sentence(differences, lang)}`, origin: s.origin, tier: s.tier, novel: s.tier > 0 && !differingBases.has(s.base), events: d.events, facts: d.facts, differences });
    for (const x of differences) {
      const key = `${x.rule}\u0000${x.field}`;
      const t = tally.get(key) ?? { rule: x.rule, field: x.field, count: 0 };
      t.count++;
      tally.set(key, t);
    }
  }
  // monthly ladders: sequences of averages around each version's threshold
  const monthly = monthlyDiff(a, b, renames, lang);
  onlyInOld.push(...monthly.onlyInOld);
  onlyInNew.push(...monthly.onlyInNew);
  for (const m of monthly.counterexamples) {
    const tier = m.origin.startsWith('example') ? (m.origin.includes(', ') ? 1 : 0) : 2;
    counterexamples.push({ text: m.text, origin: m.origin, tier, novel: tier > 0, events: {}, facts: {}, averages: m.averages, differences: m.differences });
    // counted once per scenario, whichever months differ
    for (const key of new Set(m.differences.map((x) => `${x.rule}\u0000${/ \d{4}-\d{2}$/.test(x.field) ? message('diff.monthly.someMonth', { field: x.field.replace(/ (?:in )?\d{4}-\d{2}$/, '') }, lang) : x.field}`))) {
      const [rule, field] = key.split('\u0000');
      const t = tally.get(key) ?? { rule, field, count: 0 };
      t.count++;
      tally.set(key, t);
    }
  }
  // the examples as written first; then scenarios where the move onto a boundary made the difference;
  // within each, times and values, day counts, calendar shifts. Stable otherwise.
  const rank = (c: Counterexample) => (c.tier === 0 ? 0 : c.novel ? 1 : 2);
  counterexamples.sort((x, y) => rank(x) - rank(y) || x.tier - y.tier);
  const kept = options.maxCounterexamples ? pickCounterexamples(counterexamples, options.maxCounterexamples) : counterexamples;
  return { scenarios: scenarios.length + monthly.scenarios, differing: counterexamples.length, counterexamples: kept, summary: [...tally.values()], onlyInOld, onlyInNew, boundaries };
}
