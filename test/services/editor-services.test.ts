// The editor's language services (dsl/services), on the bundled Värmland policy: generated Monarch
// tokens cover the keyword table, completion, hover, definition, what-if tweaks and drafts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../dsl';
import { KEYWORDS } from '../../dsl/builtins/keywords';
import { applyTweaks, asDraft, avtalMonarch, completions, definitionAt, hoverAt, outline, ROLE_TOKEN } from '../../dsl/services';

const text = readFileSync(new URL('../../policies/varmland/2019-01-01.avtal', import.meta.url), 'utf8');
const { ast } = analyze(text);

/** The token class the generated Monarch rules give to the start of `s` (first matching rule). */
function tokenOf(s: string): string | undefined {
  for (const [re, action] of avtalMonarch().tokenizer.root) {
    const m = new RegExp(`^(?:${re.source})`, 'u').exec(s);
    if (m && m[0].length > 0) return typeof action === 'string' ? action : 'identifier-or-vocabulary';
  }
  return undefined;
}

describe('editor language services', () => {
  it('colours every keyword spelling of both languages by its role', () => {
    for (const k of KEYWORDS) for (const spelling of [...k.en, ...k.sv]) expect(tokenOf(`${spelling} x`), `${k.name} "${spelling}"`).toBe(ROLE_TOKEN[k.role]);
    expect(tokenOf('2019-01-07 x')).toBe('number.date');
    expect(tokenOf('12:00 x')).toBe('number.time');
    expect(tokenOf('"a" x')).toBe('string');
    expect(tokenOf('# c')).toBe('comment');
    expect(tokenOf('dagarna')).toBe('identifier-or-vocabulary'); // a name that begins with a keyword is a name
  });

  it('completes interpretations first after `se`, in the file language', () => {
    const offset = text.indexOf('  se kl_12_exakt') + 5;
    const items = completions(ast, text, offset, 'sv').sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(items[0].declKind).toBe('Interpretation');
    expect(items.some((i) => i.label === 'utskrivningsklar_meddelad' && i.kind === 'event')).toBe(true);
    expect(items.some((i) => i.label === 'tidsfrist' && i.kind === 'keyword')).toBe(true);
    expect(items.some((i) => i.label === 'deadline')).toBe(false);
    expect(items.some((i) => i.label === 'arbetsdagar' && i.kind === 'unit')).toBe(true);
    expect(items.some((i) => i.label === 'senast' && i.kind === 'function')).toBe(true);
  });

  it('hovers a rule with its citation heading and quote; a fact with its description', () => {
    const h = hoverAt(ast, text, text.indexOf('för kommunens_betalningsansvar') + 8, 'sv')!;
    expect(h.markdown).toContain('7. Ekonomisk reglering');
    expect(h.markdown).toContain('Ekonomisk reglering inträder tre dagar efter');
    expect(text.slice(h.start, h.end)).toBe('kommunens_betalningsansvar');
    expect(hoverAt(ast, text, text.indexOf('sip_behövs'), 'en')!.markdown).toContain('coordinated individual plan');
  });

  it('goes to the declaration of an example rule, an interpretation and a cutoff', () => {
    const line = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(definitionAt(ast, text, text.indexOf('för kommunens_betalningsansvar') + 5)?.start.line).toBe(line('betalningsansvar kommunens_betalningsansvar'));
    expect(definitionAt(ast, text, text.indexOf('se kl_12_exakt') + 4)?.start.line).toBe(line('tolkning kl_12_exakt'));
    expect(definitionAt(ast, text, text.indexOf('efter middag') + 7)?.start.line).toBe(line('brytpunkt middag'));
  });

  it('lists the numbers a what-if may change and rewrites them in place', () => {
    const o = outline(ast, text);
    expect(o.events.map((e) => e.id)).toContain('ready_notice_sent');
    expect(o.facts.map((f) => f.id)).toContain('sip_needed');
    const ids = o.tweaks.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['cutoff:middag', 'grace:kommunens_betalningsansvar:0', 'grace:kommunens_betalningsansvar:1', 'parameter:vårddygnskostnad:2019']));
    const changed = applyTweaks(text, o.tweaks, { 'cutoff:middag': '14:00', 'grace:kommunens_betalningsansvar:0': '2' });
    expect(changed.applied.sort()).toEqual(['cutoff:middag', 'grace:kommunens_betalningsansvar:0']);
    expect(changed.text).toContain('brytpunkt middag kl 14:00, 14:00 räknas som före');
    expect(changed.text).toContain('\n  frist 2 dagar\n');
    expect(changed.text).toContain('förvänta frist 3 dagar'); // examples untouched
    expect(analyze(changed.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('makes a draft: the new label and status draft, nothing else changed', () => {
    const draft = asDraft(ast, text, 'mitt-utkast');
    expect(draft).toContain('version "mitt-utkast" utkast');
    expect(draft.replace('version "mitt-utkast" utkast', 'version "2019-01-01" publicerad')).toBe(text);
    const a = analyze(draft);
    expect(a.ast.header?.status).toBe('draft');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
