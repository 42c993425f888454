// The editor, loaded by boot.ts (the page's entry), which has already started the language worker, asked
// the server for the agreements and the first text, and had the worker analyse that text.
import { monaco } from './monaco-setup';
import { LANGUAGE_ID, registerAvtalLanguage, THEME_ID } from './avtal-language';
import { api, type AgreementInfo, type ApiError, type Status, type VersionInfo } from './api';
import { client, fetchAgreements, fetchText, firstOpen, firstServer, listeners, pickVersion } from './boot';
import { clearUnsaved, storeUnsaved, unsavedChanges } from './drafts';
import { h } from './dom';
import { DEFAULT_LOCALE, isLocale, problemCount, t, type Locale, type MessageKey } from './i18n';
import type { LanguageClient } from './language-client';
import { renderExamples } from './panels/examples';
import type { MonthlyPanel } from './panels/monthly';
import type { SimulatorPanel } from './panels/simulator';
import type { SourcePanel } from './panels/source';
import { renderVersions, type DiffView } from './panels/versions';
import type { AnalyseResult, Diagnostic, Severity } from './protocol';
import { readHash, writeHash } from './hash';

performance.mark('avtal:monaco-loaded');

const LOCALE_STORAGE_KEY = 'avtal.locale';

type TabId = 'problems' | 'examples' | 'simulator' | 'monthly' | 'versions' | 'source' | 'help';
const TABS: { id: TabId; label: MessageKey }[] = [
  { id: 'problems', label: 'tab.problems' },
  { id: 'examples', label: 'tab.examples' },
  { id: 'simulator', label: 'tab.simulator' },
  { id: 'monthly', label: 'tab.monthly' },
  { id: 'versions', label: 'tab.versions' },
  { id: 'source', label: 'tab.source' },
  { id: 'help', label: 'tab.help' },
];
const isTab = (s: string | null): s is TabId => TABS.some((tab) => tab.id === s);

// ---------------------------------------------------------------- state

const state: {
  locale: Locale;
  activeTab: TabId;
  diagnostics: Diagnostic[];
  analysis: AnalyseResult | undefined;
  workerReady: boolean;
  workerError: string | undefined;
  online: boolean;
  status: Status | undefined;
  agreements: AgreementInfo[];
  agreement: AgreementInfo | undefined;
  version: VersionInfo | undefined;
  baseText: string; // the text as loaded from the server (or the bundle)
  loading: boolean;
  diff: DiffView | undefined;
  diffRunning: boolean;
  saveMessage: { text: string; ok: boolean } | undefined;
} = {
  locale: initialLocale(),
  activeTab: 'problems',
  diagnostics: [],
  analysis: undefined,
  workerReady: false,
  workerError: undefined,
  online: false,
  status: undefined,
  agreements: [],
  agreement: undefined,
  version: undefined,
  baseText: '',
  loading: true,
  diff: undefined,
  diffRunning: false,
  saveMessage: undefined,
};

function initialLocale(): Locale {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (isLocale(fromQuery)) return fromQuery;
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    /* storage may be unavailable */
  }
  return DEFAULT_LOCALE;
}

function $<T extends HTMLElement = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

// ---------------------------------------------------------------- layout

const tabList = $('.tabs');
const tabPanels = $('.tab-panels');
const statusEl = $('#status');
const banner = $('#banner');
const agreementSelect = $<HTMLSelectElement>('#agreement-select');
const versionSelect = $<HTMLSelectElement>('#version-select');

for (const tab of TABS) {
  const button = h('button', { type: 'button', id: `tab-${tab.id}`, className: 'tab', 'data-tab': tab.id, role: 'tab', 'aria-controls': `panel-${tab.id}` });
  button.addEventListener('click', () => selectTab(tab.id));
  tabList.append(button);
  tabPanels.append(h('section', { id: `panel-${tab.id}`, className: 'tab-panel', role: 'tabpanel', 'aria-labelledby': button.id }));
}

tabList.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const index = TABS.findIndex((tab) => tab.id === state.activeTab);
  const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
  selectTab(next.id);
  document.getElementById(`tab-${next.id}`)?.focus();
});

