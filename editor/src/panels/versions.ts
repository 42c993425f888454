// Versions panel: the versions of the open agreement, a comparison of two (Monaco's diff editor in the
// main area, the semantic diff and the behavioural differences here), and saving as a new draft.
import type { AgreementInfo, Status, VersionInfo } from '../api';
import { h } from '../dom';
import { t, type Locale } from '../i18n';
import type { BehaviouralDiff } from '../../../engine/versions/behavioural-diff';
import type { Change, SemanticDiff } from '../../../engine/versions/semantic-diff';
import type { Scenario } from '../protocol';

export interface DiffView {
  from: string;
  to: string;
  semantic?: SemanticDiff;
  /** null when a version has errors */
  behavioural?: BehaviouralDiff | null;
  error?: string;
}

export interface VersionsDeps {
  locale: () => Locale;
  open: (version: string) => void;
  compare: (from: string, to: string) => void;
  closeCompare: () => void;
  /** saves as a new draft; the message to show */
  save: (label: string, token: string) => Promise<string>;
  /** updates the open draft in place */
  update: (token: string) => Promise<string>;
  simulate: (scenario: Scenario) => void;
}

export interface VersionsState {
  online: boolean;
  status?: Status;
  agreement?: AgreementInfo;
  current?: VersionInfo;
  hasErrors: boolean;
  /** worked examples that fail in the open text */
  failingExamples: number;
  diff?: DiffView;
  /** the behavioural diff is being computed */
  diffRunning?: boolean;
  /** the outcome of the last save, shown until the next */
  saveMessage?: { text: string; ok: boolean };
}

const VERSION_LABEL = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** A valid version name near what was typed: "mitt utkast" → "mitt-utkast", "  Ny version!" → "Ny-version". */
export function suggestVersionName(name: string): string {
  return name.trim().normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[._-]+/, '').replace(/[-.]+$/, '').slice(0, 64);
}

/** Why a version name cannot be used, in the reader's language; undefined when it can. */
export function versionNameProblem(name: string, taken: string[], locale: Locale): string | undefined {
  if (name.trim() === '') return t(locale, 'save.nameEmpty');
  if (taken.includes(name)) return t(locale, 'save.nameTaken', { name });
  if (name.length <= 64 && VERSION_LABEL.test(name)) return undefined;
  const suggestion = suggestVersionName(name);
  return suggestion && !taken.includes(suggestion) ? t(locale, 'save.nameInvalidSuggest', { suggestion }) : t(locale, 'save.nameInvalid');
}

/** The semantic diff as a table: the header's changes, then each declaration added, removed, renamed or changed. */
function semanticTable(value: SemanticDiff, locale: Locale): HTMLElement {
  const decls = value.declarations;
  const header = value.header;
  if (value.empty || (!decls.length && !header.length)) return h('p', { className: 'empty', text: t(locale, 'versions.noDifferences') });
  const table = h('table', { className: 'diff-table', 'data-testid': 'semantic-diff' });
  table.append(h('tr', {}, h('th', { text: locale === 'sv' ? 'Vad' : 'What' }), h('th', { text: locale === 'sv' ? 'Före' : 'Before' }), h('th', { text: locale === 'sv' ? 'Efter' : 'After' })));
  const row = (what: string, c: Change) => table.append(h('tr', { className: `change-${c.what}` }, h('td', { text: `${what}${c.label}` }), h('td', { className: 'old', text: c.old ?? '–' }), h('td', { className: 'new', text: c.new ?? '–' })));
  for (const c of header) row('', c);
  for (const d of decls) {
    const name = `${d.kindLabel || d.kind} ${d.id}`.trim();
    if (d.change === 'changed') for (const c of d.changes) row(`${name}: `, c);
    else table.append(h('tr', { className: `change-${d.change}` }, h('td', { text: name }), h('td', { text: d.change === 'added' ? '–' : d.oldId ?? d.id }), h('td', { text: d.change === 'removed' ? '–' : `${d.id}${d.title ? ` — ${d.title}` : ''}` })));
  }
  return table;
}

