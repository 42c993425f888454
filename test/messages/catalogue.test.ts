// The message catalogue (dsl/messages): every user-visible message has a Swedish and an English text, and
// what Avtal shows in Swedish has no English left in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../dsl';
import { EVENTS } from '../../dsl/builtins/vocabulary';
import { localize } from '../../dsl/diagnostics';
import { CATALOGUE, EVENT_TEXTS, jsonProblem, pickLang, render, svDate, TERMS } from '../../dsl/messages';
import { evaluate } from '../../engine/evaluator/evaluate';
import { loadPolicySet } from '../../engine/registry/load';
import { sampleEpisodes } from '../support/episode-arbitrary';
import { hoverAt } from '../../dsl/services/hover';
import { evaluateMonths } from '../../engine/monthly';
import { monthsInForce } from '../../engine/months';
import { exportToJre, linkedLaw } from '../../engine/export/jre-export';
import { compile } from '../../engine/compiler/compile';
import { runExamples } from '../../engine/examples/run-examples';
import { main } from '../../cli/main';
import { validateCaseCarefully } from '../../engine/case/validate';
import { captureOutput } from '../support/capture-output';

const output = captureOutput();

/** English words that never occur in Swedish prose (names with `_`, quoted text and `code` are left out first). */
const ENGLISH = new Set(('the is not and of due within after before grace payment billable day days recorded because applies which does hold from to deadline computed amount exempt requirement latest window windows every none inclusive exclusive evaluation unknown expected found unexpected declared needs must has have no name value rule example cannot only one at on by or an it was were be yet '
  + 'average averages month months threshold step invoiced invoice episode episodes yes ladder measure over row nothing outside undetermined empty actions transition rate').split(' '));
/** The prose of a message: without identifiers (`sip_kallad`), quoted policy text, code in backticks, keywords in quotes, --flags and commands (`avtal months`). */
const prose = (s: string): string => s.replace(/"[^"]*"|`[^`]*`|'[^']*'|\S*_\S*|--[\w-]+|\bavtal [a-z]+/g, ' ');
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
      if (words.length > 2 && !/^(term|diff\.(kind|kindDef|field|result|value|expect)|review\.kind)\./.test(code)) expect(m.sv, code).not.toBe(m.en);
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
      // the monthly ladders, the case history, the review
      month: '2025-03', average: 3.25, threshold: 2.4, comparison: 'over', carriedFrom: 2024, runOver: 2, runUnder: 0, step: 'handlingsplan', run: 2, actions: 'Kommunen skriver en handlingsplan', actionCount: 1,
      invoice: '2025-01,2025-02,2025-03', by: 'stegen står i steget betalning', over: 2.4, fromDay: 3, value: 2.75, months: '2025-03,2025-04', episodes: 3,
      event: 'ready_notice_sent', admitted: '2019-01-08 09:00', died: '2019-01-06 10:00', withdraws: 'ready_notice_sent', conditional: true,
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

