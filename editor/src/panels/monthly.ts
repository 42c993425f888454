// Monthly simulator: a municipality's monthly averages (or a file of care episodes) → month by month the
// average against the threshold, the ladder step, the actions and the invoiced months, as a chart and a
// table. The computation is engine/monthly's, run in the worker against the open text.
import type { PolicyOutline } from '../../../dsl/services';
import { h, money } from '../dom';
import { humanName, t, type Locale } from '../i18n';
import type { MonthResult as MonthRow, MonthsResult as MonthsOut } from '../../../engine/monthly';
import type { MonthsResult } from '../protocol';

export interface MonthlyDeps {
  locale: () => Locale;
  run: (input: unknown, whatIf?: Record<string, string>) => Promise<MonthsResult>;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function monthName(month: string, locale: Locale, long = true): string {
  const d = new Date(`${month}-01T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return d.toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { month: long ? 'long' : 'short', timeZone: 'UTC' });
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export class MonthlyPanel {
  private outline: PolicyOutline | undefined;
  private probe: MonthsResult | undefined;
  private municipality = 'Kommun A';
  private rows: { month: string; average: string }[] = [
    { month: '2025-01', average: '' },
    { month: '2025-02', average: '' },
    { month: '2025-03', average: '' },
  ];
  private episodes: { name: string; text: string; format: 'jsonl' | 'csv' } | undefined;
  private whatIf: Record<string, string> = {};
  private exampleId = '';
  private readonly result = h('div', { className: 'monthly-result', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runId = 0;

  constructor(
    private readonly panel: HTMLElement,
    private readonly deps: MonthlyDeps,
  ) {}

  update(outline: PolicyOutline): void {
    this.outline = outline;
    void this.refresh();
  }

  rerender(): void {
    if (this.outline) void this.refresh();
  }

  private async refresh(): Promise<void> {
    this.probe = await this.deps.run(null);
    this.renderForm();
    this.schedule(0);
  }

  private input(): unknown {
    if (this.episodes) return { episodes: this.episodes.text, format: this.episodes.format };
    const months: Record<string, number> = {};
    for (const r of this.rows) if (r.month && r.average !== '' && Number.isFinite(Number(r.average.replace(',', '.')))) months[r.month] = Number(r.average.replace(',', '.'));
    return { averages: { [this.municipality || 'Kommun A']: months } };
  }

  private schedule(ms = 150): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), ms);
  }

  private async runNow(): Promise<void> {
    const p = this.probe;
    if (!p?.available || !p.applicable || p.reason) return;
    const id = ++this.runId;
    const r = await this.deps.run(this.input(), this.whatIf);
    if (id !== this.runId) return;
    this.renderResult(r.result, r.whatIfResult);
    document.body.dataset.monthlyRun = String(id);
  }

  // ---------------------------------------------------------------- form

  private renderForm(): void {
    const locale = this.deps.locale();
    const p = this.probe!;
    this.panel.replaceChildren(h('h3', { text: t(locale, 'monthly.heading') }));
    if (!p.available) {
      this.panel.append(h('p', { className: 'notice', 'data-testid': 'monthly-unavailable', text: t(locale, 'monthly.unavailable') }));
      document.body.dataset.monthly = 'unavailable';
      return;
    }
    if (!p.applicable) {
      this.panel.append(h('p', { className: 'notice', text: t(locale, 'monthly.notApplicable') }));
      document.body.dataset.monthly = 'not-applicable';
      return;
    }
    if (p.reason) {
      this.panel.append(h('p', { className: 'notice', text: t(locale, 'examples.blocked') }));
      document.body.dataset.monthly = 'blocked';
      return;
    }
    document.body.dataset.monthly = 'ready';
    this.panel.append(h('p', { className: 'muted', text: t(locale, 'monthly.intro') }));
    if (p.thresholds?.length) {
      const fmt = (v: number) => v.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
      const years = p.thresholds.map((y) => (y.value === null ? `${y.year}: ${t(locale, 'monthly.noValue')}` : `${y.year}: ${fmt(y.value)}${y.carriedFrom ? ` (${t(locale, 'monthly.carriedFrom', { year: y.carriedFrom })})` : ''}`));
      this.panel.append(h('p', { className: 'muted', 'data-testid': 'monthly-threshold-years', text: `${t(locale, 'monthly.thresholdYears')}: ${years.join(' · ')}` }));
    }
    const form = h('form', { className: 'sim-form monthly-form', onsubmit: (e: Event) => e.preventDefault() });

    if (p.examples?.length) {
      const select = h('select', { id: 'monthly-example', onchange: () => {
        const ex = p.examples!.find((e) => e.id === select.value);
        if (!ex) return;
        this.exampleId = ex.id;
        const [municipality, months] = Object.entries(ex.averages)[0] ?? ['Kommun A', {}];
        this.municipality = municipality;
        this.rows = Object.entries(months).sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, average: String(v) }));
        this.episodes = undefined;
        this.renderForm();
        this.schedule(0);
      } });
      select.append(h('option', { value: '', text: t(locale, 'sim.choose') }));
      for (const ex of p.examples) select.append(h('option', { value: ex.id, text: ex.title ?? ex.id, selected: ex.id === this.exampleId }));
      form.append(h('label', { className: 'field' }, h('span', { text: t(locale, 'sim.loadExample') }), select));
    }

    if (this.episodes) {
      form.append(h('p', { className: 'notice' }, `${this.episodes.name} `, h('button', { type: 'button', text: t(locale, 'sim.clear'), onclick: () => {
        this.episodes = undefined;
        this.renderForm();
        this.schedule(0);
      } })));
    } else {
      const name = h('input', { type: 'text', id: 'monthly-municipality', value: this.municipality, oninput: () => {
        this.municipality = name.value;
        this.schedule();
      } });
      form.append(h('label', { className: 'field' }, h('span', { text: t(locale, 'monthly.municipality') }), name));
      const table = h('table', { className: 'months-input' }, h('tr', {}, h('th', { text: t(locale, 'monthly.month') }), h('th', { text: t(locale, 'monthly.average') }), h('th')));
      this.rows.forEach((r, i) => {
        const month = h('input', { type: 'month', value: r.month, name: `month-${i}`, oninput: () => {
          r.month = month.value;
          this.schedule();
        } });
        const avg = h('input', { type: 'text', inputMode: 'decimal', value: r.average, name: `average-${i}`, 'data-month': r.month, size: 6, oninput: () => {
          r.average = avg.value;
          this.schedule();
        } });
        const remove = h('button', { type: 'button', className: 'link', text: '×', 'aria-label': t(locale, 'sim.clear'), onclick: () => {
          this.rows.splice(i, 1);
          this.renderForm();
          this.schedule(0);
        } });
        table.append(h('tr', {}, h('td', {}, month), h('td', {}, avg), h('td', {}, remove)));
      });
      form.append(table);
      form.append(h('button', { type: 'button', id: 'monthly-add', text: t(locale, 'monthly.addMonth'), onclick: () => {
        const last = this.rows.at(-1)?.month ?? '2025-01';
        this.rows.push({ month: this.rows.length ? nextMonth(last) : last, average: '' });
        this.renderForm();
      } }));
    }
    const file = h('input', { type: 'file', accept: '.jsonl,.ndjson,.json,.csv', hidden: true, id: 'monthly-file', onchange: async () => {
      const f = file.files?.[0];
      if (!f) return;
      this.episodes = { name: f.name, text: await f.text(), format: /\.csv$/i.test(f.name) ? 'csv' : 'jsonl' };
      file.value = '';
      this.renderForm();
      this.schedule(0);
    } });
    form.append(' ', h('button', { type: 'button', text: t(locale, 'monthly.loadEpisodes'), onclick: () => file.click() }), file);
    form.append(this.renderWhatIf());
    this.panel.append(form, this.result);
  }

  /** What-if for the monthly rules: the ladder's threshold and the other numbers of ladders and measures. */
  private renderWhatIf(): HTMLElement {
    const locale = this.deps.locale();
    const ladders = new Set(this.probe?.ladders ?? []);
    const tweaks = (this.outline?.tweaks ?? []).filter((tw) => tw.what === 'threshold' || (tw.what === 'number' && ladders.has(tw.decl)) || tw.what === 'parameter');
    const box = h('details', { className: 'what-if', open: Object.keys(this.whatIf).length > 0 }, h('summary', { text: t(locale, 'sim.whatIf') }), h('p', { className: 'muted', text: t(locale, 'sim.whatIfIntro') }));
    for (const tw of tweaks) {
      const input = h('input', { type: 'number', step: 'any', min: 0, 'data-tweak': tw.id, value: this.whatIf[tw.id] ?? tw.current, oninput: () => {
        if (input.value === '' || input.value === tw.current) delete this.whatIf[tw.id];
        else this.whatIf[tw.id] = input.value;
        row.classList.toggle('changed', this.whatIf[tw.id] !== undefined);
        this.schedule();
      } });
      const row = h('label', { className: `tweak-row ${this.whatIf[tw.id] !== undefined ? 'changed' : ''}`, title: tw.detail },
        h('span', { className: 'tweak-name' }, h('span', { text: `${t(locale, tw.what === 'threshold' ? 'tweak.threshold' : tw.what === 'parameter' ? 'tweak.parameter' : 'tweak.number')} — ${tw.decl}` }), h('span', { className: 'muted', text: `${tw.detail} · ${t(locale, 'examples.line', { line: tw.line })}` })),
        input);
      box.append(row);
    }
    box.append(h('button', { type: 'button', text: t(locale, 'sim.whatIfReset'), onclick: () => {
      this.whatIf = {};
      this.renderForm();
      this.schedule(0);
    } }));
    return box;
  }

  // ---------------------------------------------------------------- result

  private renderResult(r: MonthsOut | undefined, changed?: MonthsOut): void {
    const locale = this.deps.locale();
    if (!r) {
      this.result.replaceChildren();
      return;
    }
    const out = this.municipalities(r, locale, 0);
    if (changed) {
      const now = h('section', { className: 'compare-col' }, h('h4', { className: 'compare-title', text: t(locale, 'sim.now') }), ...out);
      const next = h('section', { className: 'compare-col' }, h('h4', { className: 'compare-title', text: t(locale, 'sim.changed') }), ...this.municipalities(changed, locale, 1));
      this.result.replaceChildren(h('div', { className: 'compare-cols' }, now, next));
      return;
    }
    this.result.replaceChildren(...out);
  }

  private municipalities(r: MonthsOut, locale: Locale, column: number): Element[] {
    const out: Element[] = [];
    const problems = r.diagnostics.filter((d) => d.severity === 'error');
    if (problems.length) out.push(h('div', { className: 'notice error-text' }, ...problems.slice(0, 5).map((d) => h('div', { text: `${d.line ? `${t(locale, 'examples.line', { line: d.line })}: ` : ''}${d.message}` }))));
    for (const m of r.municipalities) {
      const months = m.months;
      out.push(h('h4', { text: m.municipality }));
      const invoiced = m.invoicedMonths;
      out.push(h('p', { className: `summary ${invoiced.length ? 'bad' : 'ok'}`, 'data-testid': `monthly-invoiced-${column}`, 'data-months': invoiced.join(','),
        text: invoiced.length ? `${t(locale, 'monthly.invoiced')}: ${invoiced.map((x) => `${monthName(x, locale)} ${x.slice(0, 4)}`).join(', ')}${m.invoicedAmount != null ? ` — ${money(m.invoicedAmount, locale)}` : ''}` : t(locale, 'monthly.noInvoice') }));
      out.push(this.chart(months, locale));
      const table = h('table', { className: 'months', 'data-testid': 'monthly-table' },
        h('tr', {}, ...(['monthly.month', 'monthly.average', 'monthly.threshold', 'monthly.step', 'monthly.action', 'monthly.invoiced'] as const).map((k) => h('th', { text: t(locale, k) }))));
      for (const row of months) {
        table.append(h('tr', { className: `${row.comparison === 'over' ? 'over' : ''} ${row.invoiced ? 'invoiced' : ''}`, 'data-month': row.month },
          h('td', { text: `${monthName(row.month, locale)} ${row.month.slice(0, 4)}` }),
          h('td', { text: row.average == null ? '–' : row.average.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB') }),
          h('td', { text: row.version === null ? t(locale, 'monthly.outside') : row.undetermined ? t(locale, 'monthly.undetermined') : row.threshold == null ? '–' : `${row.comparison === 'over' ? '> ' : '≤ '}${row.threshold.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')}` }),
          h('td', { text: humanName(row.step) }),
          h('td', { text: row.actions.map((a) => a.title ?? humanName(a.id)).join('; ') || '–' }),
          h('td', { text: row.invoiced ? (row.invoice?.amount != null ? money(row.invoice.amount, locale) : t(locale, 'monthly.yes')) : '–' })));
      }
      out.push(table);
    }
    return out;
  }

  private chart(months: MonthRow[], locale: Locale): SVGSVGElement {
    const W = 520;
    const H = 190;
    const pad = { l: 34, r: 8, t: 12, b: 34 };
    const threshold = months.find((m) => m.threshold != null)?.threshold ?? null;
    const max = Math.max(1, threshold ?? 0, ...months.map((m) => m.average ?? 0)) * 1.15;
    const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
    const bw = (W - pad.l - pad.r) / Math.max(1, months.length);
    const el = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': t(locale, 'monthly.heading') });
    for (let v = 0; v <= max; v += max > 6 ? 2 : 1) {
      el.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: '#eceff4' }));
      el.append(svg('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6475' }, String(v)));
    }
    months.forEach((m, i) => {
      const x = pad.l + i * bw;
      if (m.average != null) {
        const fill = m.invoiced ? '#c62828' : m.comparison === 'over' ? '#e69500' : '#1f5fbf';
        el.append(svg('rect', { x: x + bw * 0.18, width: bw * 0.64, y: y(m.average), height: Math.max(0, y(0) - y(m.average)), fill, rx: 2 }));
        el.append(svg('text', { x: x + bw / 2, y: y(m.average) - 3, 'text-anchor': 'middle', 'font-size': 10, fill: '#1d2330' }, m.average.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')));
      }
      el.append(svg('text', { x: x + bw / 2, y: H - pad.b + 13, 'text-anchor': 'middle', 'font-size': 10, fill: '#1d2330' }, monthName(m.month, locale, false)));
      el.append(svg('text', { x: x + bw / 2, y: H - pad.b + 26, 'text-anchor': 'middle', 'font-size': 9, fill: m.invoiced ? '#c62828' : '#5b6475' }, m.invoiced ? t(locale, 'monthly.invoiced') : humanName(m.step).slice(0, 14)));
    });
    if (threshold != null) {
      el.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(threshold), y2: y(threshold), stroke: '#c62828', 'stroke-dasharray': '5 4', 'stroke-width': 1.5 }));
      el.append(svg('text', { x: W - pad.r, y: 10, 'text-anchor': 'end', 'font-size': 10, fill: '#c62828' }, `- - - ${t(locale, 'monthly.threshold')} ${threshold.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')}`));
    }
    return el;
  }
}
