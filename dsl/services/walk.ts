// A generic walk over the AST: every node object below a root, depth first. Editor services use it to
// find names and literals without knowing every node kind (new constructs are picked up as they come).
import type { Range } from '../diagnostics';

export type AnyNode = Record<string, unknown> & { range?: Range };

export function walk(root: unknown, visit: (node: AnyNode, parent: AnyNode | undefined, key: string) => void, parent?: AnyNode, key = ''): void {
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit, parent, key);
    return;
  }
  if (root === null || typeof root !== 'object') return;
  const node = root as AnyNode;
  visit(node, parent, key);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'range' || k === 'keywords' || k === 'comments') continue;
    if (v !== null && typeof v === 'object') walk(v, visit, node, k);
  }
}

export const contains = (r: Range, offset: number): boolean => r.start.offset <= offset && offset <= r.end.offset;
