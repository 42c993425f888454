// Short labels for editor services, in the reader's interface language (not the file's).
import type * as A from '../ast/ast';
import { spell, type Lang } from '../builtins/keywords';

const LABELS = {
  sv: { rule: 'Regel', source: 'Källa', quote: 'Citat', decision: 'Beslut', see: 'Bygger på tolkning', event: 'Händelse', fact: 'Uppgift', fn: 'Funktion', keyword: 'Nyckelord', values: 'Värden', example: 'Exempel för', declaredAt: 'rad', agreement: 'Avtal', valid: 'Gäller', untilFurther: 'tills vidare' },
  en: { rule: 'Rule', source: 'Source', quote: 'Quote', decision: 'Decision', see: 'Relies on interpretation', event: 'Event', fact: 'Fact', fn: 'Function', keyword: 'Keyword', values: 'Values', example: 'Example for', declaredAt: 'line', agreement: 'Agreement', valid: 'Valid', untilFurther: 'until further notice' },
} as const;

export type LabelKey = keyof (typeof LABELS)['sv'];
export const label = (lang: Lang, key: LabelKey): string => LABELS[lang][key];

/** "Tidsfrist", "Betalningsansvar" … : the declaration keyword itself, in the reader's language. */
export function kindLabel(kind: A.Declaration['kind'] | string, lang: Lang): string {
  try {
    const word = spell(kind, lang);
    return word.charAt(0).toUpperCase() + word.slice(1);
  } catch {
    return kind;
  }
}
