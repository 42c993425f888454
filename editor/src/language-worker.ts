/// <reference lib="webworker" />
// Language worker: the real parser, checker, compiler, evaluator and examples runner, off the UI thread.
// The editor never parses on its own; every answer here comes from ../../dsl and ../../engine.
import { workerStarted } from './worker-clock'; // first: it records when this script began to run
import { prefetchedText } from './worker-prefetch'; // second: the first text is asked for while the rest loads
import { analyze, formatText, type Analysis } from '../../dsl';
import type * as A from '../../dsl/ast/ast';
import { Diagnostic as DslDiagnostic, Range, localize } from '../../dsl/diagnostics';
import { applyTweaks, asDraft, completions, definitionAt, hoverAt, outline, quickFixes, type PolicyOutline } from '../../dsl/services';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { caseDate, compile, evaluate, fallbackFor, linkLaw, PolicySet, runExamples, validateCase, withFallback, type CompiledPolicy, type VersionInfo } from '../../engine';
import type {
  AnalyseResult, Diagnostic, ExampleView, LineRange, MonthsResult, RequestKind, RequestMap, RuleSource, Scenario, SimulateResult, SimulationView, UiLang,
  WorkerRequest, WorkerResponse, WorkerTimings,
} from './protocol';
import { runMonths } from './monthly-bridge';
import { library } from './source-library';
import { sourcePanelView, unexercisedBranches } from './source-bridge';
import { semanticDiff } from '../../engine/versions/semantic-diff';

// every module above has run (among them the Chevrotain lexer and parser, built once at load)
const timings: WorkerTimings = { timeOrigin: performance.timeOrigin, started: workerStarted, loaded: performance.now() };

const scope = self as unknown as DedicatedWorkerGlobalScope;

// ---------------------------------------------------------------- cache: one analysis per text

interface Prepared {
  text: string;
  analysis: Analysis;
  errors: boolean;
  compiled?: CompiledPolicy;
  compileError?: string;
  info: VersionInfo;
  outline: PolicyOutline;
  /** the analysis with the examples' outcomes, once asked for */
  result?: AnalyseResult;
  /** the interface language the cached result's messages are in */
  resultUi?: UiLang;
}

const cache: Prepared[] = []; // the last few texts (the open one and a what-if variant)

function versionInfo(ast: A.Policy): VersionInfo {
  const h = ast.header;
  const to = h?.validTo;
  return {
    agreement: h?.id.text ?? 'policy', title: h?.title?.value, county: h?.county?.text, version: h?.version?.value ?? '?',
    status: h?.status ?? 'draft', validFrom: h?.validFrom?.iso ?? '9999-12-31', validTo: !to || to === 'until-further-notice' ? null : to.iso,
    hash: '', source: h?.source?.value,
  };
}

