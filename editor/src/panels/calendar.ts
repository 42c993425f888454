// The scenario's outcome as a calendar: weeks Monday to Sunday, each day marked with the events of the
// episode, the grace days, the payable days and the days deadlines run out.
import { h } from '../dom';
import { humanName, t, type Locale } from '../i18n';
import type { Scenario, SimulationView } from '../protocol';
import { lookupVocabulary } from '../../../dsl/builtins/vocabulary';
import { eventTimes } from '../scenario';

const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Soft hyphens at the joints of long Swedish compounds ("Inskrivnings­meddelande", "betalnings­dag"), so a
 * narrow calendar cell breaks a word where Swedish does, with a hyphen, and never mid-syllable.
 */
export function hyphenate(text: string): string {
  return text.replace(/(\p{L}{4,}?(?:nings|tions|hets|skaps|ans|ings))(?=\p{L}{3,})/gu, '$1\u00AD');
}

export function eventLabel(id: string, locale: Locale): string {
  const v = lookupVocabulary(id);
  return humanName(v ? (locale === 'sv' ? v.sv : v.id) : id);
}

export function renderCalendar(view: SimulationView, scenario: Scenario, locale: Locale, title: string): HTMLElement {
  const marks = new Map<number, { cls: Set<string>; notes: string[] }>();
  const mark = (day: number, cls: string, note?: string) => {
    const m = marks.get(day) ?? { cls: new Set<string>(), notes: [] };
    m.cls.add(cls);
    if (note) m.notes.push(note);
    marks.set(day, m);
  };
  for (const [id, value] of Object.entries(scenario.events)) {
    // every occurrence of an event of the history (a ready notice sent again after a withdrawal)
    for (const at of eventTimes(value)) {
      if (!/^\d{4}-\d{2}-\d{2}/.test(at)) continue;
      mark(toDay(at), 'event', `${eventLabel(id, locale)} ${at.slice(11, 16)}`);
    }
  }
  const payment = view.payments.find((p) => p.responsible) ?? view.payments[0];
  // Each billable period of the history: its grace days (day 1 to the day before the first payable day; the
  // first period's last grace day as the engine gives it) and its payable days.
  const periods = payment?.periods?.length ? payment.periods : [];
  periods.forEach((period, i) => {
    if (period.status !== 'responsible' || !period.dayOne || !period.firstPayableDay) return;
    const first = toDay(period.firstPayableDay);
    const lastGrace = i === 0 && payment.lastGraceDay ? toDay(payment.lastGraceDay) : first - 1;
    let n = 1;
    for (let d = toDay(period.dayOne); d <= lastGrace && n <= 60; d++) mark(d, 'grace', `${t(locale, 'sim.legend.grace')} ${n++}`);
    const last = period.lastBillableDay ? toDay(period.lastBillableDay) : first;
    for (let d = first; d <= last && d - first < 120; d++) mark(d, 'payable', d === first ? t(locale, 'sim.firstPayableDay') : undefined);
    mark(first, 'first-payable');
  });
  for (const dl of view.deadlines) {
    if (!dl.due) continue;
    mark(toDay(dl.due), `due-${dl.status}`, `${t(locale, 'sim.legend.due')}: ${dl.title ?? dl.id}`);
  }
  const days = [...marks.keys()];
  const wrap = h('section', { className: 'calendar-wrap' }, h('h4', { text: title }));
  if (!days.length) return wrap;
  let start = Math.min(...days);
  let end = Math.max(...days);
  if (end - start > 180) end = start + 180;
  // weeks start on Monday: 1970-01-01 (day 0) was a Thursday
  start -= (start + 3) % 7;
  end += 6 - ((end + 3) % 7);
  // Drawn as weeks; read as a list of days, each with its full date and what happens on it.
  const grid = h('div', { className: 'calendar', role: 'list', 'aria-label': title });
  const names = locale === 'sv' ? ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  for (const n of names) grid.append(h('div', { className: 'cal-head', text: n, 'aria-hidden': 'true' }));
  for (let d = start; d <= end; d++) {
    const iso = toIso(d);
    const m = marks.get(d);
    const cell = h('div', { className: `cal-day ${m ? [...m.cls].join(' ') : ''} ${(d + 3) % 7 >= 5 ? 'weekend' : ''}`, 'data-date': iso, title: m?.notes.join('\n') ?? '', role: 'listitem' });
    const date = new Date(d * DAY);
    cell.append(h('span', { className: 'cal-date', text: date.getUTCDate() === 1 || d === start ? date.toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) : String(date.getUTCDate()) }));
    for (const note of m?.notes ?? []) cell.append(h('span', { className: 'cal-note', text: hyphenate(note) }));
    grid.append(cell);
  }
  wrap.append(grid);
  wrap.append(
    h('div', { className: 'legend' },
      h('span', { className: 'key event', text: t(locale, 'sim.legend.event') }),
      h('span', { className: 'key grace', text: t(locale, 'sim.legend.grace') }),
      h('span', { className: 'key payable', text: t(locale, 'sim.legend.payable') }),
      h('span', { className: 'key due', text: t(locale, 'sim.legend.due') })),
  );
  return wrap;
}
