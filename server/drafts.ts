// Saving a draft version: checked first, then written atomically. The text goes to a temporary file in
// the target folder, which is then hard-linked to its final name; link() fails with EEXIST when the name
// is taken, so of two saves racing for one version exactly one wins and nothing is overwritten.
import { msg } from '../dsl/messages/render';
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { analyze, diagnostic, type Range } from '../dsl';
import { contentHash, withoutBom } from '../engine/registry/load';
import type { VersionInfo } from '../engine/evaluator/result';
import { httpError, HttpError } from './errors';
import { VERSION_LABEL_MAX_BYTES } from './limits';
import type { PolicyStore } from './policy-store';

export interface Saved {
  file: string;
  hash: string;
  info: VersionInfo;
}

/** Checks a draft and writes it beside the agreement's other versions as <version>.draft.avtal; throws HttpError for the client's mistakes. */
export async function saveDraft(store: PolicyStore, agreement: string, label: string, sent: string): Promise<Saved> {
  // A byte-order mark at the start of the text is dropped, as at the start of a body or of a .avtal file.
  const text = withoutBom(sent);
  // One spelling per label (NFC: "ö" is one character, not o and a combining mark), with ASCII digits only
  // (fullwidth or Arabic-Indic digits would make look-alike labels), short enough for a file name.
  const version = label.normalize('NFC');
  if (/[^\P{N}0-9]/u.test(version)) throw httpError(400, 'AVT-H004', { detail: msg('http.versionDigits') }, { pointer: '/version' });
  const bytes = Buffer.byteLength(version, 'utf8');
  if (bytes > VERSION_LABEL_MAX_BYTES) throw httpError(400, 'AVT-H004', { detail: msg('http.versionBytes', { max: VERSION_LABEL_MAX_BYTES, bytes }) }, { pointer: '/version', limit: { name: 'versionLabelBytes', max: VERSION_LABEL_MAX_BYTES, actual: bytes } });
  // Drafts are new versions of a known agreement. A new agreement is added as a file, with review: a draft
  // of an unknown agreement in a known county would make choosing that county's agreement ambiguous.
  if (!store.set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
  const header = checkDraftText(store, agreement, version, text);
  const county = header.county?.text;
  if (store.version(agreement, version)) throw httpError(409, 'AVT-H008', { version, agreement });

  const existing = store.set.versionsOf(agreement)[0];
  const folder = dirname(existing.source.file);
  const dir = resolve(store.dir, folder);
  const final = join(dir, `${version}.draft.avtal`);
  if (relative(store.dir, final).startsWith('..') || !final.startsWith(store.dir + sep)) throw httpError(400, 'AVT-H018', { detail: msg('http.outsideFolder') });

  const temp = tempName(final);
  try {
    // The folder (a new agreement's, or one removed since the set was read): not made is not saved (AVT-H018).
    await mkdir(dir, { recursive: true });
    await writeSynced(temp, text);
    try {
      await link(temp, final);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw httpError(409, 'AVT-H008', { version, agreement });
      throw e;
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw httpError(500, 'AVT-H018', { detail: msg('http.writeFailed', { code: (e as NodeJS.ErrnoException).code ?? '?' }) });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  // Written: from here on the save has succeeded, whatever reading the folder again finds (a file that does
  // not load keeps the set's last good version of it; store.reload never throws).
  try {
    await store.changed();
  } catch {
    /* reported by the store; the draft is on disk */
  }
  const file = relative(store.dir, final).split(sep).join('/');
  const saved = store.set.versions.find((v) => v.source.file === file);
  const hash = contentHash(text);
  return { file, hash: saved?.source.hash ?? hash, info: saved?.info ?? { agreement, title: header.title?.value, county, version, status: 'draft', validFrom: header.validFrom?.iso ?? '9999-12-31', validTo: null, hash, file } };
}

/**
 * Updates an unpublished draft in place, if it is still the one the client opened (`baseHash`, the hash it
 * was served with): a draft changed by someone else since then is not overwritten (409 AVT-H032), nor is a
 * published version (409 AVT-H033). Same checks as a new draft; written to a temporary file and renamed.
 */
export async function updateDraft(store: PolicyStore, agreement: string, version: string, sent: string, baseHash: string): Promise<Saved> {
  const text = withoutBom(sent);
  if (!store.set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
  const current = store.version(agreement, version);
  if (!current) throw httpError(404, 'AVT-H014', { agreement, version });
  if (current.info.status !== 'draft') throw httpError(409, 'AVT-H033', { agreement, version });
  if (current.source.hash !== baseHash) throw httpError(409, 'AVT-H032', { agreement, version, base: baseHash, current: current.source.hash }, { pointer: '/baseHash' });
  checkDraftText(store, agreement, version, text);

  const final = resolve(store.dir, current.source.file);
  if (!final.startsWith(store.dir + sep)) throw httpError(400, 'AVT-H018', { detail: msg('http.outsideFolder') });
  const temp = tempName(final);
  try {
    await writeSynced(temp, text);
    // Checked again just before the rename: another update may have landed while this one was checked.
    if (store.version(agreement, version)?.source.hash !== baseHash) throw httpError(409, 'AVT-H032', { agreement, version, base: baseHash, current: store.version(agreement, version)?.source.hash ?? '(none)' }, { pointer: '/baseHash' });
    await rename(temp, final);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    if (e instanceof HttpError) throw e;
    throw httpError(500, 'AVT-H018', { detail: msg('http.writeFailed', { code: (e as NodeJS.ErrnoException).code ?? '?' }) });
  }
  try {
    await store.changed();
  } catch {
    /* reported by the store; the draft is on disk */
  }
  const saved = store.version(agreement, version);
  return { file: current.source.file, hash: saved?.source.hash ?? contentHash(text), info: saved?.info ?? current.info };
}

/**
 * The checks a draft's text passes before it is written, new or updated: it has no errors (AVT-H011), and its
 * header names this agreement (H009), says `utkast` (H010), carries this version label (H012) and keeps the
 * agreement's county (H030). Each refusal also lists the header's offending part as a located diagnostic, for
 * the editor to mark.
 */
function checkDraftText(store: PolicyStore, agreement: string, version: string, text: string): NonNullable<ReturnType<typeof analyze>['ast']['header']> {
  const analysis = analyze(text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw httpError(400, 'AVT-H011', { count: errors.length }, { pointer: '/text', errors });
  const header = analysis.ast.header!;
  const refuse = (code: 'AVT-H009' | 'AVT-H010' | 'AVT-H012' | 'AVT-H030', range: Range, args: Record<string, string>, pointer: string) =>
    httpError(400, code, args, { pointer, errors: [diagnostic(code, range, args)] });
  if (header.id.text !== agreement) throw refuse('AVT-H009', header.id.range, { expected: agreement, actual: header.id.text }, '/text');
  if (header.status !== 'draft') throw refuse('AVT-H010', header.version?.range ?? header.range, {}, '/text');
  if (header.version?.value.normalize('NFC') !== version) throw refuse('AVT-H012', header.version?.range ?? header.range, { expected: version, actual: header.version?.value ?? '(none)' }, '/version');
  // A draft cannot move its agreement to another county (a draft of Värmland's agreement saying `län stockholm`).
  const counties = store.set.countiesOf(agreement);
  const county = header.county?.text;
  if (counties.length > 0 && (county === undefined || !counties.includes(county))) {
    throw refuse('AVT-H030', header.county?.range ?? header.range, { actual: county ?? '(none)', expected: counties.join(', '), agreement }, '/text');
  }
  return header;
}

/** A temporary name beside `final` that does not end in .avtal, so a reload in between never reads it. */
const tempName = (final: string): string => join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** Writes `text` to a new file (never an existing one) and syncs it to disk before returning. */
async function writeSynced(file: string, text: string): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}
