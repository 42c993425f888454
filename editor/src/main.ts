// The editor, loaded by boot.ts (the page's entry), which has already started the language worker, asked
// the server for the agreements and the first text, and had the worker analyse that text.
import { monaco } from './monaco-setup';
import { LANGUAGE_ID, registerAvtalLanguage, THEME_ID } from './avtal-language';
import { api, type AgreementInfo, type Status, type VersionInfo } from './api';
import { client, fetchAgreements, fetchText, firstOpen, firstServer, listeners, pickVersion } from './boot';
import { clearUnsaved, storeUnsaved, unsavedChanges } from './drafts';
import { h } from './dom';
import { DEFAULT_LOCALE, isLocale, problemCount, t, type Locale, type MessageKey } from './i18n';
import type { LanguageClient } from './language-client';
import { renderExamples } from './panels/examples';
import type { MonthlyPanel } from './panels/monthly';
import type { SimulatorPanel } from './panels/simulator';
import { renderVersions, type DiffView } from './panels/versions';
import type { AnalyseResult, Diagnostic, Severity } from './protocol';
import { readHash, writeHash } from './hash';

performance.mark('avtal:monaco-loaded');

const LOCALE_STORAGE_KEY = 'avtal.locale';

type TabId = 'problems' | 'examples' | 'simulator' | 'monthly' | 'versions';
const TABS: { id: TabId; label: MessageKey }[] = [
  { id: 'problems', label: 'tab.problems' },
  { id: 'examples', label: 'tab.examples' },
  { id: 'simulator', label: 'tab.simulator' },
  { id: 'monthly', label: 'tab.monthly' },
  { id: 'versions', label: 'tab.versions' },
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
  void client.analyse(model.getValue(), state.locale);
}

// ---------------------------------------------------------------- render

function render(): void {
  const { locale } = state;
  document.documentElement.lang = locale;
  document.title = state.agreement ? `${state.agreement.agreement} ${state.version?.version ?? ''} — Avtal` : t(locale, 'app.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(locale, el.dataset.i18n as MessageKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(locale, el.dataset.i18nAriaLabel as MessageKey));
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
  agreementSelect.replaceChildren(...state.agreements.map((a) => h('option', { value: a.agreement, text: a.county && a.county !== a.agreement ? `${a.agreement} (${a.county})` : a.agreement, selected: a.agreement === state.agreement?.agreement })));
  versionSelect.replaceChildren(
    ...(state.agreement?.versions ?? []).map((v) =>
      h('option', { value: v.version, selected: v.version === state.version?.version, text: `${v.version} — ${t(state.locale, v.status === 'published' ? 'status.published' : 'status.draft')}` }),
    ),
  );
  agreementSelect.title = state.agreement?.title ?? '';
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
  renderExamples($('#panel-examples'), state.locale, state.analysis.examples, (line) => revealPosition(line, 1));
}

function renderVersionsPanel(): void {
  renderVersions($('#panel-versions'), { online: state.online, status: state.status, agreement: state.agreement, current: state.version, hasErrors: hasErrors(), diff: state.diff }, {
    locale: () => state.locale,
    open: (version) => void openVersion(state.agreement!.agreement, version),
    compare: (from, to) => void compareVersions(from, to),
    closeCompare,
    save: saveDraft,
    simulate: (scenario) => {
      closeCompare();
      void simulatorPanel().then((panel) => {
        panel.setScenario(scenario);
        selectTab('simulator');
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
  if (w.firstAnalysis) performance.mark('avtal:worker-analysed', at(w.firstAnalysis.end));
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
      reveal: (line) => revealPosition(line, 1),
      agreement: () => ({ agreement: state.agreement?.agreement, version: state.version?.version }),
    });
    return simulator;
  }, loadFailed);
  return simulatorLoad;
}

function monthlyPanel(): Promise<MonthlyPanel> {
  monthlyLoad ??= import('./panels/monthly').then(({ MonthlyPanel }) => {
    monthly = new MonthlyPanel($('#panel-monthly'), {
      locale: () => state.locale,
      run: (input, whatIf) => client.request('months', { text: model.getValue(), input, whatIf }),
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
async function openVersion(agreementId: string, versionId?: string, prefetched?: { agreement: AgreementInfo; version: VersionInfo; text: Promise<string> }): Promise<void> {
  const picked = pickVersion(state.agreements, agreementId, versionId);
  if (!picked) return;
  const { agreement, version } = picked;
  const same = prefetched?.agreement.agreement === agreement.agreement && prefetched.version.version === version.version;
  let text: string;
  try {
    text = await (same ? prefetched.text : fetchText(state.online, agreement, version));
  } catch (err) {
    showBanner(String((err as { message?: string }).message ?? err));
    return;
  }
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
  try {
    const [left, right] = await Promise.all([api.version(a, from), api.version(a, to)]);
    const container = $('#diff');
    $('#editor').hidden = true;
    container.hidden = false;
    if (!diffEditor) {
      diffEditor = monaco.editor.createDiffEditor(container, { readOnly: true, automaticLayout: true, renderSideBySide: true, minimap: { enabled: false }, theme: THEME_ID, wordWrap: 'on' } as monaco.editor.IStandaloneDiffEditorConstructionOptions);
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
  state.diff = diff;
  renderVersionsPanel();
}

function closeCompare(): void {
  if ($('#diff').hidden) return;
  $('#diff').hidden = true;
  $('#editor').hidden = false;
  delete document.body.dataset.comparing;
  if (state.diff) {
    state.diff = undefined;
    renderVersionsPanel();
  }
}

// ---------------------------------------------------------------- save

async function saveDraft(label: string, token: string): Promise<string> {
  const { locale } = state;
  if (!state.agreement) return '';
  if (hasErrors()) return t(locale, 'save.blockedErrors');
  const draft = await client.request('asDraft', { text: model.getValue(), label });
  if (draft.errors > 0) return t(locale, 'save.blockedErrors');
  const r = await api.saveDraft(state.agreement.agreement, label, draft.text, token);
  if (!r.ok) {
    if (r.error.status === 409) return t(locale, 'save.conflict');
    if (r.error.status === 403) return r.error.code === 'AVT-H006' ? t(locale, 'save.readonly') : t(locale, 'save.forbidden');
    return t(locale, 'save.failed', { message: r.error.message });
  }
  clearUnsaved(state.agreement.agreement, state.version!.version);
  await loadAgreements();
  await openVersion(state.agreement.agreement, label);
  return t(locale, 'save.ok', { version: label });
}

$('#save-button').addEventListener('click', () => {
  selectTab('versions');
  document.getElementById('save-label')?.focus();
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
editor.focus();
document.body.dataset.editorReady = '1';
performance.mark('avtal:editor-ready');

void (async () => {
  const hash = readHash();
  const tab = hash.get('tab');
  if (isTab(tab)) selectTab(tab);
  const code = hash.get('s');
  if (code) {
    void Promise.all([simulatorPanel(), import('./scenario')]).then(([panel, { decodeScenario }]) => {
      const scenario = decodeScenario(code);
      if (scenario) panel.setScenario(scenario);
    });
  }
  await loadAgreements();
  await openVersion(hash.get('a') ?? 'varmland', hash.get('v') ?? undefined, await firstOpen);
})();
