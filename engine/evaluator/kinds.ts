// The kinds of rule about one care episode, one entry each: where a compiled policy keeps its rules of the kind,
// how one runs on a case, how its outcome is presented and explained, and which fields of an outcome are
// behaviour (what the behavioural diff compares). Evaluation, citations, the worked examples (through evaluate)
// and the behavioural diff iterate over this table; adding a kind is an entry here (the type below makes every
// table keyed by the kinds — this one, the export's — incomplete until it has one).
//
// The table lives in the evaluator's stage, not above it: folders are stages and data flows one way, so the
// compiler (below) cannot see it and the export (above) keeps its own table keyed by the same kinds
// (engine/export/jre-export.ts, EXPORTERS).
import type * as A from '../../dsl/ast/ast';
import type { MsgLang } from '../../dsl/messages/render';
import type { CaseData } from '../case/case-data';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledComputed, ComputedOutcome } from '../compiler/computed';
import type { CompiledDeadline, DeadlineOutcome } from '../compiler/deadline';
import type { CompiledPayment, PaymentOutcome } from '../compiler/payment';
import { presentDeadline, presentPayment } from './explain';
import { presentComputed } from './explain-computed';
import type { ComputedResult, DeadlineResult, ExplanationStep, PaymentResult, Warning } from './result';

/** For each kind: its compiled rule, its outcome (numbers), its presented result. The key is the list's name in a compiled policy and in a result. */
export interface EpisodeKinds {
  deadlines: { rule: CompiledDeadline; outcome: DeadlineOutcome; result: DeadlineResult };
  payments: { rule: CompiledPayment; outcome: PaymentOutcome; result: PaymentResult };
  computed: { rule: CompiledComputed; outcome: ComputedOutcome; result: ComputedResult };
}
export type EpisodeKind = keyof EpisodeKinds;

/** What presenting an outcome may add to and read from: the explanation, the warnings, the language, the case. */
export interface PresentContext {
  steps: ExplanationStep[] | undefined;
  warnings: Warning[];
  lang: MsgLang;
  c: CaseData;
}

export interface RuleKind<K extends EpisodeKind> {
  /** the declaration kind in the AST */
  declaration: A.Declaration['kind'];
  rules(p: CompiledPolicy): readonly EpisodeKinds[K]['rule'][];
  run(r: EpisodeKinds[K]['rule'], c: CaseData): EpisodeKinds[K]['outcome'];
  present(p: CompiledPolicy, r: EpisodeKinds[K]['rule'], o: EpisodeKinds[K]['outcome'], x: PresentContext): EpisodeKinds[K]['result'];
  /** whether two outcomes are the same behaviour (fields that echo the input or name a clause by position are not) */
  same(a: EpisodeKinds[K]['outcome'], b: EpisodeKinds[K]['outcome']): boolean;
}

/** Fields of an outcome record that echo the input or name a clause by position: not behaviour. */
const NOT_BEHAVIOUR = /clause|^anchor$|^actual$/i;

/** Two outcome records with the same behaviour: every field but those, NaN equal to NaN (a payment's later periods compared the same way). */
export function sameRecord(x: object, y: object): boolean {
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  for (const k of Object.keys(a)) {
    if (NOT_BEHAVIOUR.test(k)) continue;
    const u = a[k];
    const v = b[k];
    if (u === v || (typeof u === 'number' && typeof v === 'number' && Number.isNaN(u) && Number.isNaN(v))) continue;
    if (Array.isArray(u) && Array.isArray(v) && u.length === v.length && u.every((e, i) => sameRecord(e, v[i]))) continue;
    return false;
  }
  return true;
}

/** A result field that is text about the decision, not the decision (the behavioural diff does not compare it). */
export const PRESENTATION_ONLY: ReadonlySet<string> = new Set(['id', 'title', 'reason', 'actual', 'dueInstant', 'ratesUsed', 'currency']);
export const isBehaviourField = (k: string): boolean => !PRESENTATION_ONLY.has(k) && !NOT_BEHAVIOUR.test(k);

export const RULE_KINDS: { readonly [K in EpisodeKind]: RuleKind<K> } = {
  deadlines: {
    declaration: 'Deadline',
    rules: (p) => p.deadlines,
    run: (r, c) => r.run(c),
    present: (p, r, o, x) => presentDeadline(p, r, o, x.steps, x.lang),
    same: sameRecord,
  },
  payments: {
    declaration: 'Payment',
    rules: (p) => p.payments,
    run: (r, c) => r.run(c),
    present: (p, r, o, x) => presentPayment(p, r, o, x.steps, x.warnings, x.lang, x.c),
    same: sameRecord,
  },
  computed: {
    declaration: 'Computed',
    rules: (p) => p.computed,
    run: (r, c) => r.run(c),
    present: (p, r, o, x) => presentComputed(p, r, o, x.steps, x.lang),
    same: sameRecord,
  },
};

/** The kinds in the order a result lists them (and an explanation gives their steps). */
export const EPISODE_KINDS: readonly EpisodeKind[] = ['deadlines', 'payments', 'computed'];

/** Every rule of a kind run and presented, in the policy's order. */
export function presentKind<K extends EpisodeKind>(k: K, p: CompiledPolicy, c: CaseData, x: PresentContext, outcomes?: readonly EpisodeKinds[K]['outcome'][]): EpisodeKinds[K]['result'][] {
  const kind = RULE_KINDS[k] as RuleKind<K>;
  const rules = kind.rules(p);
  const out = new Array<EpisodeKinds[K]['result']>(rules.length);
  for (let i = 0; i < rules.length; i++) out[i] = kind.present(p, rules[i], outcomes ? outcomes[i] : kind.run(rules[i], c), x);
  return out;
}

/** Every rule of a kind run on a case: its outcomes, in the policy's order. */
export function runKind<K extends EpisodeKind>(k: K, p: CompiledPolicy, c: CaseData): EpisodeKinds[K]['outcome'][] {
  const kind = RULE_KINDS[k] as RuleKind<K>;
  return kind.rules(p).map((r) => kind.run(r, c));
}

/** The rules of every kind, with their kind: for citations, the behavioural diff, anything that reads every rule. */
export function allRules(p: CompiledPolicy): { kind: EpisodeKind; decl: { id: A.Name; cites: A.Citation[] } }[] {
  return EPISODE_KINDS.flatMap((k) => (RULE_KINDS[k] as RuleKind<typeof k>).rules(p).map((r) => ({ kind: k, decl: r.decl })));
}
