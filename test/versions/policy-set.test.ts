// The version set of an agreement: choice by date (half-open [from, to)), overlaps, gaps, fallbacks,
// drafts, and the version and hash every result names.
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../../engine/registry/policy-set';
import { evaluateCase } from '../../engine/api';
import { source } from './fixtures';

const codes = (set: PolicySet) => set.diagnostics.map((d) => d.diagnostic.code).sort();
const chosen = (set: PolicySet, agreement: string, date: string, version?: string) => {
  const s = set.select(agreement, date, { version });
  return s.ok ? s.version.info.version : s.error.code;
};

describe('version choice by date', () => {
  const set = new PolicySet([
    source({ version: 'v1', from: '2020-01-01', to: '2021-01-01' }),
    source({ version: 'v2', from: '2021-01-01' }),
  ]);

  it('has no set diagnostics when versions meet end to start', () => {
    expect(codes(set)).toEqual([]);
  });

  it('chooses on the first and last day of validity; `to` is exclusive', () => {
    expect(chosen(set, 'demo', '2020-01-01')).toBe('v1');
    expect(chosen(set, 'demo', '2020-12-31')).toBe('v1');
    expect(chosen(set, 'demo', '2021-01-01')).toBe('v2');
    expect(chosen(set, 'demo', '2099-06-30')).toBe('v2');
  });

  it('names the agreement and the nearest version when none is in force', () => {
    const s = set.select('demo', '2019-12-31');
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.error.code).toBe('AVT-E004');
    expect(s.error.message).toContain('demo');
    expect(s.error.message).toContain('v1');
  });
});

describe('overlaps and gaps', () => {
  it('reports overlapping published versions (AVT-V001)', () => {
    const set = new PolicySet([source({ version: 'v1', from: '2020-01-01', to: '2021-06-01' }), source({ version: 'v2', from: '2021-01-01' })]);
    expect(codes(set)).toEqual(['AVT-V001']);
    expect(set.diagnostics[0].file).toBe('demo/v2.avtal');
  });

  it('reports a version valid until further notice followed by another (AVT-V001)', () => {
    const set = new PolicySet([source({ version: 'v1', from: '2020-01-01' }), source({ version: 'v2', from: '2021-01-01' })]);
    expect(codes(set)).toEqual(['AVT-V001']);
  });

  it('reports a gap without a fallback (AVT-V004) and names both sides when asked inside it', () => {
    const set = new PolicySet([source({ version: 'v1', from: '2020-01-01', to: '2020-07-01' }), source({ version: 'v2', from: '2021-01-01' })]);
    expect(codes(set)).toEqual(['AVT-V004']);
    const s = set.select('demo', '2020-09-15');
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.error.code).toBe('AVT-E004');
    expect(s.error.message).toMatch(/v1.*v2/);
  });

  it('accepts a gap when the version before it names a fallback, and uses the fallback inside it', () => {
    const set = new PolicySet([
      source({ version: 'v1', from: '2020-01-01', to: '2020-07-01', fallback: 'law' }),
      source({ version: 'v2', from: '2021-01-01' }),
      source({ agreement: 'law', version: '2018', from: '2018-01-01' }),
    ]);
    expect(codes(set)).toEqual([]);
    const s = set.select('demo', '2020-09-15');
    expect(s.ok && s.version.info.agreement).toBe('law');
    expect(s.ok && s.viaFallback?.from).toBe('demo');
    expect(chosen(set, 'demo', '2020-06-30')).toBe('v1');
    expect(chosen(set, 'demo', '2020-07-01')).toBe('2018');
  });

  it('reports a fallback that names no agreement (AVT-V002)', () => {
    const set = new PolicySet([source({ version: 'v1', from: '2020-01-01', fallback: 'nowhere' })]);
    expect(codes(set)).toEqual(['AVT-V002']);
  });

  it('ends a cycle of fallbacks with AVT-E004 instead of recursing forever', () => {
    const set = new PolicySet([
      source({ agreement: 'a', version: '1', from: '2020-01-01', to: '2021-01-01', fallback: 'b' }),
      source({ agreement: 'b', version: '1', from: '2020-01-01', to: '2021-01-01', fallback: 'a' }),
    ]);
    expect(chosen(set, 'a', '2022-01-01')).toBe('AVT-E004');
  });

  it('reports two files with one version label (AVT-V005)', () => {
    const set = new PolicySet([source({ version: 'v1', from: '2020-01-01', to: '2021-01-01' }), source({ version: 'v1', from: '2021-01-01' }, 'demo/other.avtal')]);
    expect(codes(set)).toEqual(['AVT-V005']);
  });
});

describe('drafts', () => {
  const set = new PolicySet([
    source({ version: 'v1', from: '2020-01-01' }),
    source({ version: 'proposal', status: 'draft', from: '2020-01-01', grace: 5 }),
  ]);

  it('take no part in overlap checks', () => {
    expect(codes(set)).toEqual([]);
  });

  it('are never chosen by date, but are chosen by their version label', () => {
    expect(chosen(set, 'demo', '2020-03-01')).toBe('v1');
    expect(chosen(set, 'demo', '2020-03-01', 'proposal')).toBe('proposal');
  });

  it('a draft alone is never in force', () => {
    const only = new PolicySet([source({ version: 'proposal', status: 'draft', from: '2020-01-01' })]);
    expect(chosen(only, 'demo', '2020-03-01')).toBe('AVT-E004');
    expect(chosen(only, 'demo', '2020-03-01', 'proposal')).toBe('proposal');
  });

  it('an unknown version label is an error naming the versions there are', () => {
    const s = set.select('demo', '2020-03-01', { version: 'nope' });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.message).toContain('proposal');
  });
});

describe('evaluation results name the version and its content hash', () => {
  const sources = [source({ version: 'v1', from: '2020-01-01' }), source({ version: 'proposal', status: 'draft', from: '2020-01-01', grace: 5 })];
  const set = new PolicySet(sources);
  const kase = { county: 'demo', events: { ready_notice_sent: '2020-03-02T10:00', discharged: '2020-03-20T10:00' } };

  it('by date', () => {
    const r = evaluateCase(set, kase);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.version.version).toBe('v1');
    expect(r.result.version.hash).toBe(sources[0].hash);
    expect(r.result.payments[0].firstPayableDay).toBe('2020-03-05');
  });

  it('by explicit draft label', () => {
    const r = evaluateCase(set, kase, { version: 'proposal' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.version).toMatchObject({ version: 'proposal', status: 'draft', hash: sources[1].hash });
    expect(r.result.payments[0].firstPayableDay).toBe('2020-03-07');
  });
});

describe('choosing the agreement and a usable version', () => {
  it('a county with several agreements, none named like it, needs the agreement named (AVT-E009)', () => {
    const set = new PolicySet([source({ agreement: 'north', version: 'v1', from: '2020-01-01' }), source({ agreement: 'south', version: 'v1', from: '2020-01-01' })]);
    const r = set.agreementFor('demo');
    expect(r.ok ? 'ok' : r.error.code).toBe('AVT-E009');
    expect(set.agreementFor('demo', 'south')).toEqual({ ok: true, agreement: 'south' });
  });

  it('a version with errors is chosen by date but cannot be used (AVT-E012), with the first error', () => {
    const broken = source({ version: 'v1', from: '2020-01-01' });
    const set = new PolicySet([{ ...broken, text: broken.text.replace('grace 3 days', 'grace 3 dayz') }]);
    const s = set.select('demo', '2020-06-01');
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.error.code).toBe('AVT-E012');
    expect(s.error.message).toContain('demo/v1.avtal');
  });
});