/** The behavioural diff: how many scenarios differ, where, and the first counterexamples (each can fill the simulator). */
function behaviouralView(value: BehaviouralDiff, locale: Locale, simulate: (s: Scenario) => void): HTMLElement {
  const box = h('div', { className: 'behavioural', 'data-testid': 'behavioural-diff' });
  const differing = value.differing;
  box.append(h('p', { className: `summary ${differing ? 'bad' : 'ok'}`, text: t(locale, 'versions.scenarios', { differing, total: value.scenarios }) }));
  if (value.summary.length) {
    const table = h('table', { className: 'diff-table' }, h('tr', {}, h('th', { text: t(locale, 'sim.rule') }), h('th', { text: locale === 'sv' ? 'Utfall' : 'Outcome' }), h('th', { text: locale === 'sv' ? 'Antal' : 'Count' })));
    for (const r of value.summary) table.append(h('tr', {}, h('td', { text: r.rule }), h('td', { text: r.field }), h('td', { text: String(r.count) })));
    box.append(table);
  }
  const list = h('ul', { className: 'counterexamples' });
  for (const c of value.counterexamples.slice(0, 8)) {
    const li = h('li', {}, h('span', { text: c.text }));
    if (Object.keys(c.events).length) li.append(' ', h('button', { type: 'button', className: 'link', text: t(locale, 'versions.trySimulator'), onclick: () => simulate({ events: c.events, facts: c.facts }) }));
    list.append(li);
  }
  box.append(list);
  return box;
}

