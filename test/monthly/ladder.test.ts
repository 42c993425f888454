// The monthly ladders of the bundled policies and of a small fixture: boundaries, gaps, empty months,
// the year change of a yearly threshold, episodes spanning two months, invoices.
import { describe, expect, it } from 'vitest';
import { evaluateMonths } from '../../engine/monthly';
import { compiledVersion, episode, fixture } from './fixtures';

const kronoberg = compiledVersion('kronoberg', '2025-01-01');
const blekinge = compiledVersion('blekinge', '2018-03-01');

const steps = (r: ReturnType<typeof evaluateMonths>, m = 0) => Object.fromEntries(r.municipalities[m].months.map((x) => [x.month, x.step]));

describe('Kronoberg: 2.4 days', () => {
  it('exactly 2.4 is not over 2.4; 2.41 is', () => {
    const at = evaluateMonths(kronoberg, { averages: { A: { '2025-01': 2.6, '2025-02': 2.4 } } });
    expect(at.municipalities[0].months[1].comparison).toBe('at-or-under');
    expect(steps(at)['2025-02']).toBe('ingen_handlingsplan');
    const over = evaluateMonths(kronoberg, { averages: { A: { '2025-01': 2.6, '2025-02': 2.41 } } });
    expect(over.municipalities[0].months[1].comparison).toBe('over');
    expect(steps(over)['2025-02']).toBe('handlingsplan');
  });

  it('a gap in the months breaks "two months in a row" and is reported', () => {
    const r = evaluateMonths(kronoberg, { averages: { A: { '2025-01': 2.6, '2025-03': 2.7 } } });
    expect(r.diagnostics.map((d) => [d.code, d.month])).toContainEqual(['AVT-M003', '2025-02']);
    expect(r.municipalities[0].months.map((m) => m.average)).toEqual([2.6, null, 2.7]);
    expect(steps(r)['2025-03']).toBe('kontakt');
  });

  it('example 2 invoices March, April and May; invoicing continues while over', () => {
    const r = evaluateMonths(kronoberg, { averages: { A: { '2025-01': 3.25, '2025-02': 3.0, '2025-03': 2.7, '2025-04': 2.6, '2025-05': 2.8, '2025-06': 2.9, '2025-07': 2.4 } } });
    expect(r.municipalities[0].invoicedMonths).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
    expect(steps(r)['2025-07']).toBe('ingen_handlingsplan');
    const may = r.municipalities[0].months[4];
    // Each step names its rule; the rule's citations are in the result, once.
    expect(may.explanation.length).toBeGreaterThan(0);
    for (const e of may.explanation) expect(r.citations[e.rule], e.rule).toBeDefined();
    expect(may.explanation.some((e) => r.citations[e.rule].some((c) => c.heading === 'Betalningsansvar'))).toBe(true);
  });

  it('counts days from the received day: 11:59 and 12:00 the same day, 12:01 the next', () => {
    const text = [
      episode('a', 'Växjö', '2025-03-03T11:59', '2025-03-05T10:00'),
      episode('b', 'Växjö', '2025-03-03T12:00', '2025-03-05T10:00'),
      episode('c', 'Växjö', '2025-03-03T12:01', '2025-03-05T10:00'),
    ].join('\n');
    const r = evaluateMonths(kronoberg, { episodes: text, format: 'jsonl' });
    const march = r.municipalities[0].months.find((m) => m.month === '2025-03')!;
    expect(march.episodes).toBe(3);
    expect(march.days).toBe(2 + 2 + 1);
  });

  it('a municipality without episodes in a month gets the empty-month average 0, at or under', () => {
    const text = [
      episode('a', 'Växjö', '2025-01-03T10:00', '2025-01-08T10:00'),
      episode('b', 'Växjö', '2025-03-03T10:00', '2025-03-08T10:00'),
    ].join('\n');
    const r = evaluateMonths(kronoberg, { episodes: text, format: 'jsonl' });
    const feb = r.municipalities[0].months.find((m) => m.month === '2025-02')!;
    expect(feb).toMatchObject({ average: 0, episodes: 0, emptyMonth: true, comparison: 'at-or-under' });
    expect(steps(r)).toEqual({ '2025-01': 'kontakt', '2025-02': 'ingen_handlingsplan', '2025-03': 'kontakt' });
  });

  it('an episode spanning two months counts in each month it is an inpatient in (inneliggande_varje_kalendermånad)', () => {
    const r = evaluateMonths(kronoberg, { episodes: episode('a', 'Ljungby', '2025-03-28T10:00', '2025-04-02T10:00'), format: 'jsonl' });
    expect(r.municipalities[0].months.map((m) => [m.month, m.episodes, m.days])).toEqual([['2025-03', 1, 3], ['2025-04', 1, 2]]);
  });

  it('episodes without a coordination case or not yet discharged are not counted, and say so', () => {
    const text = [episode('a', 'Växjö', '2025-03-03T10:00', '2025-03-05T10:00', {}), episode('b', 'Växjö', '2025-03-03T10:00', undefined)].join('\n');
    const r = evaluateMonths(kronoberg, { episodes: text, format: 'jsonl' });
    expect(r.municipalities[0].notCounted).toEqual({ 'excluded by the measure': 1, 'not yet ended': 1 });
    expect(r.diagnostics.filter((d) => d.code === 'AVT-M007')).toHaveLength(2);
  });
});

