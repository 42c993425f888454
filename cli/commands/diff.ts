import { existsSync, statSync } from 'node:fs';
import { analyze } from '../../dsl';
import type { Policy } from '../../dsl/ast/ast';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import { findVersion } from '../../engine/versions';
import { semanticDiff } from '../../engine/versions/semantic-diff';
import { behaviouralDiff } from '../../engine/versions/behavioural-diff';
import { htmlPage, renderBehaviouralDiff, renderSemanticDiff, type DiffFormat } from '../../engine/versions/render';
import type { PolicySet } from '../../engine/registry/policy-set';
import { err, loadPolicies, out, readInput, formatDiagnostic, lang, t } from '../io';
import type { Command } from './index';

type Side = { ok: true; name: string; ast: Policy; compiled?: CompiledPolicy } | { ok: false; message: string };

/** --policies names no folder that can be read (said already). */
class PoliciesMissing extends Error {}

/** A file path, or agreement@version from the policies folder. */
function resolveSide(arg: string, policies: () => PolicySet): Side {
  if (existsSync(arg) && statSync(arg).isFile()) {
    const read = readInput(arg);
    if (!read.ok) return { ok: false, message: read.message };
    const a = analyze(read.text);
    const errors = a.diagnostics.filter((x) => x.severity === 'error');
    for (const d of errors) err(formatDiagnostic(d, arg));
    // A file with errors (or not a policy at all) is an input error: exit 2, never "differs".
    if (errors.length > 0 || !a.program) return { ok: false, message: errors.length > 0 ? t('cli.diff.fileErrors', { arg, count: errors.length }) : t('cli.diff.notPolicy', { arg }) };
    return { ok: true, name: arg, ast: a.ast, compiled: compile(a.program) };
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
    const policies = () => {
      set ??= loadPolicies(values.policies as string | undefined, 'diff');
      if (!set) throw new PoliciesMissing();
      return set;
    };
    let a: Side;
    let b: Side;
    try {
      [a, b] = paths.map((p) => resolveSide(p, policies));
    } catch (e) {
      if (e instanceof PoliciesMissing) return 2;
      throw e;
    }
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
