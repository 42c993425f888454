// The checks that make an episode's history possible, read off the vocabulary's `history` marks: an event
// that happens once is recorded once; what happens during the stay is not before the admission and not after
// the death; a discharge does not come before the admission; a patient who died in hospital is not also
// discharged; a withdrawal withdraws an earlier, not yet withdrawn occurrence. Nothing here reads a policy:
// how a possible history is read (a withdrawal ends a ready period, death ends the stay) is in the policies.
import { EVENTS } from '../../dsl/builtins/vocabulary';
import { msg, render, type MessageCode, type MsgLang, type Params } from '../../dsl/messages';
import { formatInstantLocal } from '../calendar';
import { eventSlot, occurrences, type CaseData } from './case-data';
import type { CaseError } from './validate';

const ADMITTED = eventSlot('admitted');
const DIED = eventSlot('died');
const DISCHARGED = eventSlot('discharged');

/** A history error: its message in the language, and its parameters to give it in another (localize). */
export type HistoryError = CaseError & { args: Params };

/** The located errors of an impossible history, in Swedish unless asked otherwise; [] for a possible one. */
export function historyErrors(c: CaseData, lang: MsgLang = 'sv'): HistoryError[] {
  const out: HistoryError[] = [];
  const error = (pointer: string, code: MessageCode, params: Params): HistoryError => {
    const args = { detail: msg(code, params) };
    return { code: 'AVT-E013', pointer, message: render('AVT-E013', args, lang), args };
  };
  const admitted = c.events[ADMITTED];
  const died = c.events[DIED];
  if (died === died && c.events[DISCHARGED] === c.events[DISCHARGED]) {
    out.push(error('/events/discharged', 'history.diedAndDischarged', {}));
  }
  EVENTS.forEach((e, slot) => {
    const h = e.history;
    if (!h) return;
    const times = occurrences(c, slot);
    if (times.length === 0) return;
    if (h.once && times.length > 1) out.push(error(`/events/${e.id}`, 'history.once', { event: e.id, count: times.length }));
    if (!h.stay) return;
    for (let i = 0; i < times.length; i++) {
      const at = times.length > 1 ? `/events/${e.id}/${i}` : `/events/${e.id}`;
      if (times[i] < admitted) out.push(error(at, 'history.beforeAdmission', { event: e.id, at: formatInstantLocal(times[i]), admitted: formatInstantLocal(admitted) }));
      if (slot !== DIED && times[i] > died) out.push(error(at, 'history.afterDeath', { event: e.id, at: formatInstantLocal(times[i]), died: formatInstantLocal(died) }));
    }
    if (h.withdraws) {
      // Each withdrawal needs an occurrence of what it withdraws after the previous withdrawal and not after it.
      const withdrawn = occurrences(c, eventSlot(h.withdraws));
      let prev = -Infinity;
      for (let i = 0; i < times.length; i++) {
        let found = false;
        for (let j = 0; j < withdrawn.length; j++) if (withdrawn[j] > prev && withdrawn[j] <= times[i]) found = true;
        if (!found) {
          const at = times.length > 1 ? `/events/${e.id}/${i}` : `/events/${e.id}`;
          out.push(error(at, 'history.withdrawsNothing', { event: e.id, at: formatInstantLocal(times[i]), withdraws: h.withdraws, first: i === 0 }));
        }
        prev = times[i];
      }
    }
  });
  return out;
}

const STAY = EVENTS.flatMap((e, slot) => (e.history?.stay && slot !== DIED ? [slot] : []));
const WITHDRAWALS = EVENTS.flatMap((e, slot) => (e.history?.withdraws ? [[slot, eventSlot(e.history.withdraws)]] : []));

/** For a case without a history (each event once): whether historyErrors would find nothing, without allocating. */
export function isPossibleWithoutHistory(c: CaseData): boolean {
  const e = c.events;
  const admitted = e[ADMITTED];
  const died = e[DIED];
  if (died === died && e[DISCHARGED] === e[DISCHARGED]) return false;
  if (died < admitted) return false;
  for (let i = 0; i < STAY.length; i++) {
    const t = e[STAY[i]];
    if (t < admitted || t > died) return false;
  }
  for (let i = 0; i < WITHDRAWALS.length; i++) {
    const [w, of] = WITHDRAWALS[i];
    if (e[w] === e[w] && !(e[of] <= e[w])) return false;
  }
  return true;
}
