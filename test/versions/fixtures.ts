// Small policy texts for the version tests: one agreement header and one payment rule.
import type { PolicySource } from '../../engine/registry/policy-set';

export interface VersionSpec {
  agreement?: string;
  version: string;
  status?: 'published' | 'draft';
  from: string;
  to?: string; // absent: until further notice
  fallback?: string;
  grace?: number;
}

export function policyText(s: VersionSpec): string {
  return [
    `agreement ${s.agreement ?? 'demo'} "Demo agreement"`,
    '  county demo',
    `  version "${s.version}" ${s.status ?? 'published'}`,
    `  valid from ${s.from} ${s.to ? `to ${s.to}` : 'until further notice'}`,
    '  source "demo.txt"',
    ...(s.fallback ? [`  fallback ${s.fallback}`] : []),
    '  cite "1. Validity"',
    '',
    'payment pay "Payment"',
    '  cite "7. Payment"',
    '  from ready_notice_sent',
    '  day 1: same day',
    `  grace ${s.grace ?? 3} days`,
    '  to discharged inclusive',
    '',
  ].join('\n');
}

/** A source as the loader makes it; the hash is a stand-in, unique per text. */
export function source(s: VersionSpec, file = `${s.agreement ?? 'demo'}/${s.version}.avtal`): PolicySource {
  const text = policyText(s);
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.codePointAt(0)!) | 0;
  return { file, text, hash: `test:${(h >>> 0).toString(16)}` };
}
