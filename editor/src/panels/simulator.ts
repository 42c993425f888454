// Scenario simulator: a form for one care episode (the events and facts the open policy uses), evaluated
// in the worker against the open text, drawn as a calendar with each deadline, the grace days, the first
// payable day and the billable days, each with its rule and citation. What-if: change a number of the
// policy without editing the file, and see both outcomes side by side.
import type { PolicyOutline, Tweak } from '../../../dsl/services';
import { h, money, prettyDate } from '../dom';
import { humanName, t, type Locale, type MessageKey } from '../i18n';
import type { ExampleView, Scenario, SimulateResult, SimulationView } from '../protocol';
import { encodeScenario, scenarioFromYaml, scenarioToYaml, writeHash } from '../scenario';
import { eventLabel, renderCalendar } from './calendar';

export interface SimulatorDeps {
  locale: () => Locale;
  run: (scenario: Scenario) => Promise<SimulateResult>;
  /** the same, on another text (a version compared with another) */
  runOn: (text: string, scenario: Scenario) => Promise<SimulateResult>;
  reveal: (line: number) => void;
  agreement: () => { agreement?: string; version?: string; county?: string };
  /** Show the rule at this line of the policy beside its passages in the agreement (the source panel). */
  showSource?: (line: number) => void;
}

/** Two versions compared: a counterexample of the behavioural diff is shown under both, old against new. */
export interface Comparison {
  from: { label: string; text: string };
  to: { label: string; text: string };
}

/** The episode as a request to the HTTP API (POST /api/evaluate): the case, and the version to use. */
export function apiRequest(scenario: Scenario, agreement: { agreement?: string; version?: string; county?: string }, base: string): { url: string; body: Record<string, unknown> } {
  const NOT_IN_CASE = new Set(['care_type', 'municipality', 'evaluation_date']);
  const events = Object.fromEntries(Object.entries(scenario.events).filter(([, v]) => v).map(([k, v]) => [k, v.trim().replace(' ', 'T')]));
  const facts = Object.fromEntries(Object.entries(scenario.facts).filter(([k, v]) => !NOT_IN_CASE.has(k) && v !== '' && v !== undefined));
  const body: Record<string, unknown> = { county: agreement.county ?? agreement.agreement, ...(agreement.county && agreement.agreement && agreement.county !== agreement.agreement ? { agreement: agreement.agreement } : {}), events, facts };
  if (typeof scenario.facts.care_type === 'string') body.careType = scenario.facts.care_type;
  if (typeof scenario.facts.municipality === 'string') body.municipality = scenario.facts.municipality;
  if (scenario.evaluationDate) body.evaluationDate = scenario.evaluationDate;
  const url = new URL(`api/evaluate${agreement.version ? `?version=${encodeURIComponent(agreement.version)}` : ''}`, base).href;
  return { url, body };
}

/** The request as a curl command line (POSIX shell quoting). */
export function curlCommand(req: { url: string; body: unknown }): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `curl -sS -X POST ${q(req.url)} \\\n  -H 'content-type: application/json' \\\n  --data ${q(JSON.stringify(req.body))}`;
}

