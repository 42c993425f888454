// Episodes are counted as they are read: each into one reused case, read once however many versions of the
// agreement judge the months, and with the same months as collecting them first.
import { describe, expect, it } from 'vitest';
import { evaluateMonthsFor } from '../../engine/api';
import { emptyCase, type CaseData } from '../../engine/case/case-data';
import { compileMeasureGroups } from '../../engine/monthly/aggregate';
import { readJsonLines, visitJsonLines } from '../../engine/monthly/episodes';
import { aggregateEpisodes, ladderMeasure } from '../../engine/monthly/evaluate-months';
import { compiledVersion, episode, policies } from './fixtures';

const kronoberg = compiledVersion('kronoberg', '2025-01-01');
const lines = [
  episode('a', 'Växjö', '2025-03-03T11:00', '2025-03-08T10:00'),
  episode('b', 'Alvesta', '2025-03-30T11:00Z', '2025-04-09T10:00+02:00'),
  '{"id":"c","municipality":"Växjö","events":{"ready_notice_sent":"2025-03-30T02:30"}}', // the spring gap: an error
  '',
  episode('d', 'Växjö', '2025-04-28T13:00', undefined),
  JSON.stringify({ id: 'e', municipality: 'Alvesta', events: { ready_notice_sent: ['2025-05-02T09:00', '2025-05-20T09:00'], ready_withdrawn: '2025-05-06T09:00', discharged: '2025-05-27T10:00' }, facts: { coordination_case: true } }),
  '{not json',
  episode('f', 'Ljungby', '2025-06-10T09:00', '2025-06-30T10:00', { coordination_case: false }),
].join('\n');

describe('episodes counted as they stream in', () => {
  it('hands every valid episode to the visitor in one reused case', () => {
    const seen = new Set<CaseData>();
    const reuse = emptyCase();
    let errors = 0;
    visitJsonLines(lines, { episode: (_l, _id, _m, data) => void seen.add(data), error: () => void errors++ }, reuse);
    expect([...seen]).toEqual([reuse]);
    expect(errors).toBe(2);
    expect(new Set(readJsonLines(lines).episodes.map((e) => e.data)).size).toBe(5); // collected: a case each
  });

  it('gives the months that collecting the episodes first gives', () => {
    const measure = ladderMeasure(kronoberg)!;
    const streamed = aggregateEpisodes({ episodes: lines, format: 'jsonl' }, [measure]);
    const read = readJsonLines(lines);
    expect(streamed.errors).toEqual(read.errors);
    expect(streamed.groups.get(measure)).toEqual(compileMeasureGroups(measure, read.episodes));
    expect(streamed.groups.get(measure)!.get('Växjö')!.months.size).toBeGreaterThan(0);
  });

  it('reads the input once for the whole run, however many versions judge its months', () => {
    let reads = 0;
    const item = JSON.parse(episode('a', 'Växjö', '2025-03-03T11:00', '2025-03-08T10:00'));
    const events = item.events;
    Object.defineProperty(item, 'events', {
      enumerable: true,
      get: () => {
        reads++;
        return events;
      },
    });
    const answer = evaluateMonthsFor(policies, { county: 'kronoberg', episodes: [item], explain: false });
    expect(answer.ok && answer.result.municipalities.map((m) => m.municipality)).toEqual(['Växjö']);
    expect(reads).toBe(1);
  });
});
