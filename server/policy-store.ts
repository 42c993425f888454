// The service's policies: one folder read into a PolicySet, replaced as a whole after a draft is saved,
// so a request sees either the old set or the new one, never half of each.
import { resolve } from 'node:path';
import type { Diagnostic } from '../dsl/diagnostics';
import type { PolicySet, PolicyVersion } from '../engine/registry/policy-set';
import { loadPolicySet } from '../engine/registry/load';
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

export class PolicyStore {
  readonly dir: string;
  private current: PolicySet;
  private summaries?: AgreementSummary[];
  /** counts reloads, so worker threads holding their own copy know when to read the folder again */
  generation = 0;

  /** `peers`: the other processes serving the same folder (a cluster), told when this one changes it. */
  constructor(dir: string, private readonly peers?: PolicyPeers) {
    this.dir = resolve(dir);
    this.current = loadPolicySet(this.dir);
    peers?.onChange(() => this.reload());
  }

  get set(): PolicySet {
    return this.current;
  }

  /** Reads the folder again; the new set replaces the old one in one assignment. */
  reload(): void {
    this.current = loadPolicySet(this.dir);
    this.generation++;
    this.summaries = undefined;
  }

  /** After this process changed the folder: reads it again, and resolves once the other processes have too. */
  async changed(): Promise<void> {
    this.reload();
    await this.peers?.changed();
  }

  agreements(): AgreementSummary[] {
    if (this.summaries) return this.summaries;
    this.summaries = this.current.agreements().map((agreement) => {
      const versions = this.current.versionsOf(agreement);
      const published = versions.filter((v) => v.info.status === 'published');
      const latest = (published.length > 0 ? published : versions)[(published.length > 0 ? published : versions).length - 1];
      return { agreement, title: latest?.info.title, county: latest?.info.county, versions: versions.map((v) => v.info) };
    });
    return this.summaries;
  }

  version(agreement: string, version: string): PolicyVersion | undefined {
    return this.current.versionsOf(agreement).find((v) => v.info.version === version);
  }

  detail(v: PolicyVersion): VersionDetail {
    const setDiagnostics = this.current.diagnostics.filter((d) => d.file === v.source.file).map((d) => ({ ...d.diagnostic, file: d.file }));
    const interpretations = v.analysis.ast.declarations
      .filter((d) => d.kind === 'Interpretation')
      .map((d) => ({ id: d.id.text, title: d.title?.value, decision: d.decision?.value, citations: citations(d.cites, v.info.source ?? '') }));
    return { info: v.info, text: v.source.text, diagnostics: [...v.analysis.diagnostics, ...setDiagnostics], interpretations };
  }
}