export class SimulatorPanel {
  private comparison: Comparison | undefined;
  scenario: Scenario = { events: {}, facts: {}, whatIf: {} };
  private outline: PolicyOutline | undefined;
  private examples: ExampleView[] = [];
  private formSignature = '';
  private exampleId = '';
  private readonly form = h('form', { className: 'sim-form', onsubmit: (e: Event) => e.preventDefault() });
  private readonly result = h('div', { className: 'sim-result', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runId = 0;
  last: SimulateResult | undefined;

  constructor(
    private readonly panel: HTMLElement,
    private readonly deps: SimulatorDeps,
  ) {}

  /** New analysis of the open text: rebuild the form when the policy's events, facts or numbers changed. */
  update(outline: PolicyOutline, examples: ExampleView[] | null): void {
    this.outline = outline;
    if (examples) this.examples = examples;
    const sig = JSON.stringify([this.deps.locale(), outline.events.map((e) => e.id), outline.facts.map((f) => f.id), outline.tweaks.map((tw) => [tw.id, tw.current]), this.examples.map((e) => e.id)]);
    if (sig !== this.formSignature || !this.panel.contains(this.form)) {
      this.formSignature = sig;
      this.renderForm();
    }
    this.schedule(0);
  }

  /** Fills in an episode; with `comparison`, shows it under two versions, old against new. */
  setScenario(s: Scenario, comparison?: Comparison): void {
    this.comparison = comparison;
    this.scenario = { events: { ...s.events }, facts: { ...s.facts }, evaluationDate: s.evaluationDate, whatIf: { ...(s.whatIf ?? {}) }, title: s.title };
    this.formSignature = '';
    if (this.outline) this.update(this.outline, null);
  }

  rerender(): void {
    this.formSignature = '';
    if (this.outline) this.update(this.outline, null);
  }

  private schedule(ms = 120): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), ms);
  }

  async runNow(): Promise<void> {
    const id = ++this.runId;
    const hasEvents = Object.values(this.scenario.events).some((v) => v);
    if (!hasEvents) {
      this.last = undefined;
      this.result.replaceChildren(h('p', { className: 'empty', text: t(this.deps.locale(), 'sim.emptyEvents') }));
      document.body.dataset.simulated = String(id);
      return;
    }
    try {
      if (this.comparison) {
        const c = this.comparison;
        const [from, to] = await Promise.all([this.deps.runOn(c.from.text, { ...this.scenario, whatIf: {} }), this.deps.runOn(c.to.text, { ...this.scenario, whatIf: {} })]);
        if (id !== this.runId) return;
        this.last = to;
        this.renderViews([[c.from.label, from.base], [c.to.label, to.base]]);
        document.body.dataset.simulated = String(id);
        return;
      }
      const r = await this.deps.run(this.scenario);
      if (id !== this.runId) return; // a newer run is on its way
      this.last = r;
      this.renderResult(r);
    } catch (err) {
      this.result.replaceChildren(h('p', { className: 'error-text', text: String(err) }));
    }
    document.body.dataset.simulated = String(id);
  }

  // ---------------------------------------------------------------- form

  private renderForm(): void {
    const locale = this.deps.locale();
    const o = this.outline!;
    const s = this.scenario;
    this.form.replaceChildren();
    this.form.append(h('h3', { text: t(locale, 'sim.heading') }), h('p', { className: 'muted', text: t(locale, 'sim.intro') }));
    if (this.comparison) {
      this.form.append(h('p', { className: 'notice compare-note', 'data-testid': 'sim-comparing' }, t(locale, 'sim.compareOld', { from: this.comparison.from.label, to: this.comparison.to.label }), ' ',
        h('button', { type: 'button', className: 'link', id: 'sim-compare-stop', text: t(locale, 'sim.compareStop'), onclick: () => {
          this.comparison = undefined;
          this.rerender();
        } })));
    }

    if (this.examples.length) {
      const select = h('select', { id: 'sim-example', onchange: () => {
        const ex = this.examples.find((e) => e.id === select.value);
        this.exampleId = select.value;
        if (ex) this.setScenario({ ...ex.scenario, whatIf: this.scenario.whatIf });
      } });
      select.append(h('option', { value: '', text: t(locale, 'sim.choose') }));
      for (const ex of this.examples) select.append(h('option', { value: ex.id, text: ex.title ?? ex.id, selected: ex.id === this.exampleId }));
      this.form.append(h('label', { className: 'field' }, h('span', { text: t(locale, 'sim.loadExample') }), select));
    }

    const events = h('fieldset', { className: 'events' }, h('legend', { text: t(locale, 'sim.events') }));
    for (const e of o.events) {
      const [date, time] = (s.events[e.id] ?? '').split(/[ T]/);
      const dateInput = h('input', { type: 'date', name: `event-${e.id}-date`, value: date ?? '', 'aria-label': `${eventLabel(e.id, locale)}, ${t(locale, 'sim.date')}` });
      const timeInput = h('input', { type: 'time', name: `event-${e.id}-time`, value: time?.slice(0, 5) ?? '', 'aria-label': `${eventLabel(e.id, locale)}, ${t(locale, 'sim.time')}` });
      const missing = h('span', { className: 'field-problem time-missing', id: `event-${e.id}-time-missing`, hidden: true, text: t(locale, 'sim.timeMissing') });
      timeInput.setAttribute('aria-describedby', missing.id);
      // A date without a time is not taken as midnight: the time decides which side of a cutoff the event
      // falls on, so the event waits (and says so) until a time is given.
      const sync = () => {
        const noTime = dateInput.value !== '' && timeInput.value === '';
        missing.hidden = !noTime;
        timeInput.setAttribute('aria-invalid', String(noTime));
        if (dateInput.value && timeInput.value) s.events[e.id] = `${dateInput.value} ${timeInput.value}`;
        else delete s.events[e.id];
        this.schedule();
      };
      dateInput.addEventListener('input', sync);
      timeInput.addEventListener('input', sync);
      const clear = h('button', { type: 'button', className: 'link', title: t(locale, 'sim.clear'), 'aria-label': `${t(locale, 'sim.clear')}: ${eventLabel(e.id, locale)}`, text: '×', onclick: () => {
        dateInput.value = '';
        timeInput.value = '';
        sync();
      } });
      events.append(h('div', { className: 'event-row', 'data-event': e.id, title: e.description }, h('span', { className: 'event-name', text: eventLabel(e.id, locale) }), dateInput, timeInput, clear, missing));
    }
    this.form.append(events);

    const facts = h('fieldset', { className: 'facts' }, h('legend', { text: t(locale, 'sim.facts') }));
    for (const f of o.facts) {
      const name = humanName(locale === 'sv' ? f.sv : f.id);
      if (f.type === 'boolean') {
        const box = h('input', { type: 'checkbox', name: `fact-${f.id}`, checked: s.facts[f.id] === true, onchange: () => {
          s.facts[f.id] = box.checked;
          this.schedule();
        } });
        facts.append(h('label', { className: 'fact-row', title: f.description }, box, h('span', { text: name })));
      } else if (f.type === 'enum') {
        const select = h('select', { name: `fact-${f.id}`, onchange: () => {
          s.facts[f.id] = select.value;
          this.schedule();
        } });
        for (const v of f.values ?? []) select.append(h('option', { value: v.id, text: locale === 'sv' ? v.sv : v.id, selected: s.facts[f.id] === v.id }));
        facts.append(h('label', { className: 'fact-row', title: f.description }, h('span', { text: name }), select));
      } else if (f.id !== 'evaluation_date') {
        const input = h('input', { type: f.type === 'count' ? 'number' : f.type === 'date' ? 'date' : 'text', name: `fact-${f.id}`, value: String(s.facts[f.id] ?? ''), oninput: () => {
          if (input.value === '') delete s.facts[f.id];
          else s.facts[f.id] = f.type === 'count' ? Number(input.value) : input.value;
          this.schedule();
        } });
        facts.append(h('label', { className: 'fact-row', title: f.description }, h('span', { text: name }), input));
      }
    }
    const evalDate = h('input', { type: 'date', name: 'evaluation-date', value: s.evaluationDate ?? '', oninput: () => {
      s.evaluationDate = evalDate.value || undefined;
      this.schedule();
    } });
    facts.append(h('label', { className: 'fact-row' }, h('span', { text: t(locale, 'sim.evaluationDate') }), evalDate));
    this.form.append(facts);

    this.form.append(this.renderWhatIf(o.tweaks));
    this.form.append(this.renderShare());
    this.panel.replaceChildren(this.form, h('h3', { text: t(locale, 'sim.result') }), this.result);
  }

  private renderWhatIf(tweaks: Tweak[]): HTMLElement {
    const locale = this.deps.locale();
    const box = h('details', { className: 'what-if', open: Object.keys(this.scenario.whatIf ?? {}).length > 0 }, h('summary', { text: t(locale, 'sim.whatIf') }));
    box.append(h('p', { className: 'muted', text: t(locale, 'sim.whatIfIntro') }));
    const whatIf = (this.scenario.whatIf ??= {});
    for (const tw of tweaks) {
      const input = h('input', {
        type: tw.kind === 'time' ? 'time' : 'number', step: tw.kind === 'time' ? 60 : 'any', min: 0, name: `tweak-${tw.id}`, 'data-tweak': tw.id,
        value: whatIf[tw.id] ?? tw.current, oninput: () => {
          if (input.value === '' || input.value === tw.current) delete whatIf[tw.id];
          else whatIf[tw.id] = input.value;
          row.classList.toggle('changed', whatIf[tw.id] !== undefined);
          this.schedule();
        },
      });
      const label = `${t(locale, `tweak.${tw.what}` as MessageKey)} — ${tw.decl}`;
      const row = h('label', { className: `tweak-row ${whatIf[tw.id] !== undefined ? 'changed' : ''}`, title: tw.detail },
        h('span', { className: 'tweak-name' }, h('span', { text: label }), h('span', { className: 'muted', text: `${tw.detail} · ${t(locale, 'examples.line', { line: tw.line })}` })),
        input);
      box.append(row);
    }
    box.append(h('button', { type: 'button', text: t(locale, 'sim.whatIfReset'), onclick: () => {
      this.scenario.whatIf = {};
      this.rerender();
    } }));
    return box;
  }

  private renderShare(): HTMLElement {
    const locale = this.deps.locale();
    const note = h('p', { className: 'muted share-note', 'aria-live': 'polite' });
    const file = h('input', { type: 'file', accept: '.yaml,.yml,text/yaml', hidden: true, onchange: async () => {
      const f = file.files?.[0];
      if (!f) return;
      try {
        this.setScenario(scenarioFromYaml(await f.text()));
      } catch (err) {
        note.textContent = t(locale, 'sim.yamlError', { message: err instanceof Error ? err.message : String(err) });
      }
      file.value = '';
    } });
    return h('fieldset', { className: 'share' }, h('legend', { text: t(locale, 'sim.scenarioFile') }),
      h('div', { className: 'buttons' },
        h('button', { type: 'button', id: 'sim-save-yaml', text: t(locale, 'sim.saveYaml'), onclick: () => {
          const yaml = this.toYaml();
          const a = h('a', { href: URL.createObjectURL(new Blob([yaml], { type: 'text/yaml' })), download: `scenario-${this.deps.agreement().agreement ?? 'avtal'}.yaml` });
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        } }),
        h('button', { type: 'button', id: 'sim-open-yaml', text: t(locale, 'sim.openYaml'), onclick: () => file.click() }),
        h('button', { type: 'button', id: 'sim-copy-link', text: t(locale, 'sim.copyLink'), onclick: () => {
          this.writeLink();
          void navigator.clipboard?.writeText(location.href).catch(() => undefined);
          note.textContent = t(locale, 'sim.linkCopied');
        } }),
        file),
      h('div', { className: 'buttons copy-api', role: 'group', 'aria-label': t(locale, 'sim.copyApi') },
        h('span', { className: 'muted', text: `${t(locale, 'sim.copyApi')}:` }),
        h('button', { type: 'button', id: 'sim-copy-curl', text: t(locale, 'sim.copyCurl'), onclick: () => this.copyApi('curl', note) }),
        h('button', { type: 'button', id: 'sim-copy-json', text: t(locale, 'sim.copyJson'), onclick: () => this.copyApi('json', note) })),
      note);
  }

  /** The episode as an API request, for the clipboard (also kept in `lastApiCopy` for tests). */
  apiText(kind: 'curl' | 'json'): string {
    const req = apiRequest(this.scenario, this.deps.agreement(), new URL('./', location.href).href);
    return kind === 'curl' ? curlCommand(req) : JSON.stringify(req.body, null, 2);
  }

  lastApiCopy: string | undefined;

  private copyApi(kind: 'curl' | 'json', note: HTMLElement): void {
    this.lastApiCopy = this.apiText(kind);
    void navigator.clipboard?.writeText(this.lastApiCopy).catch(() => undefined);
    note.textContent = t(this.deps.locale(), 'sim.apiCopied');
  }

  toYaml(): string {
    const { agreement, version } = this.deps.agreement();
    return scenarioToYaml({ ...this.scenario, agreement, version });
  }

  writeLink(): void {
    writeHash({ tab: 'simulator', s: encodeScenario(this.scenario) });
  }

  // ---------------------------------------------------------------- result

  private renderResult(r: SimulateResult): void {
    const locale = this.deps.locale();
    const views: [string, SimulationView][] = [[t(locale, 'sim.now'), r.base]];
    if (r.whatIf) views.push([t(locale, 'sim.changed'), r.whatIf]);
    this.renderViews(views);
  }

  /** One outcome, or two side by side (what-if, or two versions compared). */
  private renderViews(views: [string, SimulationView][]): void {
    const locale = this.deps.locale();
    const out: HTMLElement[] = [];
    for (const [, v] of views) if (!v.ok) out.push(h('div', { className: 'notice error-text' }, h('strong', { text: `${t(locale, 'sim.cannotRun')}: ` }), v.errors.join('; ')));
    if (views.every(([, v]) => v.ok)) {
      out.push(this.summaryTable(views));
      for (const [title, v] of views) out.push(renderCalendar(v, this.scenario, locale, views.length > 1 ? `${t(locale, 'sim.calendar')}: ${title}` : t(locale, 'sim.calendar')));
      out.push(this.reasons(views[views.length - 1][1], views[0][1]));
    }
    this.result.replaceChildren(...out);
  }

  private summaryTable(views: [string, SimulationView][]): HTMLElement {
    const locale = this.deps.locale();
    const table = h('table', { className: `sim-summary ${views.length > 1 ? 'compare' : ''}`, 'data-testid': 'sim-summary' });
    if (views.length > 1) table.append(h('tr', {}, h('th'), ...views.map(([title]) => h('th', { text: title }))));
    const row = (key: string, label: string, values: (v: SimulationView) => string, iso?: (v: SimulationView) => string | null) => {
      const cells = views.map(([, v]) => values(v));
      const tr = h('tr', { 'data-row': key, className: cells.some((c) => c !== cells[0]) ? 'differs' : '' }, h('th', { text: label }));
      views.forEach(([, v], i) => tr.append(h('td', { text: cells[i], 'data-iso': iso?.(v) ?? undefined, 'data-testid': `sim-${key}-${i}` })));
      table.append(tr);
    };
    const pay = (v: SimulationView) => v.payments[0];
    if (views[0][1].payments.length) {
      row('first-payable', t(locale, 'sim.firstPayableDay'), (v) => (pay(v)?.responsible ? prettyDate(pay(v).firstPayableDay, locale) : t(locale, 'sim.noPayment')), (v) => pay(v)?.firstPayableDay ?? null);
      row('day-one', t(locale, 'sim.dayOne'), (v) => prettyDate(pay(v)?.dayOne, locale), (v) => pay(v)?.dayOne ?? null);
      row('grace', t(locale, 'sim.graceDays'), (v) => (pay(v)?.graceDays == null ? '–' : String(pay(v).graceDays)));
      row('last-grace', t(locale, 'sim.lastGraceDay'), (v) => prettyDate(pay(v)?.lastGraceDay, locale));
      row('billable', t(locale, 'sim.billableDays'), (v) => (pay(v)?.billableDays == null ? (pay(v)?.responsible ? t(locale, 'sim.stillInHospital') : '–') : String(pay(v).billableDays)));
      row('amount', t(locale, 'sim.amount'), (v) => money(pay(v)?.amount, locale));
    }
    const ids = views[0][1].deadlines.map((d) => d.id);
    for (const id of ids) {
      row(`deadline-${id}`, `${t(locale, 'sim.deadlines')}: ${views[0][1].deadlines.find((d) => d.id === id)?.title ?? id}`, (v) => {
        const d = v.deadlines.find((x) => x.id === id);
        if (!d) return '–';
        return `${t(locale, `sim.status.${d.status}` as MessageKey)}${d.due ? ` (${t(locale, 'sim.due')} ${d.due})` : ''}`;
      });
    }
    return table;
  }

  /** What the engine decided, in the reader's language, from the structured result (the engine's own sentence is the tooltip). */
  private decisionLines(v: SimulationView, rule: string, engineTexts: string[]): string[] {
    const locale = this.deps.locale();
    if (locale === 'en') return engineTexts;
    const d = v.deadlines.find((x) => x.id === rule);
    if (d) {
      if (d.status === 'not-applicable') return [/not recorded/.test(d.reason) ? 'Tiden har inte börjat: händelsen den räknas från har inte skett.' : 'Gäller inte i det här fallet: villkoret för tidsfristen är inte uppfyllt.'];
      const done = d.actual ? `gjort ${d.actual}` : 'inte gjort';
      return [`${t(locale, `sim.status.${d.status}` as MessageKey)}: ${done}${d.due ? `, senast ${d.due}` : ''}.`];
    }
    const p = v.payments.find((x) => x.id === rule);
    if (!p) return engineTexts;
    if (!p.responsible) {
      const m = /^the requirement "(.*)" is not met$/.exec(p.reason) ?? undefined;
      const e = /^exempt, because (.*)$/.exec(p.reason) ?? undefined;
      if (m) return [`Inget betalningsansvar: villkoret »${m[1]}« är inte uppfyllt.`];
      if (e) return [`Inget betalningsansvar: undantag eftersom ${e[1]}.`];
      if (p.status === 'not-started') return ['Inget betalningsansvar har börjat: händelsen det räknas från har inte skett.'];
      return engineTexts;
    }
    const unit = p.graceUnit === 'working-days' ? 'arbetsdagar' : p.graceUnit === 'weekdays' ? 'vardagar' : 'dagar';
    const lines = [
      `Dag 1 är ${prettyDate(p.dayOne, locale)}.`,
      `${p.graceDays} fristdagar (${unit}): sista fristdag ${prettyDate(p.lastGraceDay, locale)}.`,
      `Betalningsansvaret börjar ${prettyDate(p.firstPayableDay, locale)}.`,
    ];
    if (p.billableDays == null) lines.push('Debiterbara dagar räknas inte: patienten är kvar och inget slutdatum är angivet.');
    else lines.push(`${p.billableDays} debiterbara dagar till och med ${prettyDate(p.lastBillableDay, locale)}${p.amount != null ? `: ${money(p.amount, locale)}` : ''}.`);
    return lines;
  }

  /** Each decision with its rule, citations and interpretations, in rule order. */
  private reasons(v: SimulationView, base: SimulationView): HTMLElement {
    const locale = this.deps.locale();
    const box = h('section', { className: 'reasons' }, h('h4', { text: t(locale, 'sim.why') }));
    const byRule = new Map<string, string[]>();
    for (const step of v.explanation) byRule.set(step.rule, [...(byRule.get(step.rule) ?? []), step.text]);
    for (const [rule, texts] of byRule) {
      const src = v.rules[rule] ?? base.rules[rule];
      const status = v.deadlines.find((d) => d.id === rule)?.status;
      const card = h('article', { className: `reason ${status ? `status-${status}` : ''}`, 'data-rule': rule, title: texts.join('\n') });
      card.append(h('h5', {}, h('button', { type: 'button', className: 'link', text: src?.title ?? rule, onclick: () => src && this.deps.reveal(src.line) }),
        status ? h('span', { className: `chip status-${status}`, text: t(locale, `sim.status.${status}` as MessageKey) }) : null));
      const ul = h('ul');
      for (const text of this.decisionLines(v, rule, texts)) ul.append(h('li', { text }));
      card.append(ul);
      for (const c of src?.citations ?? []) {
        card.append(h('p', { className: 'cite' }, h('strong', { text: `${t(locale, 'sim.source')}: ` }), c.heading));
        if (c.quote) card.append(h('blockquote', { text: c.quote }));
        if (c.quote && src && this.deps.showSource) card.append(h('button', { type: 'button', className: 'link', 'data-show-source': rule, text: t(locale, 'sim.inSource'), onclick: () => this.deps.showSource?.(src.line) }));
      }
      for (const i of src?.interpretations ?? []) card.append(h('p', { className: 'muted' }, `${t(locale, 'sim.interpretation')}: ${i.title ?? i.id}`));
      box.append(card);
    }
    return box;
  }
}