describe('Blekinge: yearly threshold', () => {
  it('exactly 3.0 is not over the 2018 threshold', () => {
    const r = evaluateMonths(blekinge, { averages: { Ronneby: { '2018-03': 3.0, '2018-04': 3.01 } } });
    expect(r.municipalities[0].months.map((m) => m.comparison)).toEqual(['at-or-under', 'over']);
  });

  it('a year without a threshold is a diagnostic naming the parameter and the year, never a silent carry-over', () => {
    const r = evaluateMonths(blekinge, { averages: { Ronneby: { '2018-11': 3.5, '2018-12': 3.5, '2019-01': 3.5 } } });
    const m001 = r.diagnostics.filter((d) => d.code === 'AVT-M001');
    expect(m001).toHaveLength(1);
    expect(m001[0].message).toContain('gräns_genomsnittsdagar');
    expect(m001[0].message).toContain('2019');
    const jan = r.municipalities[0].months[2];
    expect(jan).toMatchObject({ threshold: null, comparison: null, step: 'gemensam_analys', undetermined: true, invoiced: false });
    // A partial answer: the month is named with its municipality; the run itself is not an error.
    expect(m001[0]).toMatchObject({ municipality: 'Ronneby', month: '2019-01' });
    expect(r.ok).toBe(true);
    expect(r.partial).toBe(true);
    expect(r.municipalities[0].undeterminedMonths).toEqual(['2019-01']);
  });

  it('an undetermined month is never invoiced, even in a step that invoices every month; other municipalities are unaffected', () => {
    const averages = {
      Karlskrona: { '2018-08': 4, '2018-09': 4, '2018-10': 4, '2018-11': 4, '2018-12': 4, '2019-01': 1, '2019-02': 1 },
      Ronneby: { '2018-08': 1, '2018-09': 1, '2018-10': 1, '2018-11': 1, '2018-12': 1 },
    };
    const r = evaluateMonths(blekinge, { averages });
    const karlskrona = r.municipalities.find((m) => m.municipality === 'Karlskrona')!;
    expect(karlskrona.invoicedMonths.some((m) => m.startsWith('2019'))).toBe(false);
    expect(karlskrona.undeterminedMonths).toEqual(['2019-01', '2019-02']);
    const ronneby = r.municipalities.find((m) => m.municipality === 'Ronneby')!;
    expect(ronneby.undeterminedMonths).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'AVT-M001').map((d) => d.municipality)).toEqual(['Karlskrona']);
  });

  it('invoices from month four the chains over 3 days, days from day 4; an unknown rate is said, not guessed', () => {
    const safe = { written_information_given: true, information_transferred: true, aids_available: true };
    const chain = (id: string, ready: string, discharged: string) =>
      JSON.stringify({ id, municipality: 'Karlskrona', events: { ready_assessed: ready, care_contact_appointed: ready, discharged }, facts: safe });
    const lines = [
      chain('m3', '2018-03-10T10:00', '2018-03-15T10:00'), // 5 days: March, April, May over 3.0
      chain('m4', '2018-04-10T10:00', '2018-04-15T10:00'),
      chain('m5', '2018-05-10T10:00', '2018-05-15T10:00'),
      chain('long', '2018-06-04T10:00', '2018-06-11T10:00'), // 7 days: days 4-7 billed
      chain('short', '2018-06-04T10:00', '2018-06-07T10:00'), // 3 days: not more than three
    ];
    const r = evaluateMonths(blekinge, { episodes: lines.join('\n'), format: 'jsonl' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const m = r.municipalities[0];
    expect(m.months.map((x) => x.step)).toEqual(['gemensam_analys', 'gemensam_analys', 'ersättning_på_individnivå', 'ersättning_på_individnivå']);
    expect(m.invoicedMonths).toEqual(['2018-06']);
    expect(m.months[3].invoice).toMatchObject({ episodes: 1, days: 4, rate: null, amount: null, episodeIds: ['long'] });
    expect(r.diagnostics.map((d) => d.code)).toContain('AVT-M006');
  });

  it('an unsafe discharge (3.6) is not counted in the average', () => {
    const r = evaluateMonths(blekinge, { episodes: JSON.stringify({ id: 'x', municipality: 'Ronneby', events: { ready_assessed: '2018-03-01T10:00', care_contact_appointed: '2018-03-01T10:00', discharged: '2018-03-09T10:00' }, facts: { written_information_given: true, information_transferred: true, aids_available: false } }), format: 'jsonl' });
    expect(r.municipalities[0].notCounted).toEqual({ 'excluded by the measure': 1 });
  });
});

