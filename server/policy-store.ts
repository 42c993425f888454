// The service's policies: one folder read into a PolicySet, replaced as a whole after a draft is saved,
// so a request sees either the old set or the new one, never half of each. A file that does not load is
// left out (or keeps the version loaded before: the last good set), named in the log and on /health.
import { resolve } from 'node:path';
import type { Diagnostic } from '../dsl/diagnostics';
import { render } from '../dsl/messages/render';
import type { PolicySet, PolicySource, PolicyVersion } from '../engine/registry/policy-set';
import { loadLastGood, type LoadedSet, type LoadProblem } from '../engine/registry/last-good';
import type { VersionInfo } from '../engine/evaluator/result';
import { citations } from '../engine/evaluator/explain';
import type { PolicyPeers } from './cluster';

export interface AgreementSummary {
  agreement: string;
  title?: string;
  county?: string;
  versions: VersionInfo[];
}

export interface VersionDetail {
  info: VersionInfo;
  text: string;
  diagnostics: Diagnostic[];
  interpretations: { id: string; title?: string; decision?: string; citations: ReturnType<typeof citations> }[];
}

/** Where the store reports what it left out or kept from before (the service's log). */
export interface StoreLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export class PolicyStore {
  readonly dir: string;
  private loaded: LoadedSet;
  private summaries?: AgreementSummary[];
  /** counts reloads, so worker threads holding their own copy know when to read the folder again */
  generation = 0;
  /** why the last reading of the folder was not taken as a whole (empty: all of it loaded) */
  lastReload: { at: string; error?: string } = { at: new Date().toISOString() };

  /** `peers`: the other processes serving the same folder (a cluster), told when this one changes it. */
  constructor(dir: string, private readonly peers?: PolicyPeers, private readonly log?: StoreLog) {
    this.dir = resolve(dir);
    this.loaded = loadLastGood(this.dir);
    this.report();
    peers?.onChange(() => this.reload());
  }

  get set(): PolicySet {
    return this.loaded.set;
  }

  /** The sources of the set in use: worker threads build their copy from these, not from the disk. */
  get sources(): readonly PolicySource[] {
    return this.loaded.sources;
  }

  get hash(): string {
    return this.loaded.hash;
  }

  /** Files left out, or kept at the version loaded before, in the set in use. */
  get problems(): readonly LoadProblem[] {
    return this.loaded.problems;
  }

  /**
   * Reads the folder again; the new set replaces the old one in one assignment. Never throws: a folder that
   * cannot be read keeps the set in use, and a file that does not load keeps its last good version.
   */
  reload(): void {
    try {
      this.loaded = loadLastGood(this.dir, this.loaded);
      this.lastReload = { at: new Date().toISOString() };
    } catch (e) {
      const error = render('set.unreadableKept', { dir: this.dir, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      this.lastReload = { at: new Date().toISOString(), error };
      this.log?.error({ policiesDir: this.dir }, error);
    }
    this.generation++;
    this.summaries = undefined;
    this.report();
  }

  private report(): void {
    for (const p of this.loaded.problems) this.log?.warn({ file: p.file, code: p.code }, p.message);
  }

  /** After this process changed the folder: reads it again, and resolves once the other processes have too. */
  async changed(): Promise<void> {
    this.reload();
    await this.peers?.changed();
  }

  agreements(): AgreementSummary[] {
    if (this.summaries) return this.summaries;
    this.summaries = this.set.agreements().map((agreement) => {
      const versions = this.set.versionsOf(agreement);
      const published = versions.filter((v) => v.info.status === 'published');
      const latest = (published.length > 0 ? published : versions)[(published.length > 0 ? published : versions).length - 1];
      return { agreement, title: latest?.info.title, county: latest?.info.county, versions: versions.map((v) => v.info) };
    });
    return this.summaries;
  }

  version(agreement: string, version: string): PolicyVersion | undefined {
    return this.set.versionsOf(agreement).find((v) => v.info.version === version);
  }

  detail(v: PolicyVersion): VersionDetail {
    const setDiagnostics = this.set.diagnostics.filter((d) => d.file === v.source.file).map((d) => ({ ...d.diagnostic, file: d.file }));
    const interpretations = v.analysis.ast.declarations
      .filter((d) => d.kind === 'Interpretation')
      .map((d) => ({ id: d.id.text, title: d.title?.value, decision: d.decision?.value, citations: citations(d.cites, v.info.source ?? '') }));
    return { info: v.info, text: v.source.text, diagnostics: [...v.analysis.diagnostics, ...setDiagnostics], interpretations };
  }
}
