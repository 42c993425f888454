// The shared vocabulary of process events and episode facts, one table for every county.
// The checker resolves names against it, the case JSON Schema is generated from it, and the editor's
// completion and the language reference read it. Policies may use the English or the Swedish name.

export type FactType = 'boolean' | 'count' | 'enum' | 'date' | 'text';

export interface EventEntry {
  kind: 'event';
  id: string; // English name, also the key in a case file's `events`
  sv: string;
  description: string;
  /**
   * How the event sits in an episode's history (a case may record an event more than once, in time order):
   * `once` — at most one occurrence; `stay` — happens during the stay: never before admission, never after
   * death; `withdraws` — each occurrence withdraws the latest occurrence of that event, which must come before it.
   */
  history?: { once?: true; stay?: true; withdraws?: string };
}

export interface FactEntry {
  kind: 'fact';
  id: string;
  sv: string;
  type: FactType;
  values?: readonly { id: string; sv: string }[]; // for enums
  description: string;
  /** The case gives this fact as a field of its own (`careType`, …), not under `facts`. */
  caseField?: 'careType' | 'municipality' | 'evaluationDate';
}

export type VocabularyEntry = EventEntry | FactEntry;

const event = (id: string, sv: string, description: string, history?: EventEntry['history']): EventEntry => ({ kind: 'event', id, sv, description, ...(history ? { history } : {}) });
const fact = (id: string, sv: string, type: FactType, description: string, values?: FactEntry['values'], caseField?: FactEntry['caseField']): FactEntry => ({
  kind: 'fact', id, sv, type, description, values, ...(caseField ? { caseField } : {}),
});

export const EVENTS: readonly EventEntry[] = [
  event('admitted', 'inskrivning', 'the patient is admitted to inpatient care (sluten vård)', { once: true }),
  event('observation_started', 'observation_påbörjad', 'the patient is placed on an observation place or emergency ward (not yet admitted)'),
  event('ward_admitted', 'inskrivning_avdelning', 'the patient is admitted to a ward after observation', { once: true }),
  event('need_identified', 'behov_identifierat', 'a need of municipal or outpatient services after discharge is identified'),
  event('doctor_assessment', 'läkarbedömning', "the doctor's assessment of the patient's needs after discharge"),
  event('admission_notice_sent', 'inskrivningsmeddelande_skickat', 'the admission notice (inskrivningsmeddelande) is sent to the municipality and outpatient care', { stay: true }),
  event('care_contact_appointed', 'fast_vårdkontakt_utsedd', 'outpatient care appoints the named care contact (fast vårdkontakt)'),
  event('ready_assessed', 'utskrivningsklar_bedömd', 'the doctor assesses the patient as ready for discharge (utskrivningsklar)', { stay: true }),
  event('ready_notice_sent', 'utskrivningsklar_meddelad', 'the notice that the patient is ready for discharge is sent', { stay: true }),
  event('ready_withdrawn', 'utskrivningsklar_återkallad', 'the ready-for-discharge notice is withdrawn (the treating doctor decides; a later notice starts anew)', { stay: true, withdraws: 'ready_notice_sent' }),
  event('sip_called', 'sip_kallad', 'the care contact sends the invitation to a coordinated individual plan meeting (kallelse till SIP)'),
  event('vils_decided', 'vils_beslutad', 'an end-of-life care decision (vård i livets slutskede) is taken'),
  event('dispute_arose', 'tvist_uppstod', 'a disagreement about the interpretation of the agreement arose'),
  event('dispute_raised', 'tvist_väckt', 'the disagreement is taken up with the other party'),
  event('dispute_referred', 'tvist_hänskjuten', 'a question that could not be solved at operational level is referred to the nearest managers with a mandate to decide'),
  event('discharge_information_sent', 'utskrivningsinformation_överförd', 'the information the municipality and outpatient care need for further care is transferred at discharge (3 kap. 2 §)', { stay: true }),
  event('doctor_handover_sent', 'överrapportering_läkare_skickad', "the hospital doctor's handover to the outpatient doctor (läkare till läkare, by referral) is sent"),
  event('home_care_started', 'hemsjukvård_påbörjad', 'the patient is enrolled in municipal home health care (inskrivning i hemsjukvård)'),
  event('doctor_visit_offered', 'läkarbesök_erbjudet', 'the latest offer of a doctor visit with a health check and a review of the medication list'),
  event('medication_review_offered', 'läkemedelsgenomgång_erbjuden', 'the latest offer of a medication review (läkemedelsgenomgång)'),
  event('on_call_doctor_contacted', 'beredskapsläkare_kontaktad', "a home-care nurse contacts primary care's on-call doctor (beredskapsläkare) for medical consultation"),
  event('planned_home_visit', 'planerat_hembesök', "a doctor's planned home visit"),
  event('estimated_discharge_updated', 'beräknad_utskrivning_uppdaterad', 'the estimated discharge date is updated and a new message sent (after a ward round)'),
  event('vils_renewed', 'vils_förnyad', 'the end-of-life care decision basis (VILS-underlag) is renewed'),
  event('patient_info_updated', 'patientinformation_uppdaterad', 'the patient-information form is updated by the fixed care or contact person'),
  event('discharged', 'utskrivning', 'the patient leaves inpatient care (utskrivning / hemgång)', { once: true, stay: true }),
  event('died', 'avliden', 'the patient died in inpatient care', { once: true, stay: true }),
];

