// Help panel: the keys, the interactive API page (/docs) and the language reference (docs/language.md,
// generated from the grammar's tables by `npm run gen:docs`) rendered here. Loaded when first opened.
import { marked } from 'marked';
import reference from '../../../docs/language.md?raw';
import { h } from '../dom';
import { t, type Locale } from '../i18n';

let rendered: Locale | undefined;

export function renderHelp(panel: HTMLElement, locale: Locale): void {
  if (rendered === locale && panel.childElementCount > 0) return;
  rendered = locale;
  const apiHref = new URL('docs', new URL('./', location.href)).href;
  const specHref = new URL('openapi.json', new URL('./', location.href)).href;
  const doc = h('article', { className: 'help-doc', lang: 'en' }); // docs/language.md is written in English
  // The reference is the project's own file, bundled at build time; marked turns it into HTML.
  doc.innerHTML = marked.parse(reference, { async: false, gfm: true });
  // Its headings start at h1; inside the panel they sit below the panel's own h3.
  for (const heading of doc.querySelectorAll('h1, h2, h3, h4')) {
    const level = Math.min(6, Number(heading.tagName[1]) + 3);
    const replacement = h(`h${level}` as 'h4', { id: heading.id || undefined });
    replacement.innerHTML = heading.innerHTML;
    heading.replaceWith(replacement);
  }
  // Wide code and tables scroll sideways: they take the focus so the keyboard can scroll them too.
  for (const wide of doc.querySelectorAll<HTMLElement>('pre, table')) wide.tabIndex = 0;
  panel.replaceChildren(
    h('h3', { text: t(locale, 'help.keys') }),
    h('p', { className: 'help-keys', text: t(locale, 'help.keysList') }),
    h('h3', { text: t(locale, 'help.api') }),
    h('p', {}, h('a', { href: apiHref, target: '_blank', rel: 'noopener', id: 'help-api-link', text: `${apiHref}` }), ' — ', t(locale, 'help.apiIntro'), ' ', h('a', { href: specHref, target: '_blank', rel: 'noopener', text: 'openapi.json' }), '.'),
    h('h3', { text: t(locale, 'help.language') }),
    doc,
  );
}
