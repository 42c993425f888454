// HAND-WRITTEN BASELINE — the one place a county is coded in TypeScript, on purpose: this is the
// hand-coded equivalent of the episode-level rules of policies/varmland/2019-01-01.avtal (deadlines
// inskrivningsmeddelande and kallelse_till_sip, payment kommunens_betalningsansvar, bound by the
// conditions of the law it is made under, policies/national/2018-01-01.avtal), written the way a careful
// developer would write them by hand, with the same calendar tables. The benchmark measures Avtal's
// compiled evaluator against it ("the practical limit") and checks that both agree. It is never used to
// evaluate real cases. If the policy file (or the law) changes, this file must be changed by hand: that is
// exactly the cost Avtal removes.
import { dayToIso, localDayOf, localSecondOfDay, startOfLocalDay } from '../../engine/calendar';
import { eventSlot, factSlot, type CaseData } from '../../engine/case/case-data';
import type { Baseline } from './baseline';
import { amountOf, deadlineSummary, earliestStillPossible, notRecorded, P, paymentSummary, S } from './common';

const ADMITTED = eventSlot('admitted');
const DOCTOR = eventSlot('doctor_assessment');
const NOTICE = eventSlot('admission_notice_sent');
const READY = eventSlot('ready_notice_sent');
const WITHDRAWN = eventSlot('ready_withdrawn');
const SIP = eventSlot('sip_called');
const DISCHARGED = eventSlot('discharged');
const DIED = eventSlot('died');
const SIP_NEEDED = factSlot('sip_needed');
const SERVICES_MISSING = factSlot('region_services_missing');
const EVALUATION_DATE = factSlot('evaluation_date');

const HOURS_24 = 24 * 3_600_000;
const NOON_MS = 12 * 3_600_000;

export interface VarmlandResult {
  noticeStatus: number;
  noticeDue: number;
  sipStatus: number;
  sipDue: number;
  /** P: 0 not started, 1 responsible, 2 requirement unmet, 3 exempt, 4 pending */
  payment: number;
  firstPayable: number;
  billable: number;
  amount: number;
}

export function evaluateVarmland(c: CaseData): VarmlandResult {
  const ev = c.events;
  const admitted = ev[ADMITTED];
  const notice = ev[NOTICE];
  const ready = ev[READY];
  const sip = ev[SIP];
  const discharged = ev[DISCHARGED];
  const died = ev[DIED];
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  const evalEnd = evalDay === undefined ? -Infinity : startOfLocalDay(evalDay + 1);
  const sipNeeded = c.facts[SIP_NEEDED] === true;

  // Inskrivningsmeddelande within 24 hours after admission.
  let noticeStatus = S.NoAnchor;
  let noticeDue = NaN;
  if (admitted === admitted) {
    noticeDue = admitted + HOURS_24;
    noticeStatus = notice === notice ? (notice <= noticeDue ? S.Met : S.Missed) : notRecorded(noticeDue, evalEnd, discharged, died);
  }

  // Kallelse till SIP within 3 days after the ready notice, when a SIP is needed.
  let sipStatus = S.NotApplicable;
  let sipDue = NaN;
  if (sipNeeded) {
    sipStatus = S.NoAnchor;
    if (ready === ready) {
      sipDue = startOfLocalDay(localDayOf(ready) + 4);
      sipStatus = sip === sip ? (sip < sipDue ? S.Met : S.Missed) : notRecorded(sipDue, evalEnd, discharged, died);
    }
  }

  // Payment, from the ready notice to the discharge or death (inclusive), or to the day before a withdrawal.
  let payment = P.NotStarted;
  let firstPayable = NaN;
  let billable = NaN;
  let amount = NaN;
  if (ready === ready) {
    const withdrawn = ev[WITHDRAWN] >= ready ? ev[WITHDRAWN] : NaN; // a withdrawal before the notice withdraws nothing
    const end = discharged !== discharged ? died : died !== died ? discharged : Math.min(discharged, died);
    const closed = end === end || withdrawn === withdrawn;
    // Unmet for good, or pending while the stay is open and the missing event could still come in time (at `now`).
    let unmet = false;
    let pending = false;
    let now = NaN;
    // The agreement: the admission notice sent; the SIP called when needed; not when the region's services are missing.
    const ownNotice = notice === notice;
    const ownSip = sip === sip || !sipNeeded;
    if (!ownNotice || !ownSip) {
      if (closed) unmet = true;
      else pending = true; // the event is missing, and `now` is finite: the notice is recorded
    }
    if (!unmet && c.facts[SERVICES_MISSING] === true) unmet = true; // exempt
    if (!unmet) {
      // The law: the notice within 24 hours of the later of admission and the doctor's assessment; the SIP
      // called within 3 days after the ready notice when needed (by the day).
      const from = admitted !== admitted ? ev[DOCTOR] : ev[DOCTOR] !== ev[DOCTOR] ? admitted : Math.max(admitted, ev[DOCTOR]);
      if (!(notice <= from + HOURS_24)) {
        if (closed || notice === notice) unmet = true;
        else if ((now = earliestStillPossible(c)) <= from + HOURS_24) pending = true;
        else unmet = true;
      }
      if (!unmet && sipNeeded && !(localDayOf(sip) <= localDayOf(ready) + 3)) {
        if (closed || sip === sip) unmet = true;
        else if (localDayOf(now === now ? now : (now = earliestStillPossible(c))) <= localDayOf(ready) + 3) pending = true;
        else unmet = true;
      }
    }
    if (unmet) payment = P.Unmet;
    else if (pending) payment = P.Pending;
    else {
      payment = P.Responsible;
      // Day 1 the notice day; 3 grace days, 4 when sent after 12:00:00.
      const ms = localSecondOfDay(ready) * 1000 + (((ready % 1000) + 1000) % 1000);
      firstPayable = localDayOf(ready) + (ms > NOON_MS ? 4 : 3);
      let last = end === end ? localDayOf(end) : NaN;
      if (withdrawn === withdrawn && !(last <= localDayOf(withdrawn) - 1)) last = localDayOf(withdrawn) - 1;
      if (last !== last && evalDay !== undefined) last = evalDay;
      if (last === last) {
        billable = last >= firstPayable ? last - firstPayable + 1 : 0;
        amount = billable === 0 ? 0 : amountOf(firstPayable, last);
      }
    }
  }
  return { noticeStatus, noticeDue, sipStatus, sipDue, payment, firstPayable, billable, amount };
}

export const varmland: Baseline<VarmlandResult> = {
  agreement: 'varmland',
  version: '2019-01-01',
  evaluate: evaluateVarmland,
  checksum: (r) => r.noticeStatus + r.sipStatus + r.payment + (r.billable === r.billable ? r.billable : 0),
  summarise: (r) => [
    deadlineSummary('inskrivningsmeddelande', r.noticeStatus, r.noticeDue),
    deadlineSummary('kallelse_till_sip', r.sipStatus, r.sipDue),
    paymentSummary('kommunens_betalningsansvar', r.payment, r.firstPayable, r.billable, r.amount, dayToIso),
  ],
};