describe('fixture: carry forward, split months, invoices', () => {
  it('carries the 2018 threshold into 2019 only because the parameter says so, and uses 2020 own value', () => {
    expect(fixture.ladders.get('demo_ladder')!.threshold(2019)).toEqual({ ok: true, value: 3.0, year: 2019, fromYear: 2018 });
    expect(fixture.ladders.get('demo_ladder')!.threshold(2020)).toMatchObject({ ok: true, value: 2.5 });
    expect(fixture.ladders.get('demo_ladder')!.threshold(2021)).toEqual({ ok: true, value: 2.5, year: 2021, fromYear: 2020 });
    expect(fixture.ladders.get('demo_ladder')!.threshold(2017)).toEqual({ ok: false, year: 2017 });
    const r = evaluateMonths(fixture, { averages: { A: { '2019-12': 2.8, '2020-01': 2.8 } } });
    expect(r.municipalities[0].months.map((m) => m.comparison)).toEqual(['at-or-under', 'over']);
  });

  it('splits an episode spanning two months over the months its days fall in', () => {
    // received Jan 29 (before noon), day 1 = Jan 30; discharged Feb 3: Jan 30, 31 | Feb 1, 2, 3
    const r = evaluateMonths(fixture, { episodes: episode('a', 'A', '2018-01-29T10:00', '2018-02-03T10:00'), format: 'jsonl' });
    expect(r.municipalities[0].months.map((m) => [m.month, m.episodes, m.days])).toEqual([['2018-01', 1, 2], ['2018-02', 1, 3]]);
  });

  it('bills the days from day 4 of episodes over 3 days, in kronor at the year rate', () => {
    const lines = [
      episode('j', 'A', '2018-01-02T10:00', '2018-01-07T10:00'), // 5 days in January
      episode('f', 'A', '2018-02-02T10:00', '2018-02-07T10:00'), // 5 days in February
      episode('m1', 'A', '2018-03-02T10:00', '2018-03-09T10:00'), // 7 days: days 4-7 billed = 4
      episode('m2', 'A', '2018-03-02T10:00', '2018-03-05T10:00'), // 3 days: not over 3
    ];
    const r = evaluateMonths(fixture, { episodes: lines.join('\n'), format: 'jsonl' });
    const m = r.municipalities[0];
    expect(m.invoicedMonths).toEqual(['2018-03']);
    expect(m.months[2].invoice).toMatchObject({ episodes: 1, days: 4, rate: 1000, amount: 4000, episodeIds: ['m1'] });
    expect(m.invoicedAmount).toBe(4000);
  });
});
