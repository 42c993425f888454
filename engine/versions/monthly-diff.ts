// The behavioural diff of monthly escalation ladders: the same month-by-month averages through a
// ladder of each version, around each version's threshold (± 0.01, and exactly on it), starting from
// the ladders' worked examples and from generated runs of months; every sequence whose steps,
// actions or invoiced months differ is a counterexample.
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledLadder, LadderMonth } from '../compiler/ladder';
import { monthOf, monthText, parseMonth, type Month } from '../calendar/months';
import { decimalIn } from '../../dsl/messages/format';
import { render as message, type MsgLang } from '../../dsl/messages/render';

export interface MonthlyDifference {
  rule: string; // the ladder's id in the new version
  field: string; // "steg 2025-03", "fakturerade månader"; "step in 2025-03", "invoiced months"
  old: string;
  new: string;
}

export interface MonthlyCounterexample {
  text: string;
  origin: string;
  averages: Record<string, number>; // YYYY-MM → average
  differences: MonthlyDifference[];
}

export interface MonthlyDiff {
  scenarios: number;
  counterexamples: MonthlyCounterexample[];
  onlyInOld: string[];
  onlyInNew: string[];
}

type Seq = { months: { month: Month; average: number | undefined }[]; origin: string };

const LENGTH = 5; // months in a generated run: enough for "two months in a row", a revision and a third month
const round2 = (x: number) => Math.round(x * 100) / 100;

/** What a reader compares, by what it is called in the language: per month the step reached, the actions taken and whether it is invoiced. */
function observe(l: CompiledLadder, rows: LadderMonth[], lang: MsgLang): Map<string, string> {
  const out = new Map<string, string>();
  const invoiced = new Set<Month>();
  const none = message('diff.value.none', {}, lang);
  for (const r of rows) {
    const month = monthText(r.month);
    out.set(message('diff.monthly.step', { month }, lang), l.steps[r.step]);
    const actions = r.transition >= 0 ? l.decl.transitions[r.transition].actions.map((x) => x.id.text) : [];
    out.set(message('diff.monthly.actions', { month }, lang), actions.join(', ') || none);
    if (r.invoicedByStep) invoiced.add(r.month);
    for (const x of r.invoiceMonths) invoiced.add(x);
  }
  out.set(message('diff.monthly.invoiced', {}, lang), [...invoiced].sort((x, y) => x - y).map(monthText).join(', ') || none);
  return out;
}

export function monthlyDiff(a: CompiledPolicy, b: CompiledPolicy, renames: ReadonlyMap<string, string>, lang: MsgLang = 'sv'): MonthlyDiff {
  const onlyInOld: string[] = [];
  const onlyInNew = new Set(b.ladders.keys());
  const counterexamples: MonthlyCounterexample[] = [];
  let scenarios = 0;
  for (const [idA, la] of a.ladders) {
    const id = renames.get(idA) ?? idA;
    const lb = b.ladders.get(id);
    if (!lb) {
      onlyInOld.push(idA);
      continue;
    }
    onlyInNew.delete(id);
    const seqs: Seq[] = [];
    // 1. the worked examples of this ladder, in either version, as written
    for (const p of [a, b]) {
      for (const ex of p.examples) {
        if (ex.decl.rule?.text !== (p === a ? idA : id) || !ex.decl.averages?.length) continue;
        const months = ex.decl.averages
          .filter((x) => !x.municipality || x.municipality.text === ex.decl.averages![0].municipality?.text)
          .map((x) => ({ month: parseMonth(x.month)!, average: x.value }))
          .filter((x) => x.month !== undefined)
          .sort((x, y) => x.month - y.month);
        if (months.length) seqs.push({ months, origin: `example ${ex.decl.id.text}` });
      }
    }
    // 2. the years involved, and each version's threshold in them
    const years = new Set<number>();
    for (const s of seqs) for (const m of s.months) years.add(Math.floor(m.month / 12));
    for (const p of [a, b]) {
      const from = p.header.validFrom;
      if (from) years.add(+from.slice(0, 4));
    }
    const levels = new Map<number, number[]>();
    for (const y of years) {
      const ts = [la.threshold(y), lb.threshold(y)].filter((t) => t.ok).map((t) => (t as { value: number }).value);
      levels.set(y, [...new Set(ts.flatMap((t) => [round2(t - 0.01), t, round2(t + 0.01)]))].sort((x, y2) => x - y2));
    }
    // 3. each example with one month moved onto each level
    for (const s of [...seqs]) {
      s.months.forEach((m, i) => {
        for (const v of levels.get(Math.floor(m.month / 12)) ?? []) {
          if (v === m.average) continue;
          const months = s.months.map((x, j) => (j === i ? { ...x, average: v } : x));
          seqs.push({ months, origin: `${s.origin}, ${monthText(m.month)} at ${v}` });
        }
      });
    }
    // 4. every run of LENGTH months from January of each year, each month on a level
    for (const [y, vs] of levels) {
      if (vs.length === 0) continue;
      const total = vs.length ** LENGTH;
      for (let code = 0; code < total; code++) {
        let c = code;
        const months = [];
        for (let i = 0; i < LENGTH; i++) {
          months.push({ month: monthOf(y, 1) + i, average: vs[c % vs.length] });
          c = Math.floor(c / vs.length);
        }
        seqs.push({ months, origin: `generated from ${y}-01` });
      }
    }
    const seen = new Set<string>();
    for (const s of seqs) {
      const key = s.months.map((m) => `${m.month}:${m.average}`).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      scenarios++;
      const oa = observe(la, la.run(s.months), lang);
      const ob = observe(lb, lb.run(s.months), lang);
      const differences: MonthlyDifference[] = [];
      for (const [k, v] of ob) if (oa.get(k) !== v) differences.push({ rule: id, field: k, old: oa.get(k) ?? message('diff.value.none', {}, lang), new: v });
      if (!differences.length) continue;
      const averages = Object.fromEntries(s.months.map((m) => [monthText(m.month), m.average ?? NaN]));
      const first = differences[0];
      const also = differences.slice(1).map((x) => `${x.field} ${x.old} → ${x.new}`).join(', ');
      const list = s.months.map((m) => `${monthText(m.month)} ${m.average === undefined ? '—' : decimalIn(m.average, lang)}`).join(', ');
      const text = `${message('diff.monthly.averages', { list }, lang)}: ${message('diff.outcome', { rule: id, field: first.field, old: first.old, new: first.new, also }, lang)}`;
      counterexamples.push({ text, origin: s.origin, averages, differences });
    }
  }
  return { scenarios, counterexamples, onlyInOld, onlyInNew: [...onlyInNew] };
}
