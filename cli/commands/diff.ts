import { existsSync, statSync } from 'node:fs';
import { analyze } from '../../dsl';
import { hasErrors } from '../../dsl/diagnostics';
import type { Policy } from '../../dsl/ast/ast';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import { loadPolicySet } from '../../engine/registry/node';
import { findVersion } from '../../engine/versions';
import { semanticDiff } from '../../engine/versions/semantic-diff';
import { behaviouralDiff } from '../../engine/versions/behavioural-diff';
import { htmlPage, renderBehaviouralDiff, renderSemanticDiff, type DiffFormat } from '../../engine/versions/render';
import type { PolicySet } from '../../engine/registry/policy-set';
import { defaultPoliciesDir, err, formatDiagnostic, lang, out, readInput, t } from '../io';
import type { Command } from './index';

type Side = { ok: true; name: string; ast: Policy; compiled?: CompiledPolicy } | { ok: false; message: string };

/** A file path, or agreement@version from the policies folder. */
function resolveSide(arg: string, policies: () => PolicySet): Side {
  if (existsSync(arg) && statSync(arg).isFile()) {
    const read = readInput(arg);
    if (!read.ok) return { ok: false, message: read.message };
    const a = analyze(read.text);
    for (const d of a.diagnostics.filter((x) => x.severity === 'error')) err(formatDiagnostic(d, arg));
    return { ok: true, name: arg, ast: a.ast, compiled: hasErrors(a.diagnostics) || !a.ast.header ? undefined : compile(a.ast) };
  }
  const at = arg.lastIndexOf('@');
  if (at <= 0) return { ok: false, message: t('cli.diff.notLabel', { arg }) };
  const set = policies();
  const v = findVersion(set, arg.slice(0, at), arg.slice(at + 1));
  if (!v) {
    const known = set.versionsOf(arg.slice(0, at)).map((x) => x.info.version);
    return { ok: false, message: known.length ? t('cli.diff.noVersion', { arg, known: known.join(', ') }) : t('cli.diff.noAgreement', { arg, known: set.agreements().join(', ') }) };
  }
  return { ok: true, name: arg, ast: v.analysis.ast, compiled: v.compiled };
}

export const diff: Command = {
  get summary() {
    return t('cli.diff.summary');
  },
  get usage() {
    return t('cli.diff.usage');
  },
  options: { format: { type: 'string' }, behaviour: { type: 'boolean' }, behavior: { type: 'boolean' }, limit: { type: 'string' }, policies: { type: 'string' } },
  run(values, paths) {
    if (paths.length !== 2) {
      err(`${t('cli.diff.two')}\n\n${diff.usage}`);
      return 2;
    }
    const format = (values.format as string | undefined) ?? 'text';
    if (!['text', 'markdown', 'html', 'json'].includes(format)) {
      err(t('cli.diff.format', { format }));
      return 2;
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) {
      err(t('cli.diff.limit', { value: String(values.limit) }));
      return 2;
    }
    let set: PolicySet | undefined;
    const policies = () => (set ??= loadPolicySet((values.policies as string | undefined) ?? defaultPoliciesDir()));
    const [a, b] = paths.map((p) => resolveSide(p, policies));
    for (const s of [a, b]) if (!s.ok) err(`avtal diff: ${s.message}`);
    if (!a.ok || !b.ok) return 2;
    const semantic = semanticDiff(a.ast, b.ast, lang());
    let behavioural = null;
    if (values.behaviour || values.behavior) {
      const broken = [a, b].filter((s) => !s.compiled).map((s) => s.name);
      if (broken.length) {
        err(t('cli.diff.broken', { names: broken.join(lang() === 'sv' ? ' och ' : ' and ') }));
        return 2;
      }
      behavioural = behaviouralDiff(a.compiled!, b.compiled!, { lang: lang() });
    }
    const differs = !semantic.empty || (behavioural?.differing ?? 0) > 0;
    if (format === 'json') {
      out(JSON.stringify({ semantic, ...(behavioural ? { behavioural } : {}) }, null, 2));
      return differs ? 1 : 0;
    }
    const f = format as DiffFormat;
    let text = renderSemanticDiff(semantic, f, lang());
    if (behavioural) text += `${f === 'text' ? '\n' : ''}${renderBehaviouralDiff(behavioural, f, limit, lang())}`;
    out((f === 'html' ? htmlPage(`avtal diff ${a.name} ${b.name}`, text, lang()) : text).trimEnd());
    return differs ? 1 : 0;
  },
};
