// The message catalogue (dsl/messages): every user-visible message has a Swedish and an English text, and
// what Avtal shows in Swedish has no English left in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../dsl';
import { EVENTS } from '../../dsl/builtins/vocabulary';
import { localize } from '../../dsl/diagnostics';
import { CATALOGUE, EVENT_TEXTS, pickLang, render, svDate, TERMS } from '../../dsl/messages';
import { evaluate } from '../../engine/evaluator/evaluate';
import { loadPolicySet } from '../../engine/registry/load';
import { sampleEpisodes } from '../support/episode-arbitrary';
import { hoverAt } from '../../dsl/services/hover';

/** English words that never occur in Swedish prose (names with `_`, quoted text and `code` are left out first). */
const ENGLISH = new Set('the is not and of due within after before grace payment billable day days recorded because applies which does hold from to deadline computed amount exempt requirement latest window windows every none inclusive exclusive evaluation unknown expected found unexpected declared needs must has have no name value rule example cannot only one at on by or an it was were be yet'.split(' '));
/** The prose of a message: without identifiers (`sip_kallad`), quoted policy text, code in backticks, keywords in quotes and --flags. */
const prose = (s: string): string => s.replace(/"[^"]*"|`[^`]*`|'[^']*'|\S*_\S*|--[\w-]+/g, ' ');
const englishIn = (s: string): string | undefined => prose(s).split(/[^\p{L}]+/u).find((w) => ENGLISH.has(w.toLowerCase()));

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  const entries = Object.entries(CATALOGUE);

  it('gives every message a Swedish and an English text', () => {
    expect(entries.length).toBeGreaterThan(150);
    for (const [code, m] of entries) {
      // '' only where English is '' too: a field label that means "the value itself"
      if (m.en !== '') expect(m.sv, code).toBeTruthy();
      expect(typeof m.en === 'function' || typeof m.en === 'string', code).toBe(true);
    }
  });

  it('has a Swedish template with the same parameters as the English one, and not the English words', () => {
    for (const [code, m] of entries) {
      if (typeof m.sv !== 'string' || typeof m.en !== 'string') continue;
      expect(placeholders(m.sv), code).toEqual(placeholders(m.en));
      const words = m.en.replace(/\{[^}]*\}/g, '').replace(/[^A-Za-z]/g, '');
      if (words.length > 2 && !/^(term|diff\.(kind|kindDef|field|result|value))\./.test(code)) expect(m.sv, code).not.toBe(m.en);
      const english = englishIn(m.sv.replace(/\{[^}]*\}/g, ' '));
      expect(english, `${code}: ${m.sv}`).toBeUndefined();
    }
  });

  it('renders every function text in Swedish without English or holes', () => {
    const params = {
      id: 'regel', subject: 'sip_kallad', ev: 'sip_called', anchor: 'utskrivningsklar_meddelad', anchorEv: 'ready_notice_sent', from: 'utskrivningsklar_meddelad',
      to: 'utskrivning', start: 'inskrivning', startEv: 'admitted', n: 3, unit: 'days', status: 'met', reason: 'skälet', cond: 'sip_behövs', actual: '2019-01-07 13:00',
      due: '2019-01-10 24:00', period: 'perioden', window: 'vardagar 08:00-17:00', windows: 'vardagar 08:00-17:00', days: 'weekdays', at: '2019-01-07 13:00', side: 'after',
      holds: true, time: '12:00', dayOne: '2019-01-07', sameDay: true, lastGraceDay: '2019-01-09', firstPayableDay: '2019-01-10', lastBillableDay: '2019-01-14',
      billableDays: 5, end: 'slutet', date: '2019-01-14', inclusive: true, parts: '5 × 7 800 kr', amount: 39000, rate: 7800, name: 'vårddygnskostnad', year: 2019,
      requirement: 'kravet', exemption: 'undantaget', expr: 'uttrycket', found: 'slutet', e0: 'a name', first: 'utskrivningsklar_meddelad 2019-01-07 12:01', rest: 'inskrivning 2019-01-02 09:00', also: 'fristdagar 4 → 3', field: 'fristdagar', old: '4', new: '3', kind: 'betalningsregeln', what: 'changed',
    };
    for (const [code, m] of entries) {
      if (typeof m.sv !== 'function') continue;
      const text = m.sv(params, 'sv');
      expect(text, code).toBeTruthy();
      expect(text, code).not.toMatch(/undefined|\[object|NaN/);
      expect(englishIn(text), `${code}: ${text}`).toBeUndefined();
    }
  });

  it('has a Swedish form of every term and a phrase for every event of the vocabulary', () => {
    for (const [key, t] of Object.entries(TERMS)) expect(t.sv, key).toBeTruthy();
    for (const e of EVENTS) expect(EVENT_TEXTS[e.id], e.id).toBeDefined();
  });

  it('writes dates the Swedish way', () => {
    expect(svDate('2019-01-07')).toBe('måndag 7 januari 2019');
    expect(svDate('2019-01-07 13:00')).toBe('måndag 7 januari 2019 kl. 13.00');
    expect(svDate('2020-02-29 24:00')).toBe('lördag 29 februari 2020 kl. 24.00');
    expect(render('AVT-C002', { name: 'x', hint: { code: 'hint.didYouMean', params: { name: 'y' } } }, 'sv')).toBe('okänt namn x (menade du y?)');
    expect(render('AVT-C002', { name: 'x', hint: { code: 'hint.didYouMean', params: { name: 'y' } } }, 'en')).toBe('unknown name x (did you mean y?)');
  });

  it('picks the language from a flag, a query or an Accept-Language header, Swedish by default', () => {
    expect(pickLang(undefined)).toBe('sv');
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-GB,en;q=0.9,sv;q=0.8')).toBe('en');
    expect(pickLang('de-DE,sv;q=0.5,en;q=0.4')).toBe('sv');
    expect(pickLang('fr')).toBe('sv');
    expect(pickLang(undefined, 'en-US')).toBe('en');
  });
});

