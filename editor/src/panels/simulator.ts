// Scenario simulator: a form for one care episode (the events and facts the open policy uses), evaluated
// in the worker against the open text, drawn as a calendar with each deadline, the grace days, the first
// payable day and the billable days, each with its rule and citation. What-if: change a number of the
// policy without editing the file, and see both outcomes side by side.
import type { PolicyOutline, Tweak } from '../../../dsl/services';
import { h, money, prettyDate } from '../dom';
import { humanName, t, type Locale, type MessageKey } from '../i18n';
import { lookupVocabulary } from '../../../dsl/builtins/vocabulary';
import type { PaymentPeriod, PaymentResult } from '../../../engine';
import type { CaseProblem, ExampleView, Scenario, SimulateResult, SimulationView } from '../protocol';
import { copyEvents, encodeScenario, eventTimes, scenarioFromYaml, scenarioToYaml, setEventTimes, writeHash } from '../scenario';
import { eventLabel, renderCalendar } from './calendar';

export interface SimulatorDeps {
  locale: () => Locale;
  run: (scenario: Scenario) => Promise<SimulateResult>;
  /** the same, on another text (a version compared with another) */
  runOn: (text: string, scenario: Scenario) => Promise<SimulateResult>;
  reveal: (line: number) => void;
  agreement: () => { agreement?: string; version?: string; county?: string };
  /** Show the rule at this line of the policy beside its passages in the agreement (the source panel). */
  /** Show the source tab with the passage of the citation at a line of the policy lit up. */
  showSource?: (line: number, citation?: boolean) => void;
}

/** Two versions compared: a counterexample of the behavioural diff is shown under both, old against new. */
export interface Comparison {
  from: { label: string; text: string };
  to: { label: string; text: string };
}