function selectTab(id: TabId): void {
  const changed = state.activeTab !== id;
  state.activeTab = id;
  for (const tab of TABS) {
    const selected = tab.id === id;
    const button = $(`#tab-${tab.id}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`#panel-${tab.id}`).hidden = !selected;
  }
  document.body.dataset.tab = id;
  if (changed) writeHash({ tab: id === 'problems' ? undefined : id });
  if (changed && id === 'simulator') {
    void simulatorPanel().then((panel) => {
      if (state.activeTab === 'simulator' && state.analysis) panel.update(state.analysis.outline, state.analysis.examples);
    });
  }
  if (changed && id === 'source') {
    void sourcePanel().then((panel) => {
      if (state.activeTab === 'source') void panel.update();
    });
  }
  if (id === 'help') {
    $('#help-button').setAttribute('aria-expanded', 'true');
    void import('./panels/help').then(({ renderHelp }) => renderHelp($('#panel-help'), state.locale));
  } else $('#help-button').setAttribute('aria-expanded', 'false');
  if (changed && id === 'monthly') {
    void monthlyPanel().then((panel) => {
      if (state.activeTab === 'monthly' && state.analysis) panel.update(state.analysis.outline);
    });
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.lang-toggle button')) {
  button.addEventListener('click', () => {
    const lang = button.dataset.lang;
    if (isLocale(lang)) setLocale(lang);
  });
}

function setLocale(locale: Locale): void {
  state.locale = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    /* ignore */
  }
  render();
  simulator?.rerender();
  monthly?.rerender();
  if (state.activeTab === 'source') void source?.update();
  void client.analyse(model.getValue(), state.locale);
}

// ---------------------------------------------------------------- render

function render(): void {
  const { locale } = state;
  document.documentElement.lang = locale;
  document.title = state.agreement ? `${state.agreement.agreement} ${state.version?.version ?? ''} — Avtal` : t(locale, 'app.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(locale, el.dataset.i18n as MessageKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(locale, el.dataset.i18nAriaLabel as MessageKey));
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(locale, el.dataset.i18nTitle as MessageKey);
  renderLayoutButtons();
  for (const button of document.querySelectorAll<HTMLButtonElement>('.lang-toggle button')) button.setAttribute('aria-pressed', String(button.dataset.lang === locale));
  tabList.setAttribute('aria-label', t(locale, 'tabs.label'));
  for (const tab of TABS) {
    const button = $(`#tab-${tab.id}`);
    button.textContent = t(locale, tab.label);
    const errors = state.diagnostics.length;
    if (tab.id === 'problems' && errors > 0) button.append(' ', h('span', { className: 'badge', text: String(errors) }));
    const failing = state.analysis?.examples?.filter((e) => !e.pass).length ?? 0;
    if (tab.id === 'examples' && failing > 0) button.append(' ', h('span', { className: 'badge', text: String(failing) }));
  }
  renderPickers();
  renderProblems();
  renderExamplesPanel();
  renderVersionsPanel();
  renderStatus();
  renderSaveButton();
  selectTab(state.activeTab);
}

function renderStatus(): void {
  const { locale } = state;
  statusEl.dataset.state = state.workerError ? 'error' : state.workerReady ? 'ready' : 'starting';
  statusEl.textContent = state.workerError ? t(locale, 'status.workerError') : state.workerReady ? problemCount(locale, state.diagnostics.length) : t(locale, 'status.starting');
}

const hasErrors = () => state.diagnostics.some((d) => d.severity === 'error');

function renderSaveButton(): void {
  const button = $<HTMLButtonElement>('#save-button');
  const writable = state.online && state.status?.writable === true;
  button.disabled = !writable || hasErrors();
  button.title = !writable ? t(state.locale, state.online ? 'save.readonly' : 'versions.offline') : hasErrors() ? t(state.locale, 'save.blockedErrors') : '';
}

function renderPickers(): void {
  // People choose an agreement by its title ("Överenskommelse om … i Värmland"), not by its id.
  agreementSelect.replaceChildren(...state.agreements.map((a) => h('option', { value: a.agreement, text: agreementTitle(a), title: a.title ?? a.agreement, selected: a.agreement === state.agreement?.agreement })));
  versionSelect.replaceChildren(
    ...(state.agreement?.versions ?? []).map((v) =>
      h('option', { value: v.version, selected: v.version === state.version?.version, text: `${v.version} — ${t(state.locale, v.status === 'published' ? 'status.published' : 'status.draft')}` }),
    ),
  );
  agreementSelect.title = state.agreement?.title ?? '';
}

/**
 * An agreement's name for its picker: the place as the title spells it ("Värmland", found by the county id
 * without its accents), then the title; an agreement with neither shows its id.
 */
function agreementTitle(a: AgreementInfo): string {
  if (!a.title) return a.county && a.county !== a.agreement ? `${a.agreement} (${a.county})` : a.agreement;
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const id = a.county ?? a.agreement;
  const place = a.title.match(/\p{L}+/gu)?.find((w) => fold(w) === id);
  return place ? `${place} — ${a.title}` : a.title;
}

function renderProblems(): void {
  const { locale, diagnostics } = state;
  const panel = $('#panel-problems');
  panel.replaceChildren();
  if (diagnostics.length === 0) {
    panel.append(h('p', { className: 'empty', text: t(locale, 'problems.none') }));
    return;
  }
  const list = h('ul', { className: 'problems' });
  for (const d of diagnostics) {
    const reveal = (): void => revealPosition(d.startLine, d.startColumn);
    const item = h('li', { className: `problem severity-${d.severity}`, tabIndex: 0, 'data-line': d.startLine, 'data-code': d.code ?? '' },
      h('span', { className: 'severity', text: t(locale, `severity.${d.severity}`) }),
      h('span', { className: 'message', text: d.message }),
      h('span', { className: 'position', text: `${t(locale, 'position', { line: d.startLine, column: d.startColumn })}${d.code ? ` · ${d.code}` : ''}` }));
    item.addEventListener('click', reveal);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') reveal();
    });
    list.append(item);
  }
  panel.append(list);
}