export function renderVersions(panel: HTMLElement, s: VersionsState, deps: VersionsDeps): void {
  const locale = deps.locale();
  panel.replaceChildren(h('h3', { text: t(locale, 'versions.heading') }));
  if (!s.online) panel.append(h('p', { className: 'notice', text: t(locale, 'versions.offline') }));
  const versions = s.agreement?.versions ?? [];
  const list = h('ul', { className: 'version-list' });
  for (const v of versions) {
    const current = v.version === s.current?.version;
    list.append(h('li', { className: current ? 'current' : '' },
      h('button', { type: 'button', className: 'link', disabled: current, text: v.version, onclick: () => deps.open(v.version) }),
      h('span', { className: `chip ${v.status}`, text: t(locale, v.status === 'published' ? 'status.published' : 'status.draft') }),
      h('span', { className: 'muted', text: `${v.validFrom} – ${v.validTo ?? ''}` })));
  }
  panel.append(list);

  // compare
  const box = h('section', { className: 'compare' }, h('h4', { text: t(locale, 'versions.compare') }));
  if (versions.length < 2) box.append(h('p', { className: 'muted', text: t(locale, 'versions.needTwo') }));
  else {
    const pick = (id: string, selected: string) => {
      const sel = h('select', { id });
      for (const v of versions) sel.append(h('option', { value: v.version, text: `${v.version} (${t(locale, v.status === 'published' ? 'status.published' : 'status.draft')})`, selected: v.version === selected }));
      return sel;
    };
    const from = pick('diff-from', s.diff?.from ?? versions[Math.max(0, versions.length - 2)].version);
    const to = pick('diff-to', s.diff?.to ?? versions[versions.length - 1].version);
    box.append(
      h('div', { className: 'compare-row' },
        h('label', {}, h('span', { text: t(locale, 'versions.from') }), from),
        h('label', {}, h('span', { text: t(locale, 'versions.to') }), to),
        h('button', { type: 'button', id: 'diff-show', text: t(locale, 'versions.show'), onclick: () => deps.compare(from.value, to.value) })),
    );
    if (s.diff) {
      box.append(h('button', { type: 'button', id: 'diff-close', className: 'link', text: t(locale, 'versions.close'), onclick: () => deps.closeCompare() }));
      if (s.diffRunning) box.append(h('p', { className: 'progress', role: 'status', 'data-testid': 'diff-progress', text: t(locale, 'versions.running') }));
      if (s.diff.error) box.append(h('p', { className: 'notice', text: t(locale, 'versions.diffError', { message: s.diff.error }) }));
      if (s.diff.semantic !== undefined) box.append(h('h4', { text: t(locale, 'versions.semantic') }), semanticTable(s.diff.semantic, locale));
      if (s.diff.behavioural !== undefined) {
        const b = s.diff.behavioural;
        box.append(h('h4', { text: t(locale, 'versions.behavioural') }), b ? behaviouralView(b, locale, deps.simulate) : h('p', { className: 'empty', text: t(locale, 'versions.noBehaviour') }));
      }
    }
  }
  panel.append(box);

  // save
  const save = h('section', { className: 'save', id: 'save-section' }, h('h4', { text: t(locale, s.current?.status === 'draft' ? 'save.headingDraft' : 'save.heading') }));
  const writable = s.online && s.status?.writable === true;
  if (!writable) save.append(h('p', { className: 'notice', 'data-testid': 'save-readonly', text: s.online ? t(locale, 'save.readonly') : t(locale, 'versions.offline') }));
  else {
    const isDraft = s.current?.status === 'draft';
    if (s.current?.status === 'published') save.append(h('p', { className: 'muted', text: t(locale, 'save.published') }));
    if (s.hasErrors) save.append(h('p', { className: 'notice', text: t(locale, 'save.blockedErrors') }));
    if (s.failingExamples > 0) save.append(h('p', { className: 'notice warning', 'data-testid': 'save-examples-warning', text: t(locale, 'save.examplesFail', { n: s.failingExamples }) }));
    const today = new Date().toISOString().slice(0, 10);
    const taken = versions.map((v) => v.version);
    const label = h('input', { type: 'text', id: 'save-label', value: `${today}-utkast`, 'aria-describedby': 'save-label-problem', autocomplete: 'off' });
    const problem = h('p', { className: 'field-problem', id: 'save-label-problem', 'aria-live': 'polite' });
    const token = h('input', { type: 'password', id: 'save-token', value: sessionStorage.getItem('avtal.token') ?? '', autocomplete: 'off' });
    const result = h('p', { className: `save-result ${s.saveMessage ? (s.saveMessage.ok ? 'ok' : 'bad') : ''}`, id: 'save-result', tabIndex: -1, 'aria-live': 'polite', text: s.saveMessage?.text ?? '' });
    /** Checks the name as it is typed; a name that cannot be used gets a suggestion to take with one click. */
    const check = (): boolean => {
      const why = versionNameProblem(label.value.trim(), taken, locale);
      label.setAttribute('aria-invalid', String(why !== undefined));
      problem.replaceChildren();
      if (why === undefined) return true;
      const suggestion = suggestVersionName(label.value);
      const offer = suggestion !== '' && suggestion !== label.value.trim() && !taken.includes(suggestion);
      // with a button to take the suggestion, the message need not repeat it
      problem.append(h('span', { text: offer && why.includes(suggestion) ? t(locale, 'save.nameInvalid') : why }));
      if (offer) {
        problem.append(' ', h('button', { type: 'button', className: 'link', id: 'save-use-suggestion', text: t(locale, 'save.useSuggestion', { suggestion }), onclick: () => {
          label.value = suggestion;
          check();
          label.focus();
        } }));
      }
      return false;
    };
    label.addEventListener('input', check);
    const submit = h('button', { type: 'button', id: 'save-submit', disabled: s.hasErrors, text: t(locale, 'save.submit'), onclick: async () => {
      if (!check()) {
        label.focus();
        return;
      }
      sessionStorage.setItem('avtal.token', token.value);
      submit.disabled = true;
      result.textContent = await deps.save(label.value.trim(), token.value);
      submit.disabled = s.hasErrors;
    } });
    if (isDraft) {
      const update = h('button', { type: 'button', id: 'save-update', className: 'primary', disabled: s.hasErrors, text: t(locale, 'save.update', { version: s.current!.version }), onclick: async () => {
        sessionStorage.setItem('avtal.token', token.value);
        update.disabled = true;
        result.textContent = await deps.update(token.value);
        update.disabled = s.hasErrors;
      } });
      save.append(h('p', { className: 'muted', text: t(locale, 'save.draftIntro', { version: s.current!.version }) }), h('label', { className: 'field' }, h('span', { text: t(locale, 'save.token') }), token), update,
        h('h4', { text: t(locale, 'save.heading') }), h('label', { className: 'field' }, h('span', { text: t(locale, 'save.label') }), label), problem, submit, result);
    } else {
      save.append(h('label', { className: 'field' }, h('span', { text: t(locale, 'save.label') }), label), problem, h('label', { className: 'field' }, h('span', { text: t(locale, 'save.token') }), token), submit, result);
    }
  }
  panel.append(save);
}
