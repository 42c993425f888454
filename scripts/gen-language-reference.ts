// Regenerates the reference tables in docs/language.md from the lexer's keyword table, the shared
// vocabulary, the built-in functions and the diagnostic codes: `npm run gen:docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KEYWORDS } from '../dsl/builtins/keywords';
import { EVENTS, FACTS } from '../dsl/builtins/vocabulary';
import { FUNCTIONS } from '../dsl/builtins/functions';
import { typeName } from '../dsl/builtins/types';
import { CODES } from '../dsl/diagnostics/codes';

const DOC = new URL('../docs/language.md', import.meta.url);

const cell = (s: string) => s.replace(/\|/g, '\\|');

function sections(): Record<string, string> {
  return {
    keywords: [
      '### Keywords', '', '| English | Swedish | role | meaning |', '|---|---|---|---|',
      ...KEYWORDS.map((k) => `| ${k.en.map((w) => `\`${w}\``).join(', ')} | ${k.sv.map((w) => `\`${w}\``).join(', ')} | ${k.role} | ${cell(k.description)} |`),
    ].join('\n'),
    vocabulary: [
      '### Events', '', '| English | Swedish | meaning |', '|---|---|---|',
      ...EVENTS.map((e) => `| \`${e.id}\` | \`${e.sv}\` | ${cell(e.description)} |`),
      '', '### Facts', '', '| English | Swedish | type | meaning |', '|---|---|---|---|',
      ...FACTS.map((f) => `| \`${f.id}\` | \`${f.sv}\` | ${f.type}${f.values ? `: ${f.values.map((v) => `\`${v.id}\`/\`${v.sv}\``).join(', ')}` : ''} | ${cell(f.description)} |`),
    ].join('\n'),
    functions: [
      '### Built-in functions', '', '| English | Swedish | arguments | result | meaning |', '|---|---|---|---|---|',
      ...FUNCTIONS.map((f) => `| \`${f.id}\` | \`${f.sv}\` | ${f.params.map(typeName).join(', ')}${f.variadic ? ', …' : ''} | ${typeName(f.result)} | ${cell(f.description)} |`),
    ].join('\n'),
    codes: ['| code | severity | message |', '|---|---|---|', ...Object.entries(CODES).map(([code, c]) => `| \`${code}\` | ${c.severity} | ${cell(c.message)} |`)].join('\n'),
  };
}

export function languageReference(current: string): string {
  let text = current;
  for (const [name, body] of Object.entries(sections())) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    text = text.replace(re, `$1\n${body}\n$2`);
  }
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC, languageReference(readFileSync(DOC, 'utf8')));
  console.log('wrote docs/language.md');
}
