// Saving a draft version: checked first, then written atomically. The text goes to a temporary file in
// the target folder, which is then hard-linked to its final name; link() fails with EEXIST when the name
// is taken, so of two saves racing for one version exactly one wins and nothing is overwritten.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { analyze } from '../dsl';
import { contentHash } from '../engine/registry/load';
import type { VersionInfo } from '../engine/evaluator/result';
import { httpError, HttpError } from './errors';
import type { PolicyStore } from './policy-store';

export interface Saved {
  file: string;
  hash: string;
  info: VersionInfo;
}

const SAFE_SEGMENT = /^[\p{L}\p{N}_-]+$/u;

/** Checks a draft and writes it to policies/<folder>/<version>.draft.avtal; throws HttpError for the client's mistakes. */
export async function saveDraft(store: PolicyStore, agreement: string, version: string, text: string): Promise<Saved> {
  const analysis = analyze(text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw httpError(400, 'AVT-H011', { count: errors.length }, { errors });
  const header = analysis.ast.header!;
  if (header.id.text !== agreement) throw httpError(400, 'AVT-H009', { expected: agreement, actual: header.id.text }, { errors: [{ code: 'AVT-H009', message: 'agreement name', range: header.id.range }] });
  if (header.status !== 'draft') throw httpError(400, 'AVT-H010', {}, { errors: [{ code: 'AVT-H010', message: 'status', range: header.version?.range ?? header.range }] });
  if (header.version?.value !== version) throw httpError(400, 'AVT-H012', { expected: version, actual: header.version?.value ?? '(none)' }, { pointer: '/version' });
  if (store.version(agreement, version)) throw httpError(409, 'AVT-H008', { version, agreement });

  const existing = store.set.versionsOf(agreement)[0];
  const folder = existing ? dirname(existing.source.file) : header.county?.text ?? agreement;
  if (folder !== '.' && !folder.split('/').every((s) => SAFE_SEGMENT.test(s))) throw httpError(400, 'AVT-H018', { detail: `unsafe folder name ${folder}` });
  const dir = resolve(store.dir, folder);
  const final = join(dir, `${version}.draft.avtal`);
  if (relative(store.dir, final).startsWith('..') || !final.startsWith(store.dir + sep)) throw httpError(400, 'AVT-H018', { detail: 'the file would lie outside the policies folder' });

  await mkdir(dir, { recursive: true });
  // The temporary name does not end in .avtal, so a reload in between never reads it.
  const temp = join(dir, `.${version}.draft.avtal.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await link(temp, final);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw httpError(409, 'AVT-H008', { version, agreement });
      throw e;
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw httpError(500, 'AVT-H018', { detail: (e as NodeJS.ErrnoException).code ?? 'write failed' });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  store.reload();
  const file = relative(store.dir, final).split(sep).join('/');
  const saved = store.set.versions.find((v) => v.source.file === file);
  return { file, hash: saved?.source.hash ?? contentHash(text), info: saved!.info };
}
