// HAND-WRITTEN BASELINE — on purpose the one place a county is coded in TypeScript: the hand-coded
// equivalent of the episode-level rules of policies/kronoberg/2024-11-04.avtal (deadlines
// inskrivningsmeddelande, dokument_klara_vid_utskrivning, observation, vils_förnyelse, helg_uppdatering; not hemgång_före_15, a time window
// json-rules-engine cannot run, nor the recurring patientinformation), written as a careful developer
// would, with the same calendar tables. Used only by the benchmark, which checks that it agrees with
// Avtal. If the policy changes, this file must be changed by hand.
import { addDays, isWeekend, localDayOf, startOfLocalDay } from '../../engine/calendar';
import { eventSlot, factSlot, type CaseData } from '../../engine/case/case-data';
import type { Baseline } from './baseline';
import { deadlineSummary, notRecorded, S } from './common';

const E = (id: string) => eventSlot(id);
const ADMITTED = E('admitted'), NEED = E('need_identified'), NOTICE = E('admission_notice_sent'), OBS = E('observation_started'), WARD = E('ward_admitted');
const VILS = E('vils_decided'), VILS_RENEWED = E('vils_renewed'), UPDATED = E('estimated_discharge_updated'), DISCHARGED = E('discharged'), DIED = E('died');
const SENT = E('discharge_information_sent');
const INDICATION = factSlot('medical_indication'), OUTBREAK = factSlot('infectious_outbreak'), CONSENT = factSlot('consent_given'), EVALUATION_DATE = factSlot('evaluation_date');
const H = 3_600_000;

export interface KronobergResult {
  notice: number; noticeDue: number;
  documents: number; documentsDue: number;
  observation: number; observationDue: number;
  vils: number; vilsDue: number;
  weekend: number; weekendDue: number;
}

export function evaluateKronoberg(c: CaseData): KronobergResult {
  const ev = c.events;
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  const evalEnd = evalDay === undefined ? -Infinity : startOfLocalDay(evalDay + 1);
  const discharged = ev[DISCHARGED], died = ev[DIED];
  const r: KronobergResult = { notice: S.NotApplicable, noticeDue: NaN, documents: S.NoAnchor, documentsDue: NaN, observation: S.NotApplicable, observationDue: NaN, vils: S.NoAnchor, vilsDue: NaN, weekend: S.NotApplicable, weekendDue: NaN };

  // Admission notice within 24 hours of the admission or a later identified need, the later, when the patient consented.
  const notice = ev[NOTICE];
  if (c.facts[CONSENT] === true) {
    r.notice = S.NoAnchor;
    const adm = ev[ADMITTED], need = ev[NEED];
    const from = adm !== adm ? need : need !== need ? adm : Math.max(adm, need);
    if (from === from) {
      r.noticeDue = from + 24 * H;
      r.notice = notice === notice ? (notice <= r.noticeDue ? S.Met : S.Missed) : notRecorded(r.noticeDue, evalEnd, discharged, died);
    }
  }
  // The discharge documents ready (the information transferred) by the minute the patient leaves the ward.
  if (discharged === discharged) {
    r.documentsDue = discharged;
    const sent = ev[SENT];
    r.documents = sent === sent ? (sent <= r.documentsDue ? S.Met : S.Missed) : notRecorded(r.documentsDue, evalEnd, discharged, died);
  }
  // Observation place at most 36 hours, when there is a medical indication and no outbreak.
  if (c.facts[INDICATION] === true && c.facts[OUTBREAK] !== true) {
    r.observation = S.NoAnchor;
    const obs = ev[OBS], ward = ev[WARD];
    if (obs === obs) {
      r.observationDue = obs + 36 * H;
      r.observation = ward === ward ? (ward <= r.observationDue ? S.Met : S.Missed) : notRecorded(r.observationDue, evalEnd, discharged, died);
    }
  }
  // VILS renewed within 14 days.
  const vils = ev[VILS], renewed = ev[VILS_RENEWED];
  if (vils === vils) {
    r.vilsDue = startOfLocalDay(localDayOf(vils) + 15);
    r.vils = renewed === renewed ? (renewed < r.vilsDue ? S.Met : S.Missed) : notRecorded(r.vilsDue, evalEnd, discharged, died);
  }
  // A notice sent on a weekend: the estimated discharge is updated within 1 working day.
  if (notice === notice && isWeekend(localDayOf(notice))) {
    const updated = ev[UPDATED];
    r.weekendDue = startOfLocalDay(addDays(localDayOf(notice), 1, 'working') + 1);
    r.weekend = updated === updated ? (updated < r.weekendDue ? S.Met : S.Missed) : notRecorded(r.weekendDue, evalEnd, discharged, died);
  }
  return r;
}

export const kronoberg: Baseline<KronobergResult> = {
  agreement: 'kronoberg',
  version: '2024-11-04',
  evaluate: evaluateKronoberg,
  checksum: (r) => r.notice + r.documents + r.observation + r.vils + r.weekend,
  summarise: (r) => [
    deadlineSummary('inskrivningsmeddelande', r.notice, r.noticeDue),
    deadlineSummary('dokument_klara_vid_utskrivning', r.documents, r.documentsDue),
    deadlineSummary('observation', r.observation, r.observationDue),
    deadlineSummary('vils_förnyelse', r.vils, r.vilsDue),
    deadlineSummary('helg_uppdatering', r.weekend, r.weekendDue),
  ],
};
