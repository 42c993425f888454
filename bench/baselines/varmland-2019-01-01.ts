// HAND-WRITTEN BASELINE — the one place a county is coded in TypeScript, on purpose: this is the
// hand-coded equivalent of the episode-level rules of policies/varmland/2019-01-01.avtal (deadlines
// inskrivningsmeddelande and kallelse_till_sip, payment kommunens_betalningsansvar), written the way a
// careful developer would write them by hand, with the same calendar tables. The benchmark measures
// Avtal's compiled evaluator against it ("the practical limit") and checks that both agree. It is never
// used to evaluate real cases. If the policy file changes, this file must be changed by hand: that is
// exactly the cost Avtal removes.
import { dayToIso, localDayOf, localSecondOfDay, startOfLocalDay, yearOfDay } from '../../engine/calendar';
import { eventSlot, factSlot, type CaseData } from '../../engine/case/case-data';
import type { RuleSummary } from '../../engine/export/jre-compare';
import type { Baseline } from './baseline';

const ADMITTED = eventSlot('admitted');
const NOTICE = eventSlot('admission_notice_sent');
const READY = eventSlot('ready_notice_sent');
const SIP = eventSlot('sip_called');
const DISCHARGED = eventSlot('discharged');
const SIP_NEEDED = factSlot('sip_needed');
const SERVICES_MISSING = factSlot('region_services_missing');
const EVALUATION_DATE = factSlot('evaluation_date');

const HOURS_24 = 24 * 3_600_000;
const NOON_MS = 12 * 3_600_000;
const RATE_2019 = 7800;

// Deadline status codes, as in the compiled evaluator: 0 not applicable, 1 no anchor, 2 met, 3 missed, 4 pending.
export interface VarmlandResult {
  noticeStatus: number;
  noticeDue: number;
  sipStatus: number;
  sipDue: number;
  /** 0 not started, 1 responsible, 2 requirement unmet, 3 exempt */
  payment: number;
  firstPayable: number;
  billable: number;
  amount: number;
}

/** Pending or missed for an event not recorded: missed once the evaluation date ends, or the patient leaves, past the due time. */
function notRecorded(due: number, evalEnd: number, discharged: number): number {
  return evalEnd > due || discharged >= due ? 3 : 4;
}

export function evaluateVarmland(c: CaseData): VarmlandResult {
  const ev = c.events;
  const admitted = ev[ADMITTED];
  const notice = ev[NOTICE];
  const ready = ev[READY];
  const sip = ev[SIP];
  const discharged = ev[DISCHARGED];
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  const evalEnd = evalDay === undefined ? -Infinity : startOfLocalDay(evalDay + 1);
  const sipNeeded = c.facts[SIP_NEEDED] === true;

  // Inskrivningsmeddelande within 24 hours after admission.
  let noticeStatus = 1;
  let noticeDue = NaN;
  if (admitted === admitted) {
    noticeDue = admitted + HOURS_24;
    noticeStatus = notice === notice ? (notice <= noticeDue ? 2 : 3) : notRecorded(noticeDue, evalEnd, discharged);
  }

  // Kallelse till SIP within 3 days after the ready notice, when a SIP is needed.
  let sipStatus = 0;
  let sipDue = NaN;
  if (sipNeeded) {
    sipStatus = 1;
    if (ready === ready) {
      sipDue = startOfLocalDay(localDayOf(ready) + 4);
      sipStatus = sip === sip ? (sip < sipDue ? 2 : 3) : notRecorded(sipDue, evalEnd, discharged);
    }
  }

  // Payment: requirements, exemption, 3 grace days (4 after 12:00:00), day 1 the notice day, to discharge inclusive.
  let payment = 0;
  let firstPayable = NaN;
  let billable = NaN;
  let amount = NaN;
  if (ready === ready) {
    if (notice !== notice || (sip !== sip && sipNeeded)) payment = 2;
    else if (c.facts[SERVICES_MISSING] === true) payment = 3;
    else {
      payment = 1;
      const ms = localSecondOfDay(ready) * 1000 + (((ready % 1000) + 1000) % 1000);
      firstPayable = localDayOf(ready) + (ms > NOON_MS ? 4 : 3);
      const last = discharged === discharged ? localDayOf(discharged) : evalDay === undefined ? NaN : evalDay;
      if (last === last) {
        billable = last >= firstPayable ? last - firstPayable + 1 : 0;
        amount = billable === 0 ? 0 : yearOfDay(firstPayable) === 2019 && yearOfDay(last) === 2019 ? billable * RATE_2019 : NaN;
      }
    }
  }
  return { noticeStatus, noticeDue, sipStatus, sipDue, payment, firstPayable, billable, amount };
}

const DEADLINE = ['not-applicable', 'not-applicable', 'met', 'missed', 'pending'];
const PAYMENT = ['not-started', 'responsible', 'not-responsible', 'not-responsible'];
const nul = (x: number) => (x === x ? x : null);

export const varmland: Baseline<VarmlandResult> = {
  agreement: 'varmland',
  version: '2019-01-01',
  evaluate: evaluateVarmland,
  checksum: (r) => r.noticeStatus + r.sipStatus + r.payment + (r.billable === r.billable ? r.billable : 0),
  summarise: (r): RuleSummary[] => [
    { rule: 'inskrivningsmeddelande', status: DEADLINE[r.noticeStatus], due: r.noticeStatus >= 2 ? nul(r.noticeDue) : null },
    { rule: 'kallelse_till_sip', status: DEADLINE[r.sipStatus], due: r.sipStatus >= 2 ? nul(r.sipDue) : null },
    {
      rule: 'kommunens_betalningsansvar', status: PAYMENT[r.payment], responsible: r.payment === 1,
      firstPayableDay: r.payment === 1 ? dayToIso(r.firstPayable) : null, billableDays: r.payment === 1 ? nul(r.billable) : null, amount: r.payment === 1 ? nul(r.amount) : null,
    },
  ],
};
