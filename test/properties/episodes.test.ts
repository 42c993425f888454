// Bad episodes never crash the engine: every case object — missing events, events out of order,
// year 1 and 9999, local times that do not exist or exist twice, wrong types, extra fields, huge
// strings, not even an object — gets a result or a clear error (code + JSON pointer), never an
// exception. DST follows the one documented rule (engine/calendar/instant-parse.ts DST_RULE), and a
// later ready notice never makes the first payable day earlier (Värmland).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { evaluateCase, type EvaluationAnswer } from '../../engine/api';
import { validateCase } from '../../engine/case/validate';
import { parseInstant, DST_RULE } from '../../engine/calendar';
import { PolicySet } from '../../engine/registry/policy-set';
import { contentHash, loadPolicySet } from '../../engine/registry/load';
import { caseObject, notACase, instantText, springGap, autumnOverlap, varmlandEpisode, lastSunday } from '../fuzz/cases';
import { runProperty, testTimeout } from '../fuzz/profile';

const ROOT = join(import.meta.dirname, '..', '..', 'policies');
const VARMLAND_FILE = 'varmland/2019-01-01.avtal';
const LAW_FILE = 'national/2018-01-01.avtal';

let varmland: PolicySet;
let everything: PolicySet;

beforeAll(() => {
  // Värmland with the law it is made under (subject to), whose conditions bind it: without it no answer is given.
  const text = readFileSync(join(ROOT, VARMLAND_FILE), 'utf8');
  const law = readFileSync(join(ROOT, LAW_FILE), 'utf8');
  varmland = new PolicySet([{ file: VARMLAND_FILE, text, hash: contentHash(text) }, { file: LAW_FILE, text: law, hash: contentHash(law) }]);
  everything = loadPolicySet(ROOT);
});

const KINDS = ['invalid-case', 'impossible-history', 'unknown', 'wrong-agreement', 'no-version', 'broken-policy'];

/** Resolves a JSON pointer in a value; undefined when a step is missing. */
function resolve(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === '') return { found: true, value };
  let v: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return { found: false };
    v = (v as Record<string, unknown>)[key];
  }
  return { found: true, value: v };
}

/** A result is JSON; an error has a kind, and codes and pointers that name a place in the case. */
function expectWellFormed(raw: unknown, answer: EvaluationAnswer): void {
  if (answer.ok) {
    expect(Array.isArray(answer.result.payments)).toBe(true);
    expect(Array.isArray(answer.result.deadlines)).toBe(true);
    JSON.parse(JSON.stringify(answer.result));
    for (const p of answer.result.payments) {
      for (const day of [p.dayOne, p.firstPayableDay, p.lastBillableDay]) if (day !== null) expect(day).toMatch(/^[+-]?\d{4,6}-\d{2}-\d{2}$/);
      if (p.billableDays !== null) expect(p.billableDays).toBeGreaterThanOrEqual(0);
    }
    return;
  }
  expect(KINDS).toContain(answer.error.kind);
  expect(answer.error.errors.length).toBeGreaterThan(0);
  for (const e of answer.error.errors) {
    expect(e.code).toMatch(/^AVT-[A-Z]\d{3}$/);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.pointer === '' || e.pointer.startsWith('/')).toBe(true);
    if (answer.error.kind === 'invalid-case' && e.pointer !== '') {
      // the pointer names a field of the case, or a missing one whose parent is there
      const parent = e.pointer.slice(0, e.pointer.lastIndexOf('/'));
      expect(resolve(raw, e.pointer).found || resolve(raw, parent).found, `pointer ${e.pointer}`).toBe(true);
    }
  }
}

const showCase = (raw: unknown) => {
  const s = JSON.stringify(raw) ?? String(raw);
  return s.length > 2000 ? s.slice(0, 2000) + '…' : s;
};

describe('bad episodes get a result or a clear error, never an exception', () => {
  it('random case objects (Värmland)', () => {
    runProperty('cases: random objects, Värmland', fc.property(caseObject, fc.boolean(), (raw, explain) => {
      expectWellFormed(raw, evaluateCase(varmland, raw, { explain }));
    }), { quick: 300, weight: 2, show: showCase });
  }, testTimeout(2));

  it('random case objects (every policy in the repository)', () => {
    runProperty('cases: random objects, all policies', fc.property(caseObject, (raw) => {
      expectWellFormed(raw, evaluateCase(everything, raw));
    }), { quick: 150, show: showCase });
  }, testTimeout());

  it('values that are no case object at all', () => {
    runProperty('cases: not an object', fc.property(notACase, (raw) => {
      const answer = evaluateCase(varmland, raw);
      expect(answer.ok).toBe(false);
      expectWellFormed(raw, answer);
    }), { quick: 100, show: showCase });
  }, testTimeout());

  it('options: any `on` date and version label', () => {
    runProperty('cases: options', fc.property(caseObject, fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), fc.option(fc.constantFrom('2019-01-01', 'x', ''), { nil: undefined }), (raw, on, version) => {
      expectWellFormed(raw, evaluateCase(varmland, raw, { on, version }));
    }), { quick: 100, show: showCase });
  }, testTimeout());

  it('events out of order: discharge before admission, notice before admission', () => {
    const ms = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) });
    runProperty('cases: events out of order', fc.property(ms, ms, ms, ms, fc.boolean(), (a, b, c, d, sip) => {
      const iso = (t: number) => new Date(t).toISOString();
      const raw = { county: 'varmland', events: { admitted: iso(a), admission_notice_sent: iso(b), ready_notice_sent: iso(c), discharged: iso(d) }, facts: { sip_needed: sip } };
      const answer = evaluateCase(varmland, raw);
      expectWellFormed(raw, answer);
      // An impossible history (a discharge or a notice before the admission) is a located error; any other order is evaluated.
      const impossible = d < a || b < a || c < a;
      if (impossible) {
        expect(answer.ok).toBe(false);
        if (!answer.ok) {
          expect(answer.error.kind).toBe('impossible-history');
          expect(answer.error.errors.every((e) => e.code === 'AVT-E013' && e.pointer.startsWith('/events/'))).toBe(true);
        }
      } else expect(answer.ok).toBe(true);
    }), { quick: 100, show: showCase });
  }, testTimeout());
});

