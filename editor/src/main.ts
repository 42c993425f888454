import './style.css';
import { monaco } from './monaco-setup';
import { LANGUAGE_ID, registerAvtalLanguage } from './avtal-language';
import { DEFAULT_LOCALE, isLocale, problemCount, t, type Locale, type MessageKey } from './i18n';
import { LanguageClient, startLanguageWorker } from './language-client';
import type { Diagnostic, Severity } from './protocol';

performance.mark('avtal:start');

const LOCALE_STORAGE_KEY = 'avtal.locale';

const SAMPLE = `# Avtal — platshållare tills språket finns
avtal "Exempelavtal" {
  part "Region" { }
  part "Kommun" { }
  regel "Betalningsansvar" {
    om dagar > 3 då kommun betalar 1250 kr
  }
  gäller från 2025-01-01
}
`;

type TabId = 'problems' | 'examples' | 'simulator' | 'monthly' | 'versions';
const TABS: { id: TabId; label: MessageKey }[] = [
  { id: 'problems', label: 'tab.problems' },
  { id: 'examples', label: 'tab.examples' },
  { id: 'simulator', label: 'tab.simulator' },
  { id: 'monthly', label: 'tab.monthly' },
  { id: 'versions', label: 'tab.versions' },
];

// ---------------------------------------------------------------- state

const state: {
  locale: Locale;
  activeTab: TabId;
  diagnostics: Diagnostic[];
  workerReady: boolean;
  workerError: string | undefined;
} = {
  locale: initialLocale(),
  activeTab: 'problems',
  diagnostics: [],
  workerReady: false,
  workerError: undefined,
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

function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

// ---------------------------------------------------------------- layout

const tabList = $('.tabs');
const tabPanels = $('.tab-panels');
const statusEl = $('#status');

for (const tab of TABS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = `tab-${tab.id}`;
  button.className = 'tab';
  button.dataset.tab = tab.id;
  button.setAttribute('role', 'tab');
  button.setAttribute('aria-controls', `panel-${tab.id}`);
  button.addEventListener('click', () => selectTab(tab.id));
  tabList.append(button);

  const panel = document.createElement('section');
  panel.id = `panel-${tab.id}`;
  panel.className = 'tab-panel';
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', button.id);
  tabPanels.append(panel);
}

tabList.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const index = TABS.findIndex((tab) => tab.id === state.activeTab);
  const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
  selectTab(next.id);
  document.getElementById(`tab-${next.id}`)?.focus();
});

function selectTab(id: TabId): void {
  state.activeTab = id;
  for (const tab of TABS) {
    const selected = tab.id === id;
    const button = $(`#tab-${tab.id}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`#panel-${tab.id}`).hidden = !selected;
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
}

// ---------------------------------------------------------------- render

function render(): void {
  const { locale } = state;
  document.documentElement.lang = locale;
  document.title = t(locale, 'app.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(locale, el.dataset.i18n as MessageKey);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(locale, el.dataset.i18nAriaLabel as MessageKey));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('.lang-toggle button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === locale));
  }
  tabList.setAttribute('aria-label', t(locale, 'tabs.label'));
  for (const tab of TABS) {
    const button = $(`#tab-${tab.id}`);
    button.textContent = t(locale, tab.label);
    if (tab.id === 'problems' && state.diagnostics.length > 0) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = String(state.diagnostics.length);
      button.append(' ', badge);
    }
    if (tab.id !== 'problems') $(`#panel-${tab.id}`).textContent = t(locale, 'panel.placeholder');
  }
  renderProblems();
  renderStatus();
  selectTab(state.activeTab);
}

function renderStatus(): void {
  const { locale } = state;
  statusEl.dataset.state = state.workerError ? 'error' : state.workerReady ? 'ready' : 'starting';
  statusEl.textContent = state.workerError
    ? t(locale, 'status.workerError')
    : state.workerReady
      ? problemCount(locale, state.diagnostics.length)
      : t(locale, 'status.starting');
}

function renderProblems(): void {
  const { locale, diagnostics } = state;
  const panel = $('#panel-problems');
  panel.replaceChildren();
  if (diagnostics.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t(locale, 'problems.none');
    panel.append(p);
    return;
  }
  const list = document.createElement('ul');
  list.className = 'problems';
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.className = `problem severity-${d.severity}`;
    item.tabIndex = 0;
    const sev = document.createElement('span');
    sev.className = 'severity';
    sev.textContent = t(locale, `severity.${d.severity}`);
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = d.message;
    const pos = document.createElement('span');
    pos.className = 'position';
    pos.textContent = t(locale, 'position', { line: d.startLine, column: d.startColumn });
    item.append(sev, msg, pos);
    const reveal = (): void => {
      editor.setPosition({ lineNumber: d.startLine, column: d.startColumn });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: d.startLine, column: d.startColumn });
      editor.focus();
    };
    item.addEventListener('click', reveal);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') reveal();
    });
    list.append(item);
  }
  panel.append(list);
}

// ---------------------------------------------------------------- editor

registerAvtalLanguage(monaco);

const model = monaco.editor.createModel(SAMPLE, LANGUAGE_ID, monaco.Uri.parse('inmemory://avtal/agreement.avtal'));
const editor = monaco.editor.create($('#editor'), {
  model,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  scrollBeyondLastLine: false,
  renderWhitespace: 'selection',
  tabSize: 2,
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

// ---------------------------------------------------------------- language worker

const client = new LanguageClient(startLanguageWorker(), {
  debounceMs: 150,
  onDiagnostics(diagnostics, { id, roundTripMs }) {
    if (!state.workerReady) {
      state.workerReady = true;
      document.body.dataset.workerReady = '1';
      performance.mark('avtal:worker-ready');
    }
    document.body.dataset.analysedVersion = String(id);
    document.body.dataset.lastRoundTripMs = roundTripMs.toFixed(1);
    applyDiagnostics(diagnostics);
  },
  onError(message) {
    state.workerError = message;
    document.body.dataset.workerError = message;
    console.error('[avtal] language worker error:', message);
    renderStatus();
  },
});

model.onDidChangeContent(() => client.schedule(() => model.getValue()));
void client.analyse(model.getValue());

// Hooks for e2e tests and console debugging.
declare global {
  interface Window {
    __avtal?: {
      monaco: typeof monaco;
      editor: monaco.editor.IStandaloneCodeEditor;
      applyDiagnostics: (diagnostics: Diagnostic[]) => void;
      setLocale: (locale: Locale) => void;
    };
  }
}
window.__avtal = { monaco, editor, applyDiagnostics, setLocale };

render();
editor.focus();
document.body.dataset.editorReady = '1';
performance.mark('avtal:editor-ready');