function renderExamplesPanel(): void {
  if (!state.analysis) return;
  renderExamples($('#panel-examples'), state.locale, state.analysis.examples, (line) => revealPosition(line, 1), showInSource);
}

function renderVersionsPanel(): void {
  const failingExamples = state.analysis?.examples?.filter((e) => !e.pass).length ?? 0;
  renderVersions($('#panel-versions'), { online: state.online, status: state.status, agreement: state.agreement, current: state.version, hasErrors: hasErrors(), failingExamples, diff: state.diff, diffRunning: state.diffRunning, saveMessage: state.saveMessage }, {
    locale: () => state.locale,
    open: (version) => void openVersion(state.agreement!.agreement, version),
    compare: (from, to) => void compareVersions(from, to),
    closeCompare,
    save: saveDraft,
    update: updateOpenDraft,
    simulate: (scenario) => {
      // A counterexample is shown old against new: the two versions compared, each with its own outcome.
      const diff = state.diff;
      const a = state.agreement?.agreement;
      void simulatorPanel().then(async (panel) => {
        if (diff && a && state.online) {
          try {
            const [from, to] = await Promise.all([api.version(a, diff.from), api.version(a, diff.to)]);
            panel.setScenario(scenario, { from: { label: diff.from, text: from.text }, to: { label: diff.to, text: to.text } });
          } catch {
            panel.setScenario(scenario);
          }
        } else panel.setScenario(scenario);
        selectTab('simulator');
        document.getElementById('tab-simulator')?.focus();
      });
    },
  });
}

function revealPosition(line: number, column: number): void {
  closeCompare();
  editor.setPosition({ lineNumber: line, column });
  editor.revealLineInCenter(line);
  editor.focus();
}

function showBanner(message: string | undefined, actions: HTMLElement[] = []): void {
  banner.hidden = !message;
  banner.replaceChildren(...(message ? [h('span', { text: message }), ...actions] : []));
}

// ---------------------------------------------------------------- editor

listeners.onAnalysis = (result, { id, roundTripMs, workerMs }) => {
  if (!state.workerReady) {
    state.workerReady = true;
    document.body.dataset.workerReady = '1';
    performance.mark('avtal:worker-ready');
  }
  document.body.dataset.analysedVersion = String(id);
  document.body.dataset.lastRoundTripMs = roundTripMs.toFixed(1);
  document.body.dataset.lastWorkerMs = workerMs.toFixed(1);
  applyAnalysis(result);
  if (!state.loading && document.body.dataset.usable !== '1') {
    document.body.dataset.usable = '1';
    performance.mark('avtal:usable');
    void markWorkerTimings();
  }
};
listeners.onError = (message) => {
  state.workerError = message;
  document.body.dataset.workerError = message;
  console.error('[avtal] language worker error:', message);
  renderStatus();
};
if (listeners.earlyError !== undefined) listeners.onError(listeners.earlyError);

/** The worker's own times (its clock starts at its creation) as marks on the page's timeline. */
async function markWorkerTimings(): Promise<void> {
  const w = await client.request('timings', {});
  const at = (ms: number) => ({ startTime: w.timeOrigin - performance.timeOrigin + ms });
  performance.mark('avtal:worker-script', at(w.started));
  performance.mark('avtal:worker-loaded', at(w.loaded));
  if (w.firstAnalysis) {
    performance.mark('avtal:worker-analysis-start', at(w.firstAnalysis.start));
    performance.mark('avtal:worker-analysed', at(w.firstAnalysis.end));
  }
  document.body.dataset.workerTimings = '1';
}

registerAvtalLanguage(monaco, { client: () => client, ui: () => state.locale });

const model = monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://avtal/agreement.avtal'));
const editor = monaco.editor.create($('#editor'), {
  model,
  theme: THEME_ID,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  scrollBeyondLastLine: false,
  renderWhitespace: 'selection',
  tabSize: 2,
  wordWrap: 'on',
  wrappingIndent: 'indent',
  hover: { delay: 250 },
});

// Keyboard: Tab indents in the editor, so the editor must never hold the focus. Esc (when no widget of the
// editor is open) moves to the side panel's selected tab; Ctrl+M (Monaco's toggle-tab-focus contribution,
// loaded in monaco-setup.ts) makes Tab move the focus instead; the skip links lead to either side.
editor.addCommand(
  monaco.KeyCode.Escape,
  () => focusPanel(),
  '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible && !editorHasMultipleSelections && !editorHasSelection && !inSnippetMode && !editorHoverFocused',
);
editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void quickSave());

