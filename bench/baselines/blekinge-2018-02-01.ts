// HAND-WRITTEN BASELINE — on purpose the one place a county is coded in TypeScript: the hand-coded
// equivalent of the episode-level rules of policies/blekinge/2018-02-01.avtal (deadlines
// inskrivningsmeddelande, fast_vårdkontakt, kallelse_till_sip; payment psykiatri_2018, bound by the
// conditions of the law it is made under, policies/national/2018-01-01.avtal), written as a careful
// developer would, with the same calendar tables. Used only by the benchmark, which checks that it agrees
// with Avtal. If the policy (or the law) changes, this file must be changed by hand.
import { dayToIso, localDayOf, parseInstant, startOfLocalDay } from '../../engine/calendar';
import { eventSlot, factSlot, type CaseData } from '../../engine/case/case-data';
import type { Baseline } from './baseline';
import { amountOf, deadlineSummary, notRecorded, P, paymentSummary, S } from './common';

const E = (id: string) => eventSlot(id);
const ADMITTED = E('admitted'), NOTICE = E('admission_notice_sent'), CONTACT = E('care_contact_appointed'), READY = E('ready_notice_sent');
const SIP = E('sip_called'), ASSESSED = E('ready_assessed'), DISCHARGED = E('discharged'), DIED = E('died'), DOCTOR = E('doctor_assessment');
const F = (id: string) => factSlot(id);
const SIP_NEEDED = F('sip_needed'), CARE_TYPE = F('care_type'), WRITTEN = F('written_information_given'), TRANSFERRED = F('information_transferred');
const AIDS = F('aids_available'), SERVICES_MISSING = F('region_services_missing'), EVALUATION_DATE = F('evaluation_date');
const H = 3_600_000;
const END_OF_2018 = (parseInstant('2019-01-01T00:00') as { epochMs: number }).epochMs; // Stockholm local midnight

export interface BlekingeResult {
  notice: number; noticeDue: number;
  contact: number; contactDue: number;
  sip: number; sipDue: number;
  payment: number; firstPayable: number; billable: number; amount: number;
}

export function evaluateBlekinge(c: CaseData): BlekingeResult {
  const ev = c.events;
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  const evalEnd = evalDay === undefined ? -Infinity : startOfLocalDay(evalDay + 1);
  const discharged = ev[DISCHARGED], died = ev[DIED];
  const r: BlekingeResult = { notice: S.NoAnchor, noticeDue: NaN, contact: S.NoAnchor, contactDue: NaN, sip: S.NotApplicable, sipDue: NaN, payment: 0, firstPayable: NaN, billable: NaN, amount: NaN };

  // Admission notice within 24 hours.
  const adm = ev[ADMITTED], notice = ev[NOTICE];
  if (adm === adm) {
    r.noticeDue = adm + 24 * H;
    r.notice = notice === notice ? (notice <= r.noticeDue ? S.Met : S.Missed) : notRecorded(r.noticeDue, evalEnd, discharged, died);
  }
  // Named care contact appointed by the discharge.
  const contact = ev[CONTACT];
  if (discharged === discharged) {
    r.contactDue = discharged;
    r.contact = contact === contact ? (contact <= discharged ? S.Met : S.Missed) : notRecorded(discharged, evalEnd, discharged, died);
  }
  // SIP called within 3 days of the ready notice, when a SIP is needed.
  if (c.facts[SIP_NEEDED] === true) {
    r.sip = S.NoAnchor;
    const ready = ev[READY], sip = ev[SIP];
    if (ready === ready) {
      r.sipDue = startOfLocalDay(localDayOf(ready) + 4);
      r.sip = sip === sip ? (sip < r.sipDue ? S.Met : S.Missed) : notRecorded(r.sipDue, evalEnd, discharged, died);
    }
  }
  // Psychiatric care in 2018: payment 20 days after the day after the assessment, to discharge or death inclusive.
  // Its requirements include the contact appointed by the discharge, so it is decided only once the patient
  // has been discharged: never pending.
  const t = ev[ASSESSED];
  if (t === t) {
    const ready = ev[READY];
    const doctor = ev[DOCTOR];
    const from = adm !== adm ? doctor : doctor !== doctor ? adm : Math.max(adm, doctor);
    const met = c.facts[CARE_TYPE] === 'psychiatric' && t < END_OF_2018
      && c.facts[WRITTEN] === true && contact <= discharged && c.facts[TRANSFERRED] === true && c.facts[AIDS] === true
      // the law: the admission notice within 24 hours of the later of admission and the doctor's assessment,
      // the ready notice sent, the SIP called within 3 days after it when needed; not when the region's services are missing
      && notice <= from + 24 * H && ready === ready && (c.facts[SIP_NEEDED] !== true || localDayOf(ev[SIP]) <= localDayOf(ready) + 3)
      && c.facts[SERVICES_MISSING] !== true;
    if (!met) r.payment = P.Unmet;
    else {
      r.payment = P.Responsible;
      r.firstPayable = localDayOf(t) + 21;
      // biome-ignore lint/complexity/useMathMinMax: not Math.min, which is NaN when no death is recorded
      const end = died < discharged ? died : discharged;
      const last = localDayOf(end);
      r.billable = last >= r.firstPayable ? last - r.firstPayable + 1 : 0;
      r.amount = r.billable === 0 ? 0 : amountOf(r.firstPayable, last);
    }
  }
  return r;
}

export const blekinge: Baseline<BlekingeResult> = {
  agreement: 'blekinge',
  version: '2018-02-01',
  evaluate: evaluateBlekinge,
  checksum: (r) => r.notice + r.contact + r.sip + r.payment + (r.billable === r.billable ? r.billable : 0),
  summarise: (r) => [
    deadlineSummary('inskrivningsmeddelande', r.notice, r.noticeDue),
    deadlineSummary('fast_vårdkontakt', r.contact, r.contactDue),
    deadlineSummary('kallelse_till_sip', r.sip, r.sipDue),
    paymentSummary('psykiatri_2018', r.payment, r.firstPayable, r.billable, r.amount, dayToIso),
  ],
};