/** The episode as a request to the HTTP API (POST /api/evaluate): the case, and the version to use. */
export function apiRequest(scenario: Scenario, agreement: { agreement?: string; version?: string; county?: string }, base: string): { url: string; body: Record<string, unknown> } {
  const NOT_IN_CASE = new Set(['care_type', 'municipality', 'evaluation_date']);
  // one time, or (a history) every occurrence in time order, as the case schema takes them
  const events: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(scenario.events)) {
    const times = eventTimes(v).map((x) => x.trim().replace(' ', 'T'));
    if (times.length) events[k] = typeof v === 'string' ? times[0] : times;
  }
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
  /** The form's rows of each event, one per occurrence (a row may lack its time yet), and their elements. */
  private readonly eventRows = new Map<string, { rows: { date: string; time: string }[]; els: { row: HTMLElement; date: HTMLInputElement; problem: HTMLElement }[] }>();
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
    this.scenario = { events: copyEvents(s.events), facts: { ...s.facts }, evaluationDate: s.evaluationDate, whatIf: { ...(s.whatIf ?? {}) }, title: s.title };
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
    const hasEvents = Object.values(this.scenario.events).some((v) => eventTimes(v).length > 0);
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

    const events = h('fieldset', { className: 'events' }, h('legend', { text: t(locale, 'sim.events') }), h('p', { className: 'muted history-intro', text: t(locale, 'sim.historyIntro') }));
    this.eventRows.clear();
    for (const e of o.events) events.append(this.eventGroup(e.id, e.description));
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

  /**
   * One event of the form: a row per occurrence (date, time, and × to clear it or, with more than one, to
   * remove it), and "+ ny tidpunkt" for another occurrence of an event that can happen more than once (a ready
   * notice withdrawn and sent again). The occurrences go to the scenario in time order, whatever the order of
   * the rows; a row without a time waits for one.
   */
  private eventGroup(id: string, description: string | undefined): HTMLElement {
    const locale = this.deps.locale();
    const s = this.scenario;
    const name = eventLabel(id, locale);
    const entry = lookupVocabulary(id);
    const once = entry?.kind === 'event' && entry.history?.once === true;
    const rows = eventTimes(s.events[id]).map((v) => {
      const [date, time] = v.split(/[ T]/);
      return { date: date ?? '', time: time?.slice(0, 5) ?? '' };
    });
    if (!rows.length) rows.push({ date: '', time: '' });
    const state = { rows, els: [] as { row: HTMLElement; date: HTMLInputElement; problem: HTMLElement }[] };
    this.eventRows.set(id, state);
    const group = h('div', { className: 'event-group', 'data-event-group': id, title: description });
    const commit = () => {
      setEventTimes(s.events, id, rows.filter((r) => r.date && r.time).map((r) => `${r.date} ${r.time}`));
      this.schedule();
    };
    const add = h('button', {
      type: 'button', className: 'link add-time', id: `sim-add-${id}`, text: `+ ${t(locale, 'sim.addTime')}`, 'aria-label': `${t(locale, 'sim.addTime')}: ${name}`,
      onclick: () => {
        rows.push({ date: '', time: '' });
        draw(rows.length - 1);
      },
    });
    const draw = (focus?: number) => {
      state.els = [];
      group.replaceChildren(...rows.map((row, i) => this.occurrenceRow(id, name, row, i, rows.length, () => {
        // × clears the only row, or removes this one of several
        if (rows.length === 1) {
          row.date = '';
          row.time = '';
        } else rows.splice(i, 1);
        commit();
        draw(Math.min(i, rows.length - 1));
      }, commit, state.els)));
      if (!once) group.append(add);
      if (focus !== undefined) state.els[focus]?.date.focus();
    };
    draw();
    return group;
  }

  private occurrenceRow(id: string, name: string, row: { date: string; time: string }, i: number, count: number, remove: () => void, commit: () => void, els: { row: HTMLElement; date: HTMLInputElement; problem: HTMLElement }[]): HTMLElement {
    const locale = this.deps.locale();
    const n = i + 1;
    // the first occurrence keeps the names links and tests have always used; the others are numbered
    const key = i === 0 ? `event-${id}` : `event-${id}-${n}`;
    const label = count > 1 ? `${name}, ${t(locale, 'sim.occurrence', { n })}` : name;
    const dateInput = h('input', { type: 'date', name: `${key}-date`, value: row.date, 'aria-label': `${label}, ${t(locale, 'sim.date')}` });
    const timeInput = h('input', { type: 'time', name: `${key}-time`, value: row.time, 'aria-label': `${label}, ${t(locale, 'sim.time')}` });
    const missing = h('span', { className: 'field-problem time-missing', id: `${key}-time-missing`, hidden: true, text: t(locale, 'sim.timeMissing') });
    const problem = h('span', { className: 'field-problem history-problem', id: `${key}-problem`, hidden: true });
    timeInput.setAttribute('aria-describedby', `${missing.id} ${problem.id}`);
    dateInput.setAttribute('aria-describedby', problem.id);
    // A date without a time is not taken as midnight: the time decides which side of a cutoff the event
    // falls on, so the event waits (and says so) until a time is given.
    const sync = () => {
      row.date = dateInput.value;
      row.time = timeInput.value;
      const noTime = row.date !== '' && row.time === '';
      missing.hidden = !noTime;
      timeInput.setAttribute('aria-invalid', String(noTime));
      commit();
    };
    dateInput.addEventListener('input', sync);
    timeInput.addEventListener('input', sync);
    if (row.date !== '' && row.time === '') {
      missing.hidden = false;
      timeInput.setAttribute('aria-invalid', 'true');
    }
    const what = count > 1 ? t(locale, 'sim.removeTime') : t(locale, 'sim.clear');
    const clear = h('button', { type: 'button', className: 'link', title: what, 'aria-label': `${what}: ${label}`, text: '×', 'data-remove': count > 1 ? String(n) : undefined, onclick: remove });
    const nameEl = i === 0
      ? h('span', { className: 'event-name', text: name })
      : h('span', { className: 'event-name occurrence', text: t(locale, 'sim.occurrence', { n }) });
    const el = h('div', { className: 'event-row', 'data-event': id, 'data-occurrence': String(n) }, nameEl, dateInput, timeInput, clear, missing, problem);
    els.push({ row: el, date: dateInput, problem });
    return el;
  }

  /** Shows each located problem of a refused case at its row (AVT-E013: which occurrence is impossible, and why). */
  private markProblems(problems: CaseProblem[]): void {
    for (const { els } of this.eventRows.values()) {
      for (const e of els) {
        e.row.classList.remove('invalid');
        e.date.removeAttribute('aria-invalid');
        e.problem.hidden = true;
        e.problem.textContent = '';
      }
    }
    for (const p of problems) {
      const at = this.rowAt(p.pointer);
      if (!at) continue;
      at.row.classList.add('invalid');
      at.date.setAttribute('aria-invalid', 'true');
      at.problem.hidden = false;
      at.problem.textContent = at.problem.textContent ? `${at.problem.textContent} ${p.message}` : p.message;
    }
  }

  /** The form row a case error's pointer names: `/events/ID` or `/events/ID/K`, the K-th occurrence in time order. */
  private rowAt(pointer: string): { row: HTMLElement; date: HTMLInputElement; problem: HTMLElement } | undefined {
    const m = /^\/events\/([^/]+)(?:\/(\d+))?$/.exec(pointer);
    const state = m && this.eventRows.get(m[1]);
    if (!m || !state) return undefined;
    const at = eventTimes(this.scenario.events[m[1]])[Number(m[2] ?? 0)]?.replace('T', ' ').slice(0, 16);
    const index = state.rows.findIndex((r) => `${r.date} ${r.time}` === at);
    return state.els[Math.max(index, 0)];
  }

  /** A field a problem names, for people: "Utskrivningsklar meddelad, tidpunkt 2". */
  private fieldName(pointer: string): string {
    const locale = this.deps.locale();
    const m = /^\/(events|facts)\/([^/]+)(?:\/(\d+))?$/.exec(pointer);
    if (!m) return pointer || t(locale, 'sim.events');
    const name = eventLabel(m[2], locale); // an event's or a fact's name, Swedish or English
    return m[3] !== undefined ? `${name}, ${t(locale, 'sim.occurrence', { n: Number(m[3]) + 1 })}` : name;
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
    // a refused case (the same case under each view: its problems once), each problem at its field
    const refused = views.find(([, v]) => !v.ok)?.[1];
    if (refused) out.push(this.problemList(refused));
    this.markProblems(refused?.problems ?? []);
    if (views.every(([, v]) => v.ok)) {
      // the agreement is silent on payment: whose rule decides it, and why
      const fallback = views.find(([, v]) => v.fallback)?.[1].fallback;
      if (fallback) out.push(h('p', { className: 'muted', 'data-testid': 'sim-fallback', text: fallback }));
      out.push(this.summaryTable(views));
      // the periods of each outcome; two outcomes side by side with one period each are all in the summary
      const several = views.some(([, v]) => (v.payments[0]?.periods.length ?? 0) > 1);
      if (views.length === 1 || several) {
        views.forEach(([title, v], i) => {
          const p = v.payments[0];
          if (p && p.status !== 'not-started' && p.periods.length) out.push(this.periodsTable(p, i, views.length > 1 ? title : undefined));
        });
      }
      for (const [title, v] of views) out.push(renderCalendar(v, this.scenario, locale, views.length > 1 ? `${t(locale, 'sim.calendar')}: ${title}` : t(locale, 'sim.calendar')));
      out.push(this.reasons(views[views.length - 1][1], views[0][1]));
    }
    this.result.replaceChildren(...out);
  }

  /** Why the case cannot be run: the engine's located errors, each naming its field (a button to it). */
  private problemList(v: SimulationView): HTMLElement {
    const locale = this.deps.locale();
    const box = h('div', { className: 'notice error-text', 'data-testid': 'sim-problems' }, h('strong', { text: `${t(locale, 'sim.cannotRun')}: ` }));
    if (!v.problems?.length) {
      box.append(v.errors.join('; '));
      return box;
    }
    const ul = h('ul', { className: 'problems' });
    for (const p of v.problems) {
      const row = this.rowAt(p.pointer);
      const field = row
        ? h('button', { type: 'button', className: 'link', text: this.fieldName(p.pointer), onclick: () => row.date.focus() })
        : h('span', { text: this.fieldName(p.pointer) });
      ul.append(h('li', { 'data-code': p.code, 'data-pointer': p.pointer }, field, `: ${p.message} `, h('span', { className: 'muted code', text: `(${p.code})` })));
    }
    box.append(ul);
    return box;
  }

  /**
   * The payment's billable periods, one row each (the notice that opened it, its payable days, what ended it,
   * days and amount), and their totals: what to bill from, as the API's `periods`, `totalBillableDays` and
   * `totalAmount` give it.
   */
  private periodsTable(p: PaymentResult, index: number, title?: string): HTMLElement {
    const locale = this.deps.locale();
    const day = (iso: string | null) => (iso ? (locale === 'sv' ? iso : prettyDate(iso, locale).replace(/^\S+ /, '')) : '–');
    const table = h('table', { className: 'sim-periods', 'data-testid': `sim-period-table-${index}` },
      h('caption', { text: title ? `${t(locale, 'sim.periods')}: ${title}` : t(locale, 'sim.periods') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t(locale, 'sim.period') }),
        h('th', { scope: 'col', text: t(locale, 'sim.period.from') }),
        h('th', { scope: 'col', text: t(locale, 'sim.period.payable') }),
        h('th', { scope: 'col', text: t(locale, 'sim.period.end') }),
        h('th', { scope: 'col', className: 'num', text: t(locale, 'sim.period.days') }),
        h('th', { scope: 'col', className: 'num', text: t(locale, 'sim.amount') }))));
    const body = h('tbody');
    p.periods.forEach((period: PaymentPeriod, i) => {
      // each date kept on one line ("2019-01-10 – 2019-01-13" may wrap only at the dash)
      const payable = period.status === 'responsible'
        ? period.lastBillableDay
          ? [h('span', { className: 'nowrap', text: day(period.firstPayableDay) }), ' – ', h('span', { className: 'nowrap', text: day(period.lastBillableDay) })]
          : [t(locale, 'sim.period.fromDay', { day: day(period.firstPayableDay) })]
        : [period.status === 'pending' ? t(locale, 'sim.pending') : t(locale, 'sim.noPayment')];
      const ended = period.endedBy === null ? t(locale, 'sim.ended.ongoing') : period.endedBy === 'withdrawn' ? t(locale, 'sim.ended.withdrawn') : eventLabel(period.endedBy, locale);
      body.append(h('tr', {
        'data-period': String(i + 1), 'data-status': period.status, 'data-first': period.firstPayableDay ?? '', 'data-last': period.lastBillableDay ?? '',
        'data-days': period.billableDays ?? '', 'data-amount': period.amount ?? '', 'data-ended-by': period.endedBy ?? '', className: `status-${period.status}`, title: period.reason,
      },
      h('th', { scope: 'row', text: String(i + 1) }),
      h('td', { text: period.from }),
      h('td', {}, ...payable),
      h('td', { text: ended }),
      h('td', { className: 'num', text: period.billableDays == null ? '–' : String(period.billableDays) }),
      h('td', { className: 'num', text: money(period.amount, locale) })));
    });
    table.append(body, h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', colSpan: 4, text: t(locale, 'sim.total') }),
      h('td', { className: 'num', 'data-testid': `sim-total-days-${index}`, 'data-value': p.totalBillableDays ?? '', text: p.totalBillableDays == null ? '–' : String(p.totalBillableDays) }),
      h('td', { className: 'num', 'data-testid': `sim-total-amount-${index}`, 'data-value': p.totalAmount ?? '', text: money(p.totalAmount, locale) }))));
    return table;
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
      // With more than one billable period (a notice withdrawn and sent again), the first period's dates and
      // the days and amount of all periods together; each period is in the table below.
      const many = views.some(([, v]) => (pay(v)?.periods.length ?? 0) > 1);
      const days = (p: PaymentResult) => (p.periods.length > 1 ? p.totalBillableDays : p.billableDays);
      const amount = (p: PaymentResult) => (p.periods.length > 1 ? p.totalAmount : p.amount);
      row('first-payable', t(locale, 'sim.firstPayableDay'), (v) => (pay(v)?.status === 'pending' ? t(locale, 'sim.pending') : pay(v)?.responsible ? prettyDate(pay(v).firstPayableDay, locale) : t(locale, 'sim.noPayment')), (v) => pay(v)?.firstPayableDay ?? null);
      row('day-one', t(locale, 'sim.dayOne'), (v) => prettyDate(pay(v)?.dayOne, locale), (v) => pay(v)?.dayOne ?? null);
      row('grace', t(locale, 'sim.graceDays'), (v) => (pay(v)?.graceDays == null ? '–' : String(pay(v).graceDays)));
      row('last-grace', t(locale, 'sim.lastGraceDay'), (v) => prettyDate(pay(v)?.lastGraceDay, locale));
      if (!many) row('last-billable', t(locale, 'sim.lastBillableDay'), (v) => prettyDate(pay(v)?.lastBillableDay, locale), (v) => pay(v)?.lastBillableDay ?? null);
      if (many) row('periods', t(locale, 'sim.periods'), (v) => String(pay(v)?.periods.length ?? 0));
      row('billable', many ? t(locale, 'sim.billableDaysTotal') : t(locale, 'sim.billableDays'), (v) => (!pay(v) || days(pay(v)) == null ? (pay(v)?.responsible ? t(locale, 'sim.stillInHospital') : '–') : String(days(pay(v)))));
      row('amount', many ? t(locale, 'sim.amountTotal') : t(locale, 'sim.amount'), (v) => money(pay(v) && amount(pay(v)), locale));
      if (views.some(([, v]) => pay(v)?.law)) row('law', t(locale, 'sim.law'), (v) => (pay(v)?.law ? `${pay(v).law!.clause} (${pay(v).law!.agreement} ${pay(v).law!.version})` : '–'));
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
    // Why a rule does not apply, or no payment arises, the engine's own steps say (in the reader's language).
    const d = v.deadlines.find((x) => x.id === rule);
    if (d) {
      if (d.status === 'not-applicable') return engineTexts;
      const done = d.actual ? `gjort ${d.actual}` : 'inte gjort';
      return [`${t(locale, `sim.status.${d.status}` as MessageKey)}: ${done}${d.due ? `, senast ${d.due}` : ''}.`];
    }
    const p = v.payments.find((x) => x.id === rule);
    // a history of several periods, or a payment still pending: the engine's own Swedish steps say it all
    if (!p || p.periods.length > 1 || p.status === 'pending' || !p.responsible) return engineTexts;
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
        if (c.quote && src && this.deps.showSource) card.append(h('button', { type: 'button', className: 'link', 'data-show-source': rule, text: t(locale, 'sim.inSource'), onclick: () => this.deps.showSource?.(c.line, true) }));
      }
      for (const i of src?.interpretations ?? []) card.append(h('p', { className: 'muted' }, `${t(locale, 'sim.interpretation')}: ${i.title ?? i.id}`));
      box.append(card);
    }
    return box;
  }
}