function focusPanel(): void {
  if (document.body.dataset.panel === 'collapsed') setPanel(true);
  document.getElementById(`tab-${state.activeTab}`)?.focus();
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('.skip-link')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    if (link.dataset.skip === 'editor') editor.focus();
    else focusPanel();
  });
}

// Ctrl+S anywhere on the page saves (Monaco's own binding above covers the editor).
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    void quickSave();
  }
});

// ---------------------------------------------------------------- layout: side panel width, collapse, wide mode

const LAYOUT_KEY = 'avtal.layout';
const layout: { width?: number; collapsed?: boolean; wide?: boolean } = (() => {
  try {
    return JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? '{}') as typeof layout;
  } catch {
    return {};
  }
})();
const saveLayout = () => {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    /* storage may be unavailable */
  }
};
const resizer = $('#resizer');
const sideWidth = () => $('#side-panel').getBoundingClientRect().width;
function setSideWidth(px: number | undefined): void {
  if (px === undefined) document.documentElement.style.removeProperty('--side-w');
  else {
    px = Math.round(Math.min(Math.max(px, 280), window.innerWidth - 320));
    document.documentElement.style.setProperty('--side-w', `${px}px`);
  }
  layout.width = px;
  resizer.setAttribute('aria-valuenow', String(Math.round(px ?? sideWidth())));
}
function setPanel(open: boolean): void {
  layout.collapsed = !open;
  if (open) delete document.body.dataset.panel;
  else document.body.dataset.panel = 'collapsed';
  saveLayout();
  renderLayoutButtons();
}
function setWide(on: boolean): void {
  layout.wide = on;
  if (on) document.body.dataset.wide = '1';
  else delete document.body.dataset.wide;
  saveLayout();
  renderLayoutButtons();
}
function renderLayoutButtons(): void {
  const open = document.body.dataset.panel !== 'collapsed';
  const toggle = $('#panel-toggle');
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = open ? '⇥' : '⇤';
  toggle.title = t(state.locale, open ? 'layout.hidePanel' : 'layout.showPanel');
  toggle.setAttribute('aria-label', toggle.title);
  $('#wide-toggle').setAttribute('aria-pressed', String(document.body.dataset.wide === '1'));
}
if (layout.width) setSideWidth(layout.width);
const syncResizerValue = () => {
  resizer.setAttribute('aria-valuenow', String(Math.round(sideWidth())));
  resizer.setAttribute('aria-valuemax', String(Math.max(280, window.innerWidth - 320)));
};
syncResizerValue();
window.addEventListener('resize', syncResizerValue);
if (layout.collapsed) setPanel(false);
if (layout.wide) setWide(true);
$('#panel-toggle').addEventListener('click', () => setPanel(document.body.dataset.panel === 'collapsed'));
$('#wide-toggle').addEventListener('click', () => setWide(document.body.dataset.wide !== '1'));
resizer.setAttribute('aria-valuemin', '280');
resizer.addEventListener('pointerdown', (event) => {
  event.preventDefault();
  resizer.setPointerCapture(event.pointerId);
  resizer.classList.add('dragging');
  if (document.body.dataset.wide === '1') setWide(false);
  const move = (e: PointerEvent) => setSideWidth(window.innerWidth - e.clientX);
  const up = () => {
    resizer.classList.remove('dragging');
    resizer.removeEventListener('pointermove', move);
    saveLayout();
  };
  resizer.addEventListener('pointermove', move);
  resizer.addEventListener('pointerup', up, { once: true });
});
resizer.addEventListener('keydown', (event) => {
  const step = event.shiftKey ? 80 : 24;
  if (event.key === 'ArrowLeft') setSideWidth(sideWidth() + step);
  else if (event.key === 'ArrowRight') setSideWidth(sideWidth() - step);
  else if (event.key === 'Home') setSideWidth(undefined);
  else return;
  event.preventDefault();
  if (document.body.dataset.wide === '1') setWide(false);
  saveLayout();
});

// ---------------------------------------------------------------- toast (a short confirmation)

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string, kind: 'ok' | 'warning' = 'ok'): void {
  const el = $('#toast');
  el.textContent = message;
  el.dataset.kind = kind;
  el.hidden = false;
  if (toastTimer !== undefined) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.hidden = true;
  }, kind === 'ok' ? 6000 : 12000);
}

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

function applyDiagnostics(diagnostics: Diagnostic[]): void {
  state.diagnostics = diagnostics;
  monaco.editor.setModelMarkers(
    model,
    LANGUAGE_ID,
    diagnostics.map((d) => ({
      message: d.message,
      severity: SEVERITY[d.severity],
      startLineNumber: d.startLine,
      startColumn: d.startColumn,
      endLineNumber: d.endLine,
      endColumn: d.endColumn,
      code: d.code,
      source: 'avtal',
    })),
  );
  document.body.dataset.diagnosticsCount = String(diagnostics.length);
  render();
}

