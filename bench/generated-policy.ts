// A generated policy of at least the given number of lines, for compile-time measurements: deadlines
// and payment rules of every clause kind, each with a citation and a quote, as a large real file has.
const UNITS = ['days', 'weekdays', 'working days', 'hours', 'calendar days'];
const EVENTS = ['admission_notice_sent', 'sip_called', 'care_contact_appointed', 'doctor_assessment', 'ready_notice_sent'];
const ANCHORS = ['admitted', 'ready_notice_sent', 'latest(admitted, ward_admitted)', 'need_identified', 'ready_assessed'];
const WHENS = ['sip_needed', 'not region_services_missing and consent_given', 'care_type is psychiatric', 'age >= 65 or complex_needs', 'ready_notice_sent after noon'];

export function generatedPolicy(minLines: number): string {
  const out: string[] = [
    '# Generated for the benchmark: not an agreement.',
    'agreement generated "Generated benchmark policy"',
    '  county generated',
    '  version "1" draft',
    '  valid from 2020-01-01 until further notice',
    '  source "generated"',
    '  cite "1"',
    '',
    'cutoff noon at 12:00, 12:00 counts as before',
    '  cite "1"',
    '',
    'parameter daily_rate "Rate per day"',
    '  cite "1"',
    ...[2020, 2021, 2022, 2023, 2024, 2025].map((y) => `  value ${8000 + (y - 2020) * 150} SEK for ${y}`),
    '',
  ];
  for (let i = 0; out.length < minLines; i++) {
    if (i % 4 === 3) {
      out.push(
        `payment payment_${i} "Payment rule ${i}"`,
        `  cite "Section ${i}"`,
        `    quote "Kommunens betalningsansvar inträder ${3 + (i % 3)} dagar efter att meddelande har skickats."`,
        '  from ready_notice_sent',
        '  day 1: same day',
        `  grace ${3 + (i % 3)} days`,
        `  grace ${4 + (i % 3)} days when ready_notice_sent after noon`,
        '  requires admission_notice_sent',
        '  requires sip_called or not sip_needed',
        '  exempt when region_services_missing',
        '  to discharged inclusive',
        '  rate daily_rate',
        '',
      );
    } else {
      const unit = UNITS[i % UNITS.length];
      out.push(
        `deadline deadline_${i} "Deadline ${i}"`,
        `  cite "Section ${i}"`,
        `    quote "Inom ${1 + (i % 5)} ${unit} ska händelsen ha inträffat."`,
        `  when ${WHENS[i % WHENS.length]}`,
        `  ${EVENTS[i % EVENTS.length]} within ${1 + (i % 5)} ${unit} after ${ANCHORS[(i + 1) % ANCHORS.length]}`,
        '',
      );
    }
  }
  return out.join('\n');
}