describe('timestamps follow the one DST rule', () => {
  it('is documented', () => {
    expect(DST_RULE).toMatch(/does not exist/);
    expect(DST_RULE).toMatch(/first occurrence/);
  });

  it('parseInstant never throws; a result is a finite instant or a coded error', () => {
    runProperty('instants: any text', fc.property(fc.oneof(instantText, fc.string({ maxLength: 60 })), (s) => {
      const r = parseInstant(s);
      if (r.ok) expect(Number.isFinite(r.epochMs)).toBe(true);
      else expect(['nonexistent-local-time', 'invalid-datetime']).toContain(r.code);
    }), { quick: 500 });
  }, testTimeout());

  it('a local time in the spring gap is rejected with AVT-E002 at its JSON pointer', () => {
    runProperty('instants: spring gap', fc.property(springGap, fc.constantFrom('admitted', 'ready_notice_sent', 'discharged'), (g, event) => {
      const r = parseInstant(g.text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('nonexistent-local-time');
      const v = validateCase({ county: 'varmland', events: { [event]: g.text } });
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.errors).toEqual([expect.objectContaining({ code: 'AVT-E002', pointer: `/events/${event}` })]);
      // with an explicit offset the same wall-clock reading is fine
      expect(parseInstant(`${g.text.replace(' ', 'T')}+01:00`).ok).toBe(true);
    }), { quick: 100 });
  }, testTimeout());

  it('a local time in the autumn repeated hour means the first occurrence, summer time', () => {
    runProperty('instants: autumn overlap', fc.property(autumnOverlap, (g) => {
      const day = lastSunday(g.y, 10);
      const r = parseInstant(g.text);
      expect(r).toEqual({ ok: true, epochMs: Date.UTC(g.y, 9, day, 0, g.mi) }); // 02:mm +02:00
      const second = parseInstant(`${g.text.replace(' ', 'T')}+01:00`);
      expect(second).toEqual({ ok: true, epochMs: Date.UTC(g.y, 9, day, 1, g.mi) });
    }), { quick: 100 });
  }, testTimeout());

  it('the hour around each transition: every other local time resolves to the Stockholm offset of its season', () => {
    runProperty('instants: next to the transitions', fc.property(fc.integer({ min: 1996, max: 2200 }), fc.constantFrom(0, 1, 3, 4), fc.integer({ min: 0, max: 59 }), fc.boolean(), (y, h, mi, spring) => {
      const month = spring ? 3 : 10;
      const day = lastSunday(y, month);
      const r = parseInstant(`${y}-${String(month).padStart(2, '0')}-${day} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);
      // before the change the old offset holds, after it the new one
      const summer = spring ? h >= 3 : h < 2;
      expect(r).toEqual({ ok: true, epochMs: Date.UTC(y, month - 1, day, h - (summer ? 2 : 1), mi) });
    }), { quick: 100 });
  }, testTimeout());
});

describe('Värmland: a later ready notice never moves the first payable day earlier', () => {
  it('monotone in the ready notice', () => {
    const start = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2090, 0, 1) });
    const later = fc.oneof(fc.integer({ min: 0, max: 3 * 86_400_000 }), fc.integer({ min: 0, max: 120 }).map((m) => m * 60_000), fc.integer({ min: 0, max: 400 * 86_400_000 }));
    runProperty('Värmland: first payable day monotone', fc.property(start, later, (t1, dt) => {
      const discharge = t1 + 500 * 86_400_000;
      const withDischarge = (ready: number) => {
        const c = varmlandEpisode(ready);
        (c.events as Record<string, string>).discharged = new Date(discharge).toISOString();
        return c;
      };
      const a = evaluateCase(varmland, withDischarge(t1), { explain: false });
      const b = evaluateCase(varmland, withDischarge(t1 + dt), { explain: false });
      if (!a.ok || !b.ok) throw new Error(`not evaluated: ${JSON.stringify(a.ok ? b : a)}`);
      const pa = a.result.payments[0];
      const pb = b.result.payments[0];
      expect(pa.status).toBe('responsible');
      expect(pb.status).toBe('responsible');
      expect(pb.firstPayableDay! >= pa.firstPayableDay!, `${pb.firstPayableDay} < ${pa.firstPayableDay}`).toBe(true);
      expect(pb.billableDays!).toBeLessThanOrEqual(pa.billableDays!);
    }), { quick: 200, weight: 2 });
  }, testTimeout(2));
});
