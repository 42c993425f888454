// A worked example's scenario → the CaseData it describes. Given times are Swedish local time.
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary, lookupEnumValue } from '../../dsl/builtins/vocabulary';
import { parseInstant, parseIsoDate } from '../calendar';
import { emptyCase, eventSlot, factSlot, occurrences, recordOccurrences, type CaseData } from '../case/case-data';
import { historyErrors } from '../case/history';

export interface CompiledExample {
  decl: A.Example;
  data: CaseData;
  errors: { message: string; range: A.Node['range'] }[];
}

export function compileExampleCase(ex: A.Example): CompiledExample {
  const data = emptyCase();
  data.facts[factSlot('care_type')] = 'somatic';
  const errors: CompiledExample['errors'] = [];
  for (const g of ex.givens) {
    const entry = lookupVocabulary(g.name.text);
    if (!entry) continue;
    const v = g.value;
    if (entry.kind === 'event' && v.kind === 'instant' && v.time) {
      const r = parseInstant(`${v.date}T${v.time}`);
      // An event given again is its next occurrence.
      const slot = eventSlot(entry.id);
      if (r.ok) recordOccurrences(data, slot, [...Array.from(occurrences(data, slot)), r.epochMs].sort((a, b) => a - b));
      else errors.push({ message: r.message, range: g.range });
    } else if (entry.kind === 'fact') {
      const slot = factSlot(entry.id);
      if (v.kind === 'boolean' || v.kind === 'number' || v.kind === 'string') data.facts[slot] = v.value;
      else if (v.kind === 'name') data.facts[slot] = lookupEnumValue(entry, v.value)?.id ?? v.value;
      else if (v.kind === 'instant' && !v.time) data.facts[slot] = parseIsoDate(v.date);
    }
  }
  for (const e of historyErrors(data)) errors.push({ message: `${e.pointer}: ${e.message}`, range: ex.id.range });
  return { decl: ex, data, errors };
}