function applyAnalysis(result: AnalyseResult): void {
  state.analysis = result;
  const ex = result.examples;
  document.body.dataset.examplesPassed = String(ex?.filter((e) => e.pass).length ?? -1);
  document.body.dataset.examplesFailed = String(ex?.filter((e) => !e.pass).length ?? -1);
  applyDiagnostics(result.diagnostics);
  // Panels out of sight wait: selecting their tab brings them up to date (keeps the worker free for keystrokes).
  if (state.activeTab === 'simulator') simulator?.update(result.outline, result.examples);
  if (state.activeTab === 'monthly') monthly?.update(result.outline);
  if (state.activeTab === 'source') void source?.update();
  // the lines of branches no example exercises are shaded whatever tab is open (the source panel lists them)
  else if (ex) {
    const text = model.getValue();
    void client.request('unexercised', { text, ui: state.locale }).then((branches) => {
      if (model.getValue() === text) shadeUnexercised(branches.map((b) => b.line));
    }, () => undefined);
  } else shadeUnexercised([]);
}

let storeTimer: ReturnType<typeof setTimeout> | undefined;
model.onDidChangeContent(() => {
  client.schedule(() => model.getValue(), () => state.locale);
  if (state.loading || !state.agreement || !state.version) return;
  const { agreement } = state.agreement;
  const { version } = state.version;
  if (storeTimer !== undefined) clearTimeout(storeTimer);
  storeTimer = setTimeout(() => {
    const text = model.getValue();
    if (text === state.baseText) {
      clearUnsaved(agreement, version);
      setUnsaved(false);
    } else {
      storeUnsaved(agreement, version, text, state.baseText);
      setUnsaved(true);
    }
  }, 250);
});

function setUnsaved(on: boolean): void {
  $('#unsaved').hidden = !on;
  document.body.dataset.unsaved = on ? '1' : '0';
}

// ---------------------------------------------------------------- panels

// The simulator and the monthly panel (and the YAML library of scenario files) load when first shown:
// they are not on screen at start, so the page does not wait for them.
let simulator: SimulatorPanel | undefined;
let monthly: MonthlyPanel | undefined;
let simulatorLoad: Promise<SimulatorPanel> | undefined;
let monthlyLoad: Promise<MonthlyPanel> | undefined;

function loadFailed(err: unknown): never {
  showBanner(String((err as { message?: string }).message ?? err));
  throw err;
}

function simulatorPanel(): Promise<SimulatorPanel> {
  simulatorLoad ??= import('./panels/simulator').then(({ SimulatorPanel }) => {
    simulator = new SimulatorPanel($('#panel-simulator'), {
      locale: () => state.locale,
      run: (scenario) => client.request('simulate', { text: model.getValue(), scenario, ui: state.locale }),
      runOn: (text, scenario) => client.request('simulate', { text, scenario, ui: state.locale }),
      reveal: (line) => revealPosition(line, 1),
      agreement: () => ({ agreement: state.agreement?.agreement, version: state.version?.version, county: state.agreement?.county }),
      showSource: showInSource,
    });
    return simulator;
  }, loadFailed);
  return simulatorLoad;
}

/**
 * Show the source tab with the passages the rule at a line of the policy cites lit up (from a step of an
 * explanation), or, with `citation`, the passage of the citation at that line.
 */
function showInSource(line: number, citation = false): void {
  selectTab('source');
  void sourcePanel().then((panel) => panel.update().then(() => (citation ? panel.highlightCitation(line) : panel.highlightLine(line))));
}

// The source panel (panels/source.ts): the agreement's text beside the policy; the cursor in a rule lights up its passages.
let source: SourcePanel | undefined;
let sourceLoad: Promise<SourcePanel> | undefined;
const unexercised = editor.createDecorationsCollection();
function shadeUnexercised(lines: number[]): void {
  unexercised.set(lines.map((line) => ({ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'avtal-unexercised-line', linesDecorationsClassName: 'avtal-unexercised-glyph' } })));
}
function sourcePanel(): Promise<SourcePanel> {
  sourceLoad ??= import('./panels/source').then(({ SourcePanel }) => {
    source = new SourcePanel($('#panel-source'), {
      locale: () => state.locale,
      run: (id) => client.request('sourceView', { text: model.getValue(), source: id, ui: state.locale }),
      reveal: (line) => revealPosition(line, 1),
      shade: shadeUnexercised,
    });
    editor.onDidChangeCursorPosition((e) => {
      if (state.activeTab === 'source') source?.highlightLine(e.position.lineNumber);
    });
    // the mouse over a rule lights up its passages too; when it leaves the text, the cursor's rule again
    let hovered = 0;
    editor.onMouseMove((e) => {
      const line = e.target.position?.lineNumber ?? 0;
      if (state.activeTab !== 'source' || line === hovered) return;
      hovered = line;
      source?.highlightLine(line || (editor.getPosition()?.lineNumber ?? 0));
    });
    editor.onMouseLeave(() => {
      hovered = 0;
      if (state.activeTab === 'source') source?.highlightLine(editor.getPosition()?.lineNumber ?? 0);
    });
    return source;
  }, loadFailed);
  return sourceLoad;
}

