// A worked example's scenario → the CaseData it describes. Given times are Swedish local time.
import type * as A from '../../dsl/ast/ast';
import type { CExample } from '../../dsl/checker/program';
import { parseInstant, parseIsoDate } from '../calendar';
import { emptyCase, CARE_TYPE, occurrences, recordOccurrences, type CaseData } from '../case/case-data';
import { historyErrors } from '../case/history';

export interface CompiledExample {
  decl: A.Example;
  example: CExample;
  data: CaseData;
  errors: { message: string; range: A.Node['range'] }[];
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
      else errors.push({ message: r.message, range: g.ast.range });
    } else {
      // A date fact is held as a calendar Day number; the checker proved the date valid.
      data.facts[g.fact.slot] = g.fact.entry.type === 'date' && typeof g.value === 'string' ? parseIsoDate(g.value) : g.value;
    }
  }
  for (const e of historyErrors(data)) errors.push({ message: `${e.pointer}: ${e.message}`, range: ex.decl.id.range });
  return { decl: ex.decl, example: ex, data, errors };
}
