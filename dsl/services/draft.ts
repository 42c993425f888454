// The text of a new draft version made from an open policy: the header's version label becomes the
// draft's label and its status "draft" (a published version is never overwritten, only copied).
import type * as A from '../ast/ast';
import { spell } from '../builtins/keywords';

export function asDraft(ast: A.Policy, text: string, label: string): string {
  const h = ast.header;
  if (!h) return text;
  const edits: { start: number; end: number; value: string }[] = [];
  const quoted = `"${label.replace(/["\\]/g, '\\$&')}"`;
  if (h.version) edits.push({ start: h.version.range.start.offset, end: h.version.range.end.offset, value: quoted });
  const status = ast.keywords.find((k) => (k.name === 'Published' || k.name === 'Draft') && k.range.start.offset >= h.range.start.offset && k.range.end.offset <= h.range.end.offset);
  if (status) edits.push({ start: status.range.start.offset, end: status.range.end.offset, value: spell('Draft', ast.lang) });
  else if (h.version) edits.push({ start: h.version.range.end.offset, end: h.version.range.end.offset, value: ` ${spell('Draft', ast.lang)}` });
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  return out;
}