function monthlyPanel(): Promise<MonthlyPanel> {
  monthlyLoad ??= import('./panels/monthly').then(({ MonthlyPanel }) => {
    monthly = new MonthlyPanel($('#panel-monthly'), {
      locale: () => state.locale,
      run: (input, whatIf) => client.request('months', { text: model.getValue(), input, whatIf, ui: state.locale }),
    });
    return monthly;
  }, loadFailed);
  return monthlyLoad;
}

// ---------------------------------------------------------------- agreements and versions

let first = true;
async function loadAgreements(): Promise<void> {
  const server = await (first ? firstServer : fetchAgreements()); // the first answer was asked for by boot.ts
  first = false;
  state.online = server.online;
  state.status = server.status;
  state.agreements = server.agreements;
  document.body.dataset.online = state.online ? '1' : '0';
  document.body.dataset.writable = state.status?.writable ? '1' : '0';
}

/** Opens a version; `prefetched` is boot.ts's request for the first one, used when it is the same version. */
let openSeq = 0;
/** The version the last open asked for (it is what will be open once the texts have arrived). */
let lastAsked: { agreement: string; version: string } | undefined;
async function openVersion(agreementId: string, versionId?: string, prefetched?: { agreement: AgreementInfo; version: VersionInfo; text: Promise<string> }): Promise<void> {
  const picked = pickVersion(state.agreements, agreementId, versionId);
  if (!picked) return;
  // Links followed in quick succession: the last one asked for wins, whichever text arrives last.
  const seq = ++openSeq;
  const { agreement, version } = picked;
  lastAsked = { agreement: agreement.agreement, version: version.version };
  const same = prefetched?.agreement.agreement === agreement.agreement && prefetched.version.version === version.version;
  let text: string;
  try {
    text = await (same ? prefetched.text : fetchText(state.online, agreement, version));
  } catch (err) {
    if (seq === openSeq) showBanner(String((err as { message?: string }).message ?? err));
    return;
  }
  if (seq !== openSeq) return;
  if (state.agreement?.agreement !== agreement.agreement || state.version?.version !== version.version) state.saveMessage = undefined;
  state.agreement = agreement;
  state.version = version;
  state.baseText = text;
  state.diff = undefined;
  closeCompare();
  const unsaved = unsavedChanges(agreement.agreement, version.version, text);
  state.loading = true;
  model.setValue(unsaved?.text ?? text);
  state.loading = false;
  if (unsaved) {
    setUnsaved(true);
    const time = new Date(unsaved.savedAt).toLocaleString(state.locale === 'sv' ? 'sv-SE' : 'en-GB');
    showBanner(t(state.locale, 'draft.restored', { time }), [
      h('button', { type: 'button', id: 'discard-unsaved', text: t(state.locale, 'draft.discard'), onclick: () => discardUnsaved() }),
    ]);
  } else {
    setUnsaved(false);
    showBanner(state.online ? undefined : t(state.locale, 'offline.note'));
  }
  writeHash({ a: agreement.agreement, v: version.version });
  render();
  await client.analyse(model.getValue(), state.locale);
}

function discardUnsaved(): void {
  if (!state.agreement || !state.version) return;
  clearUnsaved(state.agreement.agreement, state.version.version);
  state.loading = true;
  model.setValue(state.baseText);
  state.loading = false;
  setUnsaved(false);
  showBanner(undefined);
}

agreementSelect.addEventListener('change', () => void openVersion(agreementSelect.value));
versionSelect.addEventListener('change', () => void openVersion(state.agreement!.agreement, versionSelect.value));

// ---------------------------------------------------------------- compare

let diffEditor: monaco.editor.IStandaloneDiffEditor | undefined;
let revealFirstChange = false;