describe('Swedish as shown', () => {
  it('hover explains keywords, shared names and functions in the reader\'s language', () => {
    const text = 'avtal x "t"\ntidsfrist d "d"\n  enligt "h"\n  sip_kallad inom 3 dagar efter utskrivningsklar_meddelad\n';
    const ast = analyze(text).ast;
    const at = (word: string, ui: 'sv' | 'en') => hoverAt(ast, text, text.indexOf(word) + 1, ui)?.markdown ?? '';
    expect(at('inom', 'sv')).toContain('den tid en tidsfrist ger');
    expect(at('inom', 'en')).toContain('the time allowed for a deadline');
    expect(at('sip_kallad', 'sv')).toContain('kallelse till SIP');
    expect(at('sip_kallad', 'en')).toContain('invitation to a coordinated individual plan meeting');
  });

  it('every diagnostic of the bad language cases reads in Swedish, and in English when asked', () => {
    const dir = join(import.meta.dirname, '../cases/language/bad');
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const c = parseYaml(readFileSync(join(dir, f), 'utf8')) as { policy: string };
      for (const d of analyze(c.policy).diagnostics) {
        n++;
        expect(englishIn(d.message), `${f} ${d.code}: ${d.message}`).toBeUndefined();
        expect(localize(d, 'en').message, `${f} ${d.code}`).not.toBe(d.message);
      }
    }
    expect(n).toBeGreaterThan(30);
  }, 60_000);

  it('the explanation of every worked example and of generated episodes, under every bundled policy, has no English words in Swedish', () => {
    const set = loadPolicySet(join(import.meta.dirname, '../../policies'));
    const episodes = sampleEpisodes(300, 17);
    let steps = 0;
    for (const v of set.versions) {
      if (!v.compiled) continue;
      const cases = [...v.compiled.examples.map((e) => e.data), ...episodes];
      for (const c of cases) {
        const sv = evaluate(v.compiled, c, v.info, { lang: 'sv' });
        const texts = [...sv.explanation.map((s) => s.text), ...sv.deadlines.map((d) => d.reason), ...sv.payments.map((p) => p.reason), ...sv.computed.map((x) => x.reason), ...sv.warnings.map((w) => w.message)];
        for (const t of texts) expect(englishIn(t), `${v.source.file}: ${t}`).toBeUndefined();
        steps += sv.explanation.length;
        const en = evaluate(v.compiled, c, v.info, { lang: 'en' });
        expect(en.explanation.length).toBe(sv.explanation.length);
        if (en.explanation.length) expect(en.explanation[0].text).not.toBe(sv.explanation[0].text);
      }
    }
    expect(steps).toBeGreaterThan(1000);
  }, 120_000);
});
