// Raw episode input: CSV with a header row and JSON Lines, validated with errors located by line and field.
import { describe, expect, it } from 'vitest';
import { evaluateMonths, readCsv, readJsonLines } from '../../engine/monthly';
import { compiledVersion } from './fixtures';

const kronoberg = compiledVersion('kronoberg', '2025-01-01');

describe('CSV', () => {
  it('reads a header row with English and Swedish column names and quoted cells', () => {
    const csv = 'id,kommun,utskrivningsklar_meddelad,discharged,samordningsärende\n' +
      'a,Växjö,2025-03-03T11:00,2025-03-05T10:00,ja\n' +
      '"b, second",Växjö,2025-03-03T13:00,2025-03-05T10:00,yes\n';
    const r = readCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.episodes.map((e) => [e.id, e.municipality, e.line])).toEqual([['a', 'Växjö', 2], ['b, second', 'Växjö', 3]]);
    const m = evaluateMonths(kronoberg, { episodes: csv, format: 'csv' });
    expect(m.municipalities[0].months[0]).toMatchObject({ month: '2025-03', episodes: 2, days: 3 });
  });

  it('names the line and the column of every error', () => {
    const csv = 'id,municipality,ready_notice_sent,discharged,coordination_case\n' +
      'a,Växjö,2025-03-03 11:00,2025-03-05T10:00,maybe\n' +
      'b,Växjö,not a time,2025-03-05T10:00,yes\n' +
      'c,Växjö,2025-03-31T02:30,\n' +
      ',,2025-03-03T11:00,2025-03-05T10:00,yes\n';
    const r = readCsv(csv);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[2, 'coordination_case'], [3, 'ready_notice_sent'], [4, '(line)'], [5, 'municipality']]);
  });

  it('rejects an unknown column in the header', () => {
    const r = readCsv('id,municipality,ready_noticed\n');
    expect(r.errors.map((e) => [e.code, e.line, e.field])).toEqual([['AVT-M002', 1, 'ready_noticed']]);
  });
});

describe('JSON Lines', () => {
  it('names the line and the JSON pointer of every error, and skips blank lines', () => {
    const text = [
      '{"id":"a","municipality":"Växjö","events":{"ready_notice_sent":"2025-03-03T11:00"}}',
      '',
      '{"id":"b","municipality":"Växjö","events":{"ready_notice_sent":"2025-03-30T02:30"}}',
      '{"id":"c","events":{}}',
      '{not json',
      '{"id":"d","municipality":"Växjö","events":{"ready_noticed":"2025-03-03T11:00"}}',
    ].join('\n');
    const r = readJsonLines(text);
    expect(r.episodes.map((e) => e.id)).toEqual(['a']);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[3, '/events/ready_notice_sent'], [4, '/municipality'], [5, '(line)'], [6, '/events/ready_noticed']]);
  });

  it('an input with errors gives a result that says it is not ok, never a throw', () => {
    const r = evaluateMonths(kronoberg, { episodes: '{oops', format: 'jsonl' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'AVT-M002', line: 1 });
  });

  it('a policy without the ladder asked for says so (AVT-M005), never a throw', () => {
    const none = evaluateMonths(compiledVersion('varmland', '2019-06-01'), { averages: { A: { '2019-01': 1 } } });
    expect(none.ok).toBe(false);
    expect(none.diagnostics.map((d) => d.code)).toEqual(['AVT-M005']);
    const unnamed = evaluateMonths(kronoberg, { averages: { A: { '2025-01': 1 } } }, { ladder: 'no_such_ladder' });
    expect(unnamed.diagnostics.map((d) => d.code)).toEqual(['AVT-M005']);
  });

  it('invalid averages are located diagnostics', () => {
    const r = evaluateMonths(kronoberg, { averages: { A: { '2025-13': 1, '2025-01': -1, '2025-02': 'x' } } });
    expect(r.diagnostics.map((d) => [d.code, d.field])).toEqual([['AVT-M004', 'A.2025-13'], ['AVT-M004', 'A.2025-01'], ['AVT-M004', 'A.2025-02']]);
  });
});