async function compareVersions(from: string, to: string): Promise<void> {
  if (!state.agreement) return;
  const a = state.agreement.agreement;
  const diff: DiffView = { from, to };
  state.diff = diff;
  state.diffRunning = true;
  renderVersionsPanel();
  try {
    const [left, right] = await Promise.all([api.version(a, from), api.version(a, to)]);
    const container = $('#diff');
    $('#editor').hidden = true;
    container.hidden = false;
    if (!diffEditor) {
      // Side by side whenever the editor area is at least 640 px wide (inline below that, as at 768 px).
      diffEditor = monaco.editor.createDiffEditor(container, { readOnly: true, automaticLayout: true, renderSideBySide: true, useInlineViewWhenSpaceIsLimited: true, renderSideBySideInlineBreakpoint: 640, minimap: { enabled: false }, theme: THEME_ID, wordWrap: 'on' } as monaco.editor.IStandaloneDiffEditorConstructionOptions);
      // Show the first change at once: a reader comparing versions looks for what changed.
      diffEditor.onDidUpdateDiff(() => {
        const first = diffEditor?.getLineChanges()?.[0];
        if (!first || !revealFirstChange) return;
        revealFirstChange = false;
        diffEditor!.getModifiedEditor().revealLineInCenter(Math.max(1, first.modifiedStartLineNumber));
      });
    }
    revealFirstChange = true;
    const old = diffEditor.getModel();
    diffEditor.setModel({ original: monaco.editor.createModel(left.text, LANGUAGE_ID), modified: monaco.editor.createModel(right.text, LANGUAGE_ID) });
    old?.original.dispose();
    old?.modified.dispose();
    document.body.dataset.comparing = `${from}..${to}`;
  } catch (err) {
    diff.error = String((err as { message?: string }).message ?? err);
  }
  try {
    const d = await api.diff(a, from, to, state.locale);
    diff.semantic = d.semantic;
    diff.behavioural = d.behavioural;
  } catch {
    // No /api/diff on this server: compute the semantic part in the worker from the two texts.
    try {
      const [left, right] = await Promise.all([api.version(a, from), api.version(a, to)]);
      diff.semantic = await client.request('semanticDiff', { from: left.text, to: right.text, ui: state.locale });
    } catch (err) {
      diff.error ??= String((err as { message?: string }).message ?? err);
    }
  }
  if (state.diff !== diff) return; // closed, or another comparison started meanwhile
  state.diffRunning = false;
  renderVersionsPanel();
}

function closeCompare(): void {
  if ($('#diff').hidden) return;
  $('#diff').hidden = true;
  $('#editor').hidden = false;
  delete document.body.dataset.comparing;
  if (state.diff) {
    state.diff = undefined;
    state.diffRunning = false;
    renderVersionsPanel();
  }
}

// ---------------------------------------------------------------- save

/** The message for a refused save. */
function saveError(error: ApiError): string {
  const { locale } = state;
  if (error.code === 'AVT-H032') return t(locale, 'save.stale');
  if (error.status === 409) return t(locale, 'save.conflict');
  if (error.status === 403) return error.code === 'AVT-H006' ? t(locale, 'save.readonly') : t(locale, 'save.forbidden');
  return t(locale, 'save.failed', { message: error.message });
}

/** After a save: the saved version is opened, and the confirmation is shown (and read out) and focused. */
async function saved(version: string): Promise<string> {
  const { locale } = state;
  const failing = state.analysis?.examples?.filter((e) => !e.pass).length ?? 0;
  clearUnsaved(state.agreement!.agreement, state.version!.version);
  await loadAgreements();
  await openVersion(state.agreement!.agreement, version);
  const text = failing > 0 ? `${t(locale, 'save.ok', { version })} ${t(locale, 'save.okFailing', { n: failing })}` : t(locale, 'save.ok', { version });
  state.saveMessage = { text, ok: true };
  renderVersionsPanel();
  toast(text, failing > 0 ? 'warning' : 'ok');
  document.body.dataset.saved = version;
  document.getElementById('save-result')?.focus();
  return text;
}

function refused(text: string): string {
  state.saveMessage = { text, ok: false };
  toast(text, 'warning');
  return text;
}

/** Saves the open text as a new draft named `label`. */
async function saveDraft(label: string, token: string): Promise<string> {
  const { locale } = state;
  if (!state.agreement) return '';
  if (hasErrors()) return refused(t(locale, 'save.blockedErrors'));
  const draft = await client.request('asDraft', { text: model.getValue(), label });
  if (draft.errors > 0) return refused(t(locale, 'save.blockedErrors'));
  const r = await api.saveDraft(state.agreement.agreement, label, draft.text, token);
  if (!r.ok) return refused(saveError(r.error));
  return saved(label);
}

/** Updates the open draft in place, if nobody changed it since it was opened (its hash). */
async function updateOpenDraft(token: string): Promise<string> {
  const { locale } = state;
  if (!state.agreement || !state.version || state.version.status !== 'draft') return '';
  if (hasErrors()) return refused(t(locale, 'save.blockedErrors'));
  const r = await api.updateDraft(state.agreement.agreement, state.version.version, model.getValue(), state.version.hash, token);
  if (!r.ok) return refused(saveError(r.error));
  return saved(state.version.version);
}

/** Ctrl+S: updates the open draft when the token is known; otherwise opens the save form. Never publishes. */
let quickSaving = false;
async function quickSave(): Promise<void> {
  if (quickSaving) return; // a held or repeated Ctrl+S saves once
  quickSaving = true;
  try {
    await quickSaveOnce();
  } finally {
    quickSaving = false;
  }
}

