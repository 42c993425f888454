import { parse as parseYaml } from 'yaml';
import { evaluateMonths, type MonthsInput, type MonthsResult } from '../../engine/monthly';
import { monthsInForce } from '../../engine/months';
import { err, lang, loadPolicies, out, readInput, t } from '../io';
import { localize } from '../../dsl/diagnostics';
import { render } from '../../dsl/messages/render';
import type { Command } from './index';

export const months: Command = {
  get summary() {
    return t('cli.months.summary');
  },
  get usage() {
    return t('cli.months.usage');
  },
  options: {
    county: { type: 'string' }, agreement: { type: 'string' }, averages: { type: 'string' }, episodes: { type: 'string' },
    municipality: { type: 'string' }, format: { type: 'string' }, on: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    policies: { type: 'string' }, ladder: { type: 'string' },
  },
  run(values) {
    const county = values.county as string | undefined;
    const file = (values.averages ?? values.episodes) as string | undefined;
    if (!county || !file || (values.averages && values.episodes)) {
      err(`${t('cli.months.args')}\n\n${this.usage}`);
      return 2;
    }
    const format = (values.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'table') {
      err(t('cli.months.format', { format }));
      return 2;
    }
    const read = readInput(file);
    if (!read.ok) {
      err(`avtal months: ${read.message}`);
      return 1;
    }
    let input: MonthsInput;
    // The first day the input mentions, to choose a version by when no version is in force for every month.
    let firstDate: () => string | undefined;
    if (values.averages) {
      let raw: unknown;
      try {
        raw = parseYaml(read.text);
      } catch (e) {
        err(t('cli.months.notYaml', { file, detail: (e as Error).message }));
        return 1;
      }
      input = { averages: raw };
      firstDate = () => {
        const keys = raw && typeof raw === 'object' ? Object.values(raw as Record<string, unknown>).flatMap((m) => (m && typeof m === 'object' ? Object.keys(m) : [])) : [];
        const first = keys.filter((k) => /^\d{4}-\d{2}$/.test(k)).sort()[0];
        return first && `${first}-01`;
      };
    } else {
      const text = read.text;
      input = { episodes: text, format: file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl' };
      firstDate = () => {
        let min: string | undefined;
        for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) if (min === undefined || m[0] < min) min = m[0];
        return min;
      };
    }
    // Only the agreements of the county (and those it names), published: a ladder's month is never judged under a draft.
    const named = values.agreement as string | undefined;
    const set = loadPolicies(values.policies as string | undefined, 'months', { counties: [county], agreements: named ? [named] : [], noDrafts: true });
    if (!set) return 2;
    let agreement = values.agreement as string | undefined;
    if (!agreement) {
      const withLadder = set.agreements().filter((a) => set.versionsOf(a).some((v) => v.info.county === county && (v.compiled?.ladders.size ?? 0) > 0));
      if (withLadder.length !== 1) {
        // The counties known are every county's, not only those loaded for this one.
        const known = () => (loadPolicies(values.policies as string | undefined, 'months') ?? set).counties().join(', ');
        err(withLadder.length === 0 ? `avtal months: ${render('AVT-H020', { county, known: known() }, lang())}` : t('cli.months.several', { county, list: withLadder.join(', ') }));
        return 1;
      }
      agreement = withLadder[0];
    }
    const options = {
      municipality: values.municipality as string | undefined, from: values.from as string | undefined, to: values.to as string | undefined,
      ladder: values.ladder as string | undefined, explain: format === 'json', lang: lang(),
    };
    // Each month under the version in force for it, unless --on names one date for the whole series.
    const perMonth = values.on === undefined ? monthsInForce(set, agreement, input, options) : undefined;
    let result: MonthsResult;
    let info: unknown;
    let fallback: unknown;
    if (perMonth) {
      result = perMonth;
      info = set.versionsOf(agreement).find((v) => v.info.version === perMonth.version)?.info;
    } else {
      const on = (values.on as string | undefined) ?? firstDate() ?? new Date().toISOString().slice(0, 10);
      const selection = set.select(agreement, on);
      if (!selection.ok) {
        err(`avtal months: ${selection.error.code} ${localize(selection.error, lang()).message}`);
        return 1;
      }
      result = evaluateMonths(selection.version.compiled!, input, options);
      info = selection.version.info;
      fallback = selection.viaFallback && { from: selection.viaFallback.from, reason: render('fallback.version', selection.viaFallback.args, lang()) };
    }
    for (const d of result.diagnostics) if (d.severity !== 'info' || format === 'table') err(`${file}${d.line ? `:${d.line}` : ''}: ${d.severity} ${d.code} ${d.message}`);
    if (format === 'json') out(JSON.stringify({ ...result, version: info, ...(fallback ? { fallback } : {}) }, null, 2));
    else out(table(result, result.versions.map((v) => `${v.version ?? t('months.table.outsideVersion')} (${v.from}…${v.to})`).join(', ') || result.version));
    return !result.ok ? 1 : result.partial ? 3 : 0;
  },
};

/** The months for a person: one line per month, in the CLI's language (dsl/messages/monthly.ts). */
function table(r: MonthsResult, version: string): string {
  const lines: string[] = [t('months.table.title', { agreement: r.agreement, version, ladder: r.ladder ?? '-', measure: r.measure ?? '-', input: t(`months.table.input.${r.input}`) })];
  const number = (value: number) => t('months.table.number', { value });
  /** two decimals, with the language's decimal sign */
  const fixed = (value: number) => (lang() === 'sv' ? value.toFixed(2).replace('.', ',') : value.toFixed(2));
  for (const m of r.municipalities) {
    lines.push('', m.municipality);
    const rows = [(['month', 'average', 'episodes', 'threshold', 'step', 'actions', 'invoiced'] as const).map((k) => t(`months.table.${k}`))];
    for (const x of m.months) {
      rows.push([
        x.month, x.average === null ? '—' : fixed(x.average) + (x.emptyMonth ? t('months.table.empty') : ''), x.episodes === null ? '' : String(x.episodes),
        x.version === null ? t('months.table.outside') : x.undetermined ? t('months.table.undetermined') : x.threshold === null ? '—' : x.comparison === null ? `(${number(x.threshold)})` : `${x.comparison === 'over' ? '>' : '≤'} ${number(x.threshold)}`, x.step, x.actions.map((a) => a.id).join(', '),
        x.invoiced ? (x.invoice && x.invoice.amount !== null ? `${t('months.table.days', { days: x.invoice.days })}, ${t('months.table.amount', { amount: x.invoice.amount })}` : x.invoice && r.input === 'episodes' ? t('months.table.days', { days: x.invoice.days }) : t('months.table.yes')) : '',
      ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) lines.push('  ' + row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
    const total = m.invoicedMonths.length
      ? t('months.table.total', { months: m.invoicedMonths.join(','), episodes: m.invoicedEpisodes, days: m.invoicedDays, amount: m.invoicedAmount })
      : t('months.table.nothing');
    lines.push(`  ${total}`);
  }
  return lines.join('\n');
}