describe('Swedish as shown: the monthly ladders, the export and the worked examples', () => {
  const set = loadPolicySet(join(import.meta.dirname, '../../policies'));
  const ladders = set.versions.filter((v) => v.compiled && v.compiled.ladders.size > 0);
  const english = (texts: string[]) => texts.map((t) => [t, englishIn(t)]).filter(([, w]) => w !== undefined);

  it('explains every month of every bundled ladder without English words in Swedish, and in English when asked', () => {
    expect(ladders.length).toBeGreaterThanOrEqual(2);
    let steps = 0;
    for (const v of ladders) {
      const p = v.compiled!;
      const year = Number(v.info.validFrom.slice(0, 4)) + 1;
      for (const [id, ladder] of p.ladders) {
        const th = ladder.threshold(year);
        const limit = th.ok ? th.value : 3;
        // the ladder's worked examples, and runs over, at and under its threshold, with a month missing
        const runs: Record<string, number>[] = p.examples.filter((e) => e.decl.rule?.text === id && e.decl.averages?.length).map((e) => Object.fromEntries((e.decl.averages ?? []).map((a) => [a.month, a.value])));
        const months = Array.from({ length: 14 }, (_, i) => `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
        runs.push(Object.fromEntries(months.map((m, i) => [m, i < 5 ? limit + 0.75 : i < 9 ? limit : limit - 0.5])));
        runs.push(Object.fromEntries(months.filter((_, i) => i !== 3).map((m, i) => [m, i % 3 === 0 ? limit - 1 : limit + 1.25])));
        // a year without a threshold value (Blekinge's yearly parameter) makes its months undetermined
        runs.push({ [`${year + 30}-01`]: limit + 1, [`${year + 30}-02`]: limit + 1 });
        for (const averages of runs) {
          const sv = evaluateMonths(p, { averages: { 'Kommun A': averages } }, { ladder: id });
          const en = evaluateMonths(p, { averages: { 'Kommun A': averages } }, { ladder: id, lang: 'en' });
          const texts = sv.municipalities.flatMap((m) => m.months.flatMap((x) => x.explanation.map((s) => s.text)));
          expect(english([...texts, ...sv.diagnostics.map((d) => d.message)]), `${v.source.file} ${id}`).toEqual([]);
          const enTexts = en.municipalities.flatMap((m) => m.months.flatMap((x) => x.explanation.map((s) => s.text)));
          expect(enTexts.length).toBe(texts.length);
          if (texts.length) expect(enTexts[0]).not.toBe(texts[0]);
          steps += texts.length;
        }
      }
    }
    expect(steps).toBeGreaterThan(50);
  });

  it('explains the months outside an agreement, a change of version, bad averages and episode files in Swedish', () => {
    const averages = { 'Kommun A': { '2024-10': 3, '2024-11': 3.5, '2024-12': 2, '2025-01': 'x', '2025-13': 1 } };
    const r = monthsInForce(set, 'kronoberg', { averages: { 'Kommun A': { '2024-10': 3, '2024-11': 3.5, '2024-12': 2 } } })!;
    const bad = evaluateMonths(ladders[0].compiled!, { averages });
    const csv = evaluateMonths(ladders[0].compiled!, { episodes: 'id,municipality,vårdform,ready_notice_sent,sip_behövs,okänd\n1,Växjö,somatisk,2025-01-07 10:00,kanske,x\n2,Växjö\n"3,Växjö', format: 'csv' });
    const csvNoHeader = evaluateMonths(ladders[0].compiled!, { episodes: 'id,ready_notice_sent\n1,2025-01-07 10:00\n', format: 'csv' });
    const jsonl = evaluateMonths(ladders[0].compiled!, { episodes: '{"id":"a","municipality":"Växjö","events":{"admitted":"2025-01-10T09:00","discharged":"2025-01-05T10:00"}}\n[1]\n{"id":"b"}\nnot json\n{"id":"c","municipality":"Växjö","events":{"admitted":"2025-01-10T09:00"}}', format: 'jsonl' });
    const none = evaluateMonths(ladders[0].compiled!, { averages: {} }, { ladder: 'okänd_stege' });
    const all = [r, bad, csv, csvNoHeader, jsonl, none];
    // (a line that is not JSON: JSON.parse's own words follow "inte giltig JSON:", as the CLI gives them)
    for (const x of all) expect(english([...x.diagnostics.map((d) => d.message.replace(/inte giltig JSON: .*/, '')), ...x.municipalities.flatMap((m) => m.months.flatMap((mo) => mo.explanation.map((s) => s.text)))])).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('AVT-M008');
    const codes = new Set(all.flatMap((x) => x.diagnostics.map((d) => d.code)));
    for (const code of ['AVT-M001', 'AVT-M002', 'AVT-M004', 'AVT-M005', 'AVT-M007', 'AVT-M008', 'AVT-M012']) expect(codes, code).toContain(code);
  });

  it('prints avtal months --format table in Swedish, with decimal commas, and in English with --lang en', async () => {
    const file = join(import.meta.dirname, '../../examples/kronoberg-exempel-2.yaml');
    for (const county of ['kronoberg', 'blekinge']) {
      await main(['months', '--county', county, '--averages', file, '--format', 'table']);
      const sv = output.stdout();
      expect(sv.split('\n').length).toBeGreaterThan(5);
      expect(english(sv.split('\n')), county).toEqual([]);
      output.clear();
      await main(['months', '--county', county, '--averages', file, '--format', 'table', '--lang', 'en']);
      expect(output.stdout()).not.toBe(sv);
      output.clear();
    }
    await main(['months', '--county', 'kronoberg', '--averages', file, '--format', 'table']);
    expect(output.stdout()).toContain('3,25');
    expect(output.stdout()).toContain('fakturerat: mars, april och maj 2025');
  });

  it('says why a rule is not exported in Swedish, and in English when asked', () => {
    const unexportable = `agreement x "X"
  county x
  version "1" draft
  valid from 2019-01-01 until further notice
  source "x"
cutoff noon at 12:00, 12:00 counts as after
  cite "1"
parameter p "P"
  cite "1"
  value 3 for 2019
deadline in_windows "W"
  cite "1"
  planned_home_visit on weekdays between 08:00 and 17:00
deadline recurring "E"
  cite "1"
  doctor_visit_offered every 3 months from home_care_started
deadline constant "C"
  cite "1"
  sip_called within 3 days after 2019-01-01 10:00
deadline by_parameter "Q"
  cite "1"
  when age >= p
  sip_called within 3 days after admitted
computed c "C"
  cite "1"
  when yes
  value date_of(admitted)
`;
    const programs = [...set.versions.filter((v) => v.compiled).map((v) => ({ name: v.source.file, program: v.analysis.program!, law: linkedLaw(set, v.compiled!) })),
      { name: 'constructs.avtal', program: analyze(readFileSync(join(import.meta.dirname, '../export/fixtures/constructs.avtal'), 'utf8')).program!, law: undefined },
      { name: 'unexportable', program: analyze(unexportable).program!, law: undefined }];
    let reasons = 0;
    for (const { name, program, law } of programs) {
      expect(program, name).toBeDefined();
      const sv = exportToJre(program, name, law);
      const en = exportToJre(program, name, law, 'en');
      expect(english([...sv.doc.notExported.map((x) => x.reason), ...sv.diagnostics.map((d) => d.message)]), name).toEqual([]);
      sv.doc.notExported.forEach((x, i) => expect(en.doc.notExported[i].reason).not.toBe(x.reason));
      for (const d of sv.diagnostics) expect(localize(d, 'en').message).not.toBe(d.message);
      reasons += sv.doc.notExported.length;
    }
    expect(reasons).toBeGreaterThanOrEqual(6);
  });

  it('says why a worked example\'s scenario is impossible in Swedish, and in English when asked', () => {
    const policy = analyze(`agreement x "X"
  county x
  version "1" draft
  valid from 2019-01-01 until further notice
  source "x"
deadline d "D"
  cite "1"
  admission_notice_sent within 24 hours after admitted
example e "E" for d
  cite "1"
  given admitted 2019-01-10 09:00
  given discharged 2019-01-05 10:00
  given admission_notice_sent 2019-03-31 02:30
  expect d met
`);
    const p = compile(policy.program!);
    const info = { agreement: 'x', version: '1', status: 'draft' as const, validFrom: '2019-01-01', validTo: null, hash: '' };
    const [sv] = runExamples(p, info);
    const [en] = runExamples(p, info, 'en');
    expect(sv.errors.length).toBe(2);
    expect(english([...sv.errors, ...sv.expectations.flatMap((x) => [x.text, x.expected, x.actual])])).toEqual([]);
    expect(en.errors).not.toEqual(sv.errors);
    expect(en.errors[1]).toMatch(/impossible history/);
  });

  it('says why a text is not JSON in Swedish, where the reading stopped, and in English when asked', () => {
    const cases: [string, string][] = [
      ['{\n "a": 1,\n b}', 'oväntat »b« på rad 3, tecken 2'],
      ['{"a":1,}', 'oväntat »}« vid tecken 8'],
      ['hello', 'oväntat »h«'],
      ['"abc', 'en sträng (inom citattecken) avslutas aldrig'],
      ['{"county":"varmland",', 'texten tar slut mitt i ett värde'],
      ['  ', 'texten är tom'],
    ];
    for (const [text, sv] of cases) {
      let error: unknown;
      try {
        JSON.parse(text);
      } catch (e) {
        error = e;
      }
      const p = jsonProblem(text, error);
      expect(render(p.code, p.params, 'sv'), text).toBe(sv);
      expect(render(p.code, p.params, 'en'), text).not.toBe(sv);
    }
  });

  it('says why the calendar cannot read a time in Swedish, and in English when asked', () => {
    // times the schema's pattern lets through but the calendar refuses: a day the month has not, a local time
    // the clocks skip
    const errors = ['2019-02-30T09:00', '2019-03-31T02:30'].map((time) => {
      const r = validateCaseCarefully({ county: 'varmland', events: { admitted: time } });
      if (r.ok) throw new Error(`${time} accepted`);
      return r.errors[0];
    });
    expect(errors.map((e) => e.code)).toEqual(['AVT-E001', 'AVT-E002']);
    const sv = errors.map((e) => localize({ ...e, severity: 'error' as const }, 'sv').message);
    const en = errors.map((e) => localize({ ...e, severity: 'error' as const }, 'en').message);
    expect(english(sv)).toEqual([]);
    expect(sv).toEqual(['ogiltigt ärende: »2019-02-30T09:00«: datumet finns inte i kalendern', 'den lokala tiden 2019-03-31 02:30 finns inte i Europe/Stockholm (klockan ställs fram den natten); ange en UTC-förskjutning']);
    expect(en[0]).toBe("invalid case: '2019-02-30T09:00': no such date in the calendar");
    expect(en[1]).toMatch(/^local time 2019-03-31 02:30 does not exist/);
  });
});