async function quickSaveOnce(): Promise<void> {
  const { locale } = state;
  if (!(state.online && state.status?.writable)) {
    toast(t(locale, state.online ? 'save.readonly' : 'versions.offline'), 'warning');
    return;
  }
  if (hasErrors()) {
    toast(t(locale, 'save.blockedErrors'), 'warning');
    selectTab('problems');
    return;
  }
  const token = sessionStorage.getItem('avtal.token');
  if (state.version?.status === 'draft' && token && document.body.dataset.unsaved === '1') {
    await updateOpenDraft(token);
    return;
  }
  if (document.body.dataset.panel === 'collapsed') setPanel(true);
  selectTab('versions');
  document.getElementById(state.version?.status === 'draft' ? 'save-update' : 'save-label')?.focus();
}

$('#save-button').addEventListener('click', () => {
  if (document.body.dataset.panel === 'collapsed') setPanel(true);
  selectTab('versions');
  document.getElementById(state.version?.status === 'draft' ? 'save-update' : 'save-label')?.focus();
});
$('#help-button').addEventListener('click', () => {
  if (state.activeTab === 'help' && document.body.dataset.panel !== 'collapsed') selectTab('problems');
  else {
    if (document.body.dataset.panel === 'collapsed') setPanel(true);
    selectTab('help');
  }
});
$('#format-button').addEventListener('click', () => void editor.getAction('editor.action.formatDocument')?.run());

// ---------------------------------------------------------------- hooks and start

declare global {
  interface Window {
    __avtal?: {
      monaco: typeof monaco;
      editor: monaco.editor.IStandaloneCodeEditor;
      applyDiagnostics: (diagnostics: Diagnostic[]) => void;
      setLocale: (locale: Locale) => void;
      client: LanguageClient;
      /** the simulator panel, once its tab has been opened */
      readonly simulator: SimulatorPanel | undefined;
      state: typeof state;
      diffEditor: () => monaco.editor.IStandaloneDiffEditor | undefined;
    };
  }
}
window.__avtal = {
  monaco, editor, applyDiagnostics, setLocale, client, state, diffEditor: () => diffEditor,
  get simulator() {
    return simulator;
  },
};

render();
// The focus is not put in the editor: the keyboard starts at the skip links (Tab would indent the text).
document.body.dataset.editorReady = '1';
performance.mark('avtal:editor-ready');

/**
 * What a link names that does not exist (`#a=finnsinte`, `&v=1999`), as a notice saying what is shown
 * instead; undefined when everything it names exists.
 */
function linkProblem(hash: URLSearchParams): string | undefined {
  const { locale } = state;
  const a = hash.get('a');
  const v = hash.get('v');
  const picked = pickVersion(state.agreements, a ?? 'varmland', v ?? undefined);
  if (!picked) return undefined;
  const shown = `${agreementTitle(picked.agreement)} ${picked.version.version}`;
  if (a && !state.agreements.some((x) => x.agreement === a)) return t(locale, 'link.noAgreement', { agreement: a, shown });
  if (v && !picked.agreement.versions.some((x) => x.version === v)) return t(locale, 'link.noVersion', { version: v, agreement: agreementTitle(picked.agreement), shown });
  const tab = hash.get('tab');
  if (tab && !isTab(tab)) return t(locale, 'link.noTab', { tab });
  return undefined;
}

function showLinkNotice(message: string | undefined): void {
  const el = $('#link-notice');
  el.hidden = !message;
  el.replaceChildren(...(message ? [h('span', { text: message }), h('button', { type: 'button', id: 'link-notice-close', text: t(state.locale, 'link.close'), onclick: () => showLinkNotice(undefined) })] : []));
  if (message) document.body.dataset.linkNotice = message;
  else delete document.body.dataset.linkNotice;
}

/**
 * Opens what the link names (agreement, version, tab, scenario); a name that does not exist gets a notice.
 * `link`: the hash to follow (a hash change's own new address; by then an earlier open may have replaced the
 * address with the version it opened, so the address bar is not read again).
 */
async function followLink(prefetched?: Parameters<typeof openVersion>[2], link?: string): Promise<void> {
  const hash = readHash(link);
  const tab = hash.get('tab');
  if (isTab(tab)) selectTab(tab);
  const code = hash.get('s');
  if (code) {
    void Promise.all([simulatorPanel(), import('./scenario')]).then(([panel, { decodeScenario }]) => {
      const scenario = decodeScenario(code);
      if (scenario) panel.setScenario(scenario);
      else showLinkNotice(t(state.locale, 'link.badScenario'));
    });
  }
  showLinkNotice(linkProblem(hash));
  const a = hash.get('a') ?? 'varmland';
  const v = hash.get('v') ?? undefined;
  const picked = pickVersion(state.agreements, a, v);
  if (prefetched || picked?.agreement.agreement !== lastAsked?.agreement || picked?.version.version !== lastAsked?.version) {
    await openVersion(a, v, prefetched);
    // the notice keeps the link as it was given; the address then names what is open
  }
}

// A link pasted into an open tab changes only the hash: follow it.
window.addEventListener('hashchange', (event) => void followLink(undefined, new URL(event.newURL).hash));

void (async () => {
  await loadAgreements();
  await followLink(await firstOpen);
})();
