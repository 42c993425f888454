// A worked example's scenario → the CaseData it describes. Given times are Swedish local time.
import type * as A from '../../dsl/ast/ast';
import type { CExample } from '../../dsl/checker/program';
import { parseInstant, parseIsoDate } from '../calendar';
import { emptyCase, CARE_TYPE, occurrences, recordOccurrences, type CaseData } from '../case/case-data';
import { historyErrors } from '../case/history';
import { msg, render, type Params } from '../../dsl/messages';

export interface CompiledExample {
  decl: A.Example;
  example: CExample;
  data: CaseData;
  /** why the scenario is not a possible episode: the message in Swedish, and as a message of the catalogue to give it in another language */
  errors: { message: string; range: A.Node['range']; text: { code: string; params: Params } }[];
}

export function compileExampleCase(ex: CExample): CompiledExample {
  const data = emptyCase();
  data.facts[CARE_TYPE] = 'somatic';
  const errors: CompiledExample['errors'] = [];
  for (const g of ex.givens) {
    if (g.kind === 'event') {
      const r = parseInstant(`${g.date}T${g.time}`);
      // An event given again is its next occurrence.
      const slot = g.event.slot;
      if (r.ok) recordOccurrences(data, slot, [...Array.from(occurrences(data, slot)), r.epochMs].sort((a, b) => a - b));
      else {
        const text = r.code === 'nonexistent-local-time' ? msg('AVT-E002', { value: `${g.date} ${g.time}` }) : msg('AVT-E001', { detail: msg(`case.time.${r.why}`, { value: `${g.date}T${g.time}` }) });
        errors.push({ message: render(text.code, text.params), range: g.ast.range, text });
      }
    } else {
      // A date fact is held as a calendar Day number; the checker proved the date valid.
      data.facts[g.fact.slot] = g.fact.entry.type === 'date' && typeof g.value === 'string' ? parseIsoDate(g.value) : g.value;
    }
  }
  for (const e of historyErrors(data)) {
    const text = msg('example.error', { pointer: e.pointer, error: { code: e.code, params: e.args } });
    errors.push({ message: render(text.code, text.params), range: ex.decl.id.range, text });
  }
  return { decl: ex.decl, example: ex, data, errors };
}
