// A tiny element builder: h('p', { className: 'x' }, 'text', child).
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (k === 'className') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'hidden') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A date for people: "fre 2019-01-11" (Swedish dates are ISO dates), "Fri 11 Jan 2019". */
export function prettyDate(iso: string | null | undefined, locale: 'sv' | 'en'): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const weekday = d.toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  const date = locale === 'sv' ? iso.slice(0, 10) : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${weekday} ${date}${iso.length > 10 ? ` ${iso.slice(11)}` : ''}`;
}

export function money(n: number | null | undefined, locale: 'sv' | 'en'): string {
  if (n === null || n === undefined) return '–';
  return `${n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')} kr`;
}
