// Examples panel: every worked example of the open text, run by the worker on each change; pass or
// fail, expected beside actual; a click jumps to the example in the text. Under each, its explanation
// step by step; a step whose rule quotes the agreement links to that passage in the source panel.
import { h } from '../dom';
import { t, type Locale } from '../i18n';
import type { ExampleView } from '../protocol';

const SV_WORDS: [RegExp, string][] = [
  [/\bcalendar[ -]days?\b/g, 'kalenderdagar'],
  [/\bworking[ -]days?\b/g, 'arbetsdagar'],
  [/\bweekdays?\b/g, 'vardagar'],
  [/\b1 days\b/g, '1 dag'],
  [/\bdays?\b/g, 'dagar'],
  [/\bhours?\b/g, 'timmar'],
  [/^not responsible$/, 'inget betalningsansvar'],
  [/^responsible from /, 'betalningsansvar från '],
  [/^no payment rule$/, 'ingen betalningsregel'],
  [/^not-applicable$/, 'ej tillämplig'],
  [/^met$/, 'hållen'],
  [/^missed$/, 'missad'],
  [/^pending$/, 'väntande'],
  [/^none$/, 'inget'],
  [/ SEK\b/g, ' kr'],
];

/** The engine's expected/actual values, in the reader's language ("3 days" → "3 dagar"). */
export function localValue(value: string, locale: Locale): string {
  if (locale !== 'sv') return value;
  let out = value;
  for (const [re, sv] of SV_WORDS) out = out.replace(re, sv);
  return out;
}

/** The example's explanation, one step a line; each step of a rule that quotes its source links to the passage. */
function steps(ex: ExampleView, locale: Locale, showSource?: (line: number) => void): HTMLElement | null {
  if (ex.steps.length === 0) return null;
  const box = h('details', { className: 'example-steps' }, h('summary', { text: t(locale, 'examples.why', { n: ex.steps.length }) }));
  const list = h('ol');
  for (const s of ex.steps) {
    const li = h('li', { 'data-rule': s.rule }, h('span', { className: 'muted', text: `${s.title ?? s.rule}: ` }), s.text);
    if (s.quoted && showSource) {
      li.append(' ', h('button', {
        type: 'button', className: 'link', 'data-show-source': s.rule, text: t(locale, 'sim.inSource'),
        onclick: (event: Event) => {
          event.stopPropagation();
          showSource(s.line);
        },
      }));
    }
    list.append(li);
  }
  box.append(list);
  // opening the explanation is not a click on the example (which goes to it in the text)
  box.addEventListener('click', (event) => event.stopPropagation());
  return box;
}

export function renderExamples(panel: HTMLElement, locale: Locale, examples: ExampleView[] | null, reveal: (line: number) => void, showSource?: (line: number) => void): void {
  panel.replaceChildren();
  if (examples === null) {
    panel.append(h('p', { className: 'notice', text: t(locale, 'examples.blocked') }));
    return;
  }
  if (examples.length === 0) {
    panel.append(h('p', { className: 'empty', text: t(locale, 'examples.none') }));
    return;
  }
  const passed = examples.filter((e) => e.pass).length;
  panel.append(
    h('p', { className: `summary ${passed === examples.length ? 'ok' : 'bad'}`, 'data-testid': 'examples-summary', text: t(locale, 'examples.summary', { pass: passed, total: examples.length }) }),
  );
  const list = h('ul', { className: 'examples' });
  for (const ex of examples) {
    const item = h('li', { className: `example ${ex.pass ? 'pass' : 'fail'}`, tabIndex: 0, 'data-example': ex.id, 'data-pass': String(ex.pass) });
    const head = h(
      'div',
      { className: 'example-head' },
      h('span', { className: 'mark', 'aria-label': t(locale, ex.pass ? 'examples.pass' : 'examples.fail'), text: ex.pass ? '✓' : '✗' }),
      h('span', { className: 'example-title', text: ex.title ?? ex.id }),
      h('span', { className: 'muted', text: `${ex.derived ? `${t(locale, 'examples.derived')} · ` : ''}${t(locale, 'examples.line', { line: ex.line })}` }),
    );
    item.append(head);
    const table = h('table', { className: 'expectations' });
    table.append(h('tr', {}, h('th', { text: t(locale, 'examples.what') }), h('th', { text: t(locale, 'examples.expected') }), h('th', { text: t(locale, 'examples.actual') })));
    for (const e of ex.expectations) {
      const row = h('tr', { className: e.pass ? 'pass' : 'fail' }, h('td', { text: e.label }), h('td', { text: localValue(e.expected, locale) }), h('td', { className: 'actual', text: localValue(e.actual, locale) }));
      row.addEventListener('click', (event) => {
        event.stopPropagation();
        reveal(e.line);
      });
      table.append(row);
    }
    item.append(table);
    const why = steps(ex, locale, showSource);
    if (why) item.append(why);
    for (const err of ex.errors) item.append(h('p', { className: 'error-text', text: err }));
    item.addEventListener('click', () => reveal(ex.line));
    item.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') reveal(ex.line);
    });
    list.append(item);
  }
  panel.append(list);
}