// The bundled law (`subject to nationell_lag`): its conditions bind the payment rules of the agreement being edited,
// as they do in the policy set, so the examples here give what `avtal test` gives.
const LAW_TEXTS = import.meta.glob('../../policies/national/*.avtal', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
let laws: PolicySet | undefined;
const lawSet = (): PolicySet => (laws ??= new PolicySet(Object.entries(LAW_TEXTS).map(([file, text]) => ({ file: file.replace(/^.*policies\//, ''), text, hash: '' }))));

/** Links the edited policy to the bundled law it names, in force on its first day; nothing when it names none. */
function linkToLaw(p: Prepared): void {
  const name = p.analysis.ast.header?.subjectTo?.text;
  if (!name || !p.compiled) return;
  const from = p.info.validFrom;
  const law = lawSet().versionsOf(name).find((v) => v.info.status === 'published' && v.info.validFrom <= from && (v.info.validTo === null || from < v.info.validTo));
  if (law) linkLaw(p.compiled, law);
}

function prepare(text: string): Prepared {
  const hit = cache.find((p) => p.text === text);
  if (hit) return hit;
  const analysis = analyze(text, { sources: library });
  const errors = analysis.diagnostics.some((d) => d.severity === 'error') || !analysis.ast.header;
  const p: Prepared = { text, analysis, errors, info: versionInfo(analysis.ast), outline: outline(analysis.ast, text) };
  if (!errors) {
    try {
      if (analysis.program) p.compiled = compile(analysis.program);
      linkToLaw(p);
    } catch (err) {
      p.compileError = err instanceof Error ? err.message : String(err);
    }
  }
  cache.unshift(p);
  cache.length = Math.min(cache.length, 3);
  return p;
}

const lineRange = (r: Range): LineRange => ({ startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column });

function toDiagnostic(d: DslDiagnostic, ui: UiLang = 'sv'): Diagnostic {
  // A zero-width range (end of file) still needs one column to show a squiggle.
  const same = d.range.start.offset === d.range.end.offset;
  return { message: localize(d, ui).message, severity: d.severity, code: d.code, ...lineRange(d.range), ...(same ? { endColumn: d.range.start.column + 1 } : {}) };
}

// ---------------------------------------------------------------- handlers

function analyseText(text: string, ui: UiLang = 'sv'): AnalyseResult {
  const t0 = performance.now();
  const p = prepare(text);
  if (p.result && p.resultUi === ui) return { ...p.result, timings: { analyseMs: performance.now() - t0, examplesMs: 0 } };
  const t1 = performance.now();
  let examples: ExampleView[] | null = null;
  const diagnostics = p.analysis.diagnostics.map((d) => toDiagnostic(d, ui));
  if (p.compiled) {
    const rules = ruleSources(p.analysis.ast, p.info.source ?? '');
    examples = runExamples(p.compiled, p.info, ui).map((r) => ({
      id: r.id, title: r.title, derived: r.derived, rule: r.rule, pass: r.pass, line: r.range.start.line, errors: r.errors,
      scenario: exampleScenario(p.analysis.ast, r.id),
      expectations: r.expectations.map((e) => ({
        label: text.slice(e.range.start.offset, e.range.end.offset).replace(/\s+/g, ' ').trim(),
        expected: e.expected, actual: e.actual, pass: e.pass, line: e.range.start.line,
      })),
      steps: r.result.explanation.flatMap((s) => {
        const rule = rules[s.rule];
        return rule ? [{ rule: s.rule, title: s.title ?? rule.title, text: s.text, line: rule.line, quoted: rule.citations.some((c) => c.quote) }] : [];
      }),
    }));
  } else if (p.compileError) {
    diagnostics.push({ message: `internal compiler error: ${p.compileError}`, severity: 'error', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
  }
  p.result = { diagnostics, examples, outline: p.outline, timings: { analyseMs: t1 - t0, examplesMs: performance.now() - t1 } };
  p.resultUi = ui;
  return p.result;
}

/** An example's givens as a scenario (vocabulary ids, local times "YYYY-MM-DD HH:MM"). */
function exampleScenario(ast: A.Policy, id: string): Scenario {
  const ex = ast.declarations.find((d): d is A.Example => d.kind === 'Example' && d.id.text === id);
  const scenario: Scenario = { title: ex?.title?.value ?? id, events: {}, facts: {} };
  for (const g of ex?.givens ?? []) {
    const v = lookupVocabulary(g.name.text);
    if (!v) continue;
    if (v.kind === 'event' && g.value.kind === 'instant') {
      // an event given more than once is the example's history: every occurrence, in time order
      const at = `${g.value.date} ${g.value.time ?? '00:00'}`;
      const before = scenario.events[v.id];
      scenario.events[v.id] = before === undefined ? at : [...(typeof before === 'string' ? [before] : before), at].sort();
    }
    else if (v.kind === 'fact') {
      const val = g.value;
      if (v.id === 'evaluation_date' && val.kind === 'instant') scenario.evaluationDate = val.date;
      else if (val.kind === 'boolean' || val.kind === 'number' || val.kind === 'string') scenario.facts[v.id] = val.value;
      else if (val.kind === 'name') scenario.facts[v.id] = v.values?.find((x) => x.id === val.value || x.sv === val.value)?.id ?? val.value;
    }
  }
  return scenario;
}

function ruleSources(ast: A.Policy, defaultFile: string): Record<string, RuleSource> {
  const out: Record<string, RuleSource> = {};
  const interp = (n: string) => ast.declarations.find((d): d is A.Interpretation => d.kind === 'Interpretation' && d.id.text === n);
  for (const d of ast.declarations) {
    if (!d.id) continue;
    out[d.id.text] = {
      title: 'title' in d ? d.title?.value : undefined,
      citations: d.cites.map((c) => ({ heading: c.heading.value, quote: c.quote?.value, file: c.file?.value ?? defaultFile, line: c.range.start.line })),
      interpretations: ('see' in d ? d.see : []).map((n) => ({ id: n.text, title: interp(n.text)?.title?.value })),
      line: d.range.start.line,
    };
  }
  return out;
}

const NOT_IN_SCHEMA = new Set(['care_type', 'municipality', 'evaluation_date']);

/** The scenario's events as the case schema takes them: one time, or every occurrence in time order. */
function caseEvents(events: Scenario['events']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(events)) {
    const times = (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []).filter((x) => typeof x === 'string' && x.trim() !== '').map((x) => x.trim().replace('T', ' '));
    if (times.length) out[k] = times.length === 1 ? times[0] : times;
  }
  return out;
}

/** The rules of the fallback agreement (the law) that decides for the case, if one does: their titles and citations, for the reasons shown. */
function fallbackRules(p: Prepared, data: Parameters<typeof caseDate>[0]): Record<string, RuleSource> {
  const fb = fallbackFor(lawSet(), { analysis: p.analysis, compiled: p.compiled, info: p.info }, caseDate(data));
  return fb ? ruleSources(fb.analysis.ast, fb.analysis.ast.header?.source?.value ?? '') : {};
}

function simulateOnce(p: Prepared, scenario: Scenario, ui: UiLang = 'sv'): SimulationView {
  const empty: SimulationView = { ok: false, errors: [], deadlines: [], payments: [], explanation: [], warnings: [], rules: {} };
  if (!p.compiled) {
    const first = p.analysis.diagnostics.find((d) => d.severity === 'error');
    return { ...empty, errors: [first ? `${first.range.start.line}: ${localize(first, ui).message}` : ui === 'sv' ? 'policyn innehåller fel' : 'the policy has errors'] };
  }
  const events = caseEvents(scenario.events);
  const facts = Object.fromEntries(Object.entries(scenario.facts).filter(([k, v]) => !NOT_IN_SCHEMA.has(k) && v !== '' && v !== undefined));
  const input = { county: p.info.county ?? p.info.agreement, events, facts, ...(scenario.evaluationDate ? { evaluationDate: scenario.evaluationDate } : {}) };
  const c = validateCase(input);
  if (!c.ok) {
    // located, in the UI's language (an impossible history, AVT-E013, says why in Swedish by default)
    const problems = c.errors.map((e) => ({ code: e.code, pointer: e.pointer, message: localize(e, ui).message }));
    return { ...empty, errors: problems.map((e) => `${e.pointer.replace(/^\/(events|facts)\//, '')}: ${e.message}`), problems };
  }
  // An agreement silent on payment leaves it to its fallback (the law), as evaluateCase does.
  const r = withFallback(lawSet(), { analysis: p.analysis, compiled: p.compiled, info: p.info }, c.data, caseDate(c.data), evaluate(p.compiled, c.data, p.info, { lang: ui }), { lang: ui });
  return {
    ok: true, errors: [], deadlines: r.deadlines, payments: r.payments, explanation: r.explanation, warnings: r.warnings.map((w) => w.message),
    ...(r.fallback ? { fallback: r.fallback.reason } : {}),
    rules: { ...fallbackRules(p, c.data), ...ruleSources(p.analysis.ast, p.info.source ?? '') },
  };
}

function simulate(text: string, scenario: Scenario, ui: UiLang = 'sv'): SimulateResult {
  const p = prepare(text);
  const base = simulateOnce(p, scenario, ui);
  const wanted = scenario.whatIf ?? {};
  if (!Object.keys(wanted).length) return { base, applied: [] };
  const { text: changed, applied } = applyTweaks(text, p.outline.tweaks, wanted);
  if (!applied.length) return { base, applied };
  return { base, whatIf: simulateOnce(prepare(changed), scenario, ui), applied };
}

type Handler<K extends RequestKind> = (params: RequestMap[K]['params']) => RequestMap[K]['result'] | Promise<RequestMap[K]['result']>;

const handlers: { [K in RequestKind]: Handler<K> } = {
  analyse: ({ text, ui }) => analyseText(text, ui),
  complete: ({ text, offset, ui }) => completions(prepare(text).analysis.ast, text, offset, ui),
  hover: ({ text, offset, ui }) => {
    const h = hoverAt(prepare(text).analysis.ast, text, offset, ui);
    if (!h) return null;
    const lines = text.slice(0, h.start).split('\n');
    const line = lines.length;
    const column = lines[lines.length - 1].length + 1;
    return { markdown: h.markdown, range: { startLine: line, startColumn: column, endLine: line, endColumn: column + (h.end - h.start) } };
  },
  definition: ({ text, offset }) => {
    const r = definitionAt(prepare(text).analysis.ast, text, offset);
    return r ? lineRange(r) : null;
  },
  format: ({ text }) => {
    const f = formatText(text);
    return { text: f.text, changed: f.changed, diagnostics: f.diagnostics.map((d) => toDiagnostic(d)) };
  },
  simulate: ({ text, scenario, ui }) => simulate(text, scenario, ui),
  codeActions: ({ text, startLine, endLine, ui }) => {
    const p = prepare(text);
    const at = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    };
    return p.analysis.diagnostics
      .filter((d) => d.range.start.line <= endLine && d.range.end.line >= startLine)
      .flatMap((d) => quickFixes(p.analysis.ast, text, d, ui).map((f) => ({
        title: f.title, code: f.code, preferred: f.preferred === true,
        diagnostic: { startLine: d.range.start.line, startColumn: d.range.start.column },
        edits: f.edits.map((e) => {
          const a = at(e.start);
          const b = at(e.end);
          return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, text: e.text };
        }),
      })));
  },
  months: async ({ text, input, whatIf, ui }): Promise<MonthsResult> => {
    const p = prepare(text);
    const base = await runMonths(p, input, ui);
    if (input === null || !whatIf || !Object.keys(whatIf).length) return base;
    const { text: changed, applied } = applyTweaks(text, p.outline.tweaks, whatIf);
    if (!applied.length) return base;
    return { ...base, whatIfResult: (await runMonths(prepare(changed), input, ui)).result, applied };
  },
  semanticDiff: ({ from, to, ui }) => semanticDiff(prepare(from).analysis.ast, prepare(to).analysis.ast, ui ?? 'sv'),
  prepare: ({ text }) => {
    const start = performance.now();
    analyseText(text);
    timings.firstAnalysis ??= { start, end: performance.now() };
    return null;
  },
  timings: () => timings,
  sourceView: ({ text, source, ui }) => sourcePanelView(prepare(text), source, ui),
  unexercised: ({ text, ui }) => unexercisedBranches(prepare(text), ui),
  asDraft: ({ text, label }) => {
    const draft = asDraft(prepare(text).analysis.ast, text, label);
    return { text: draft, errors: prepare(draft).analysis.diagnostics.filter((d) => d.severity === 'error').length };
  },
};

// The first text, fetched by the worker itself (worker-prefetch.ts): analysed as soon as it is here, unless the
// page's `prepare` of it came first (then this is a cache hit).
void prefetchedText.then((text) => {
  if (text === undefined) return;
  const start = performance.now();
  analyseText(text);
  timings.firstAnalysis ??= { start, end: performance.now() };
});

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  let response: WorkerResponse;
  try {
    const handler = handlers[request.kind] as Handler<RequestKind>;
    const result = await handler(request as never);
    response = { id: request.id, kind: request.kind, ok: true, result, ms: performance.now() - started };
  } catch (err) {
    // A crashing service must not kill the worker: answer with the error.
    response = { id: request.id, kind: request.kind, ok: false, error: err instanceof Error ? `${err.message}` : String(err) };
  }
  scope.postMessage(response);
};

export type { Prepared };
