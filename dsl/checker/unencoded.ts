// A passage marked as deliberately not encoded: it quotes what it leaves out and says why.
import type * as A from '../ast/ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkUnencoded(d: A.Unencoded, out: Diagnostic[]): void {
  if (d.cites.length === 0) out.push(diagnostic('AVT-C020', d.id.range, { kind: 'unencoded passage', name: d.id.text }));
  for (const c of d.cites) if (!c.quote) out.push(diagnostic('AVT-C303', c.range, { name: d.id.text }));
  if (!d.reason) {
    out.push(diagnostic('AVT-C023', d.id.range, { kind: 'unencoded passage', clause: 'a reason: `reason not computable|outside scope|applied elsewhere "why"`' }));
  } else if (!d.reason.explanation || !d.reason.explanation.value.trim()) {
    out.push(diagnostic('AVT-C304', d.reason.range, { name: d.id.text }));
  }
}
