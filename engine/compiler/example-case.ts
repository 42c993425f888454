// A worked example's scenario → the CaseData it describes. Given times are Swedish local time.
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary, lookupEnumValue } from '../../dsl/builtins/vocabulary';
import { parseInstant, parseIsoDate } from '../calendar';
import { emptyCase, eventSlot, factSlot, type CaseData } from '../case/case-data';

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
      if (r.ok) data.events[eventSlot(entry.id)] = r.epochMs;
      else errors.push({ message: r.message, range: g.range });
    } else if (entry.kind === 'fact') {
      const slot = factSlot(entry.id);
      if (v.kind === 'boolean' || v.kind === 'number' || v.kind === 'string') data.facts[slot] = v.value;
      else if (v.kind === 'name') data.facts[slot] = lookupEnumValue(entry, v.value)?.id ?? v.value;
      else if (v.kind === 'instant' && !v.time) data.facts[slot] = parseIsoDate(v.date);
    }
  }
  return { decl: ex, data, errors };
}
