// Versions of a policy: the lock file, the semantic diff and the behavioural diff (browser-safe).
import { diagnostic, NO_RANGE, type Diagnostic } from '../../dsl/diagnostics';
import type { PolicySet, PolicyVersion } from '../registry/policy-set';
import { behaviouralDiff, type BehaviouralDiff } from './behavioural-diff';
import { semanticDiff, type SemanticDiff } from './semantic-diff';
import { msg, type MessageCode, type MsgLang } from '../../dsl/messages';

export { semanticDiff, renamesBetween, type SemanticDiff, type Change, type DeclarationChange, type CitationRef, type VersionRef } from './semantic-diff';
export { behaviouralDiff, pickCounterexamples, type BehaviouralDiff, type BehaviouralOptions, type Counterexample, type OutcomeDifference } from './behavioural-diff';
export { generateScenarios, boundariesOf, type Scenario, type Boundaries } from './scenarios';
export { renderSemanticDiff, renderBehaviouralDiff, htmlPage, type DiffFormat } from './render';
export { checkLock, updateLock, parseLock, serializeLock, LOCK_FILE_NAME, type Lock, type LockEntry } from './lock';

export type VersionsDiff = { ok: true; semantic: SemanticDiff; behavioural: BehaviouralDiff | null } | { ok: false; error: Diagnostic };

/** A version of an agreement by its label, drafts included. */
export function findVersion(set: PolicySet, agreement: string, version: string): PolicyVersion | undefined {
  return set.versionsOf(agreement).find((v) => v.info.version === version);
}

/**
 * Both diffs between two versions of an agreement, by label (what GET /api/diff serves). The
 * behavioural diff is null when either version has errors and cannot be compiled; it keeps at most
 * 500 counterexamples unless told otherwise (its counts stay exact).
 */
export function diffVersions(set: PolicySet, agreement: string, from: string, to: string, options: { behaviour?: boolean; maxCounterexamples?: number; lang?: MsgLang } = {}): VersionsDiff {
  const a = findVersion(set, agreement, from);
  const b = findVersion(set, agreement, to);
  const missing = !a ? from : !b ? to : undefined;
  if (missing !== undefined) {
    const known = set.versionsOf(agreement).map((v) => v.info.version).join(', ');
    return { ok: false, error: diagnostic('AVT-V014', NO_RANGE, { detail: msg('set.noVersion', { agreement, version: missing, known: known || msg('diff.value.none' as MessageCode) }) }) };
  }
  const semantic = semanticDiff(a!.analysis.ast, b!.analysis.ast, options.lang);
  const behavioural = options.behaviour === false || !a!.compiled || !b!.compiled ? null : behaviouralDiff(a!.compiled, b!.compiled, { maxCounterexamples: options.maxCounterexamples ?? 500, lang: options.lang });
  return { ok: true, semantic, behavioural };
}