export const FACTS: readonly FactEntry[] = [
  fact('care_type', 'vårdform', 'enum', 'somatic or psychiatric inpatient care', [
    { id: 'somatic', sv: 'somatisk' },
    { id: 'psychiatric', sv: 'psykiatrisk' },
  ], 'careType'),
  fact('sip_needed', 'sip_behövs', 'boolean', 'a coordinated individual plan (SIP) is to be drawn up'),
  fact('region_services_missing', 'regionens_insatser_saknas', 'boolean', "the region's own outpatient services the patient needs are missing, or it is unclear whether they are available"),
  fact('consent_given', 'samtycke_givet', 'boolean', 'the patient consented to contact and information sharing with the municipality and outpatient care'),
  fact('late_discharge_agreed', 'sen_hemgång_överenskommen', 'boolean', 'hospital and municipality agreed that the patient may leave later in the day, or at a weekend, than the agreement\'s usual hours'),
  fact('complex_needs', 'komplexa_behov', 'boolean', 'the patient has complex medical needs calling for doctor-to-doctor handover'),
  fact('registered_in_other_county', 'folkbokförd_i_annat_län', 'boolean', 'the patient is registered in another county'),
  fact('home_care_enrolled', 'inskriven_i_hemsjukvård', 'boolean', 'the patient is enrolled in municipal home health care'),
  fact('safe_discharge_criteria_met', 'trygg_utskrivning_uppfylld', 'boolean', 'the criteria for a safe discharge are met'),
  fact('age', 'ålder', 'count', "the patient's age in whole years"),
  fact('birth_date', 'födelsedatum', 'date', "the patient's date of birth"),
  fact('coordination_case', 'samordningsärende', 'boolean', 'the episode has a coordination case (samordningsärende) between hospital, municipality and outpatient care'),
  fact('medical_indication', 'medicinsk_indikation', 'boolean', 'there is a medical indication for admitting an observation patient to a ward'),
  fact('infectious_outbreak', 'smittutbrott', 'boolean', 'an outbreak of infectious disease is declared'),
  fact('written_information_given', 'skriftlig_information_given', 'boolean', 'safe discharge: the patient has received written information before going home'),
  fact('information_transferred', 'information_överförd', 'boolean', 'safe discharge: the information needed for further care has been transferred to the units that received an admission notice'),
  fact('aids_available', 'hjälpmedel_tillgängliga', 'boolean', "safe discharge: the necessary aids and medical-technical equipment from the region are available"),
  fact('municipality_ready', 'kommunen_beredd', 'boolean', "safe discharge: the municipality's social services and/or home health care are activated and ready"),
  fact('municipality', 'kommun', 'text', 'the municipality responsible for the patient', undefined, 'municipality'),
  fact('evaluation_date', 'bedömningsdag', 'date', 'the date up to which billable days are counted when the patient is still in hospital', undefined, 'evaluationDate'),
];

/** The facts a case gives under `facts` (the others are fields of the case itself: `caseField`). */
export const GIVEN_FACTS: readonly FactEntry[] = FACTS.filter((f) => !f.caseField);

export const VOCABULARY: readonly VocabularyEntry[] = [...EVENTS, ...FACTS];

const byName = new Map<string, VocabularyEntry>();
for (const e of VOCABULARY) {
  byName.set(e.id, e);
  byName.set(e.sv, e);
}

/** Looks a name up in either language. */
export function lookupVocabulary(name: string): VocabularyEntry | undefined {
  return byName.get(name);
}

/** The name of an entry in a file's language. */
export function vocabularyName(entry: { id: string; sv: string }, lang: 'en' | 'sv'): string {
  return lang === 'sv' ? entry.sv : entry.id;
}

export function lookupEnumValue(entry: FactEntry, name: string): { id: string; sv: string } | undefined {
  return entry.values?.find((v) => v.id === name || v.sv === name);
}

export const EVENT_INDEX: ReadonlyMap<string, number> = new Map(EVENTS.map((e, i) => [e.id, i]));
export const FACT_INDEX: ReadonlyMap<string, number> = new Map(FACTS.map((f, i) => [f.id, i]));
