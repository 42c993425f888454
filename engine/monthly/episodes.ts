// Raw care episodes → CaseData, with located errors (line and field). JSON Lines: one case object per
// line (the `avtal schema` format; `county` may be left out). CSV: a header row naming the columns
// `id`, `municipality` (or `kommun`), `care_type` (or `vårdform`) and any event or fact of the shared
// vocabulary, in English or Swedish; an empty cell is an unrecorded value. Nothing throws.
// The visit* readers hand each episode to a visitor as it is read — into one reused case, so that a year of
// episodes is aggregated as it streams in, without a case object kept per episode; the read* readers collect them.
import { lookupVocabulary, lookupEnumValue, type FactEntry } from '../../dsl/builtins/vocabulary';
import { validateCaseCarefully } from '../case/validate';
import { readWellFormed } from '../case/well-formed';
import { emptyCase, resetCase, type CaseData } from '../case/case-data';
import { localize } from '../../dsl/diagnostics';
import { hasMessage, msg, render, type MsgLang, type Param } from '../../dsl/messages/render';
import { jsonProblem } from '../../dsl/messages/json';

export interface Episode {
  line: number;
  id: string;
  municipality: string;
  data: CaseData;
}

export interface InputError {
  code: 'AVT-M002';
  line: number;
  field: string;
  message: string;
}

export interface EpisodesRead {
  episodes: Episode[];
  errors: InputError[];
}

/**
 * What a reader does with what it reads. `data` may be the reader's reused case, overwritten by the next episode:
 * read what you need from it before returning (the read* readers give each episode a case of its own).
 */
export interface EpisodeVisitor {
  episode(line: number, id: string, municipality: string, data: CaseData): void;
  error(e: InputError): void;
  /** the language of the errors' messages (default Swedish) */
  lang?: MsgLang;
}

/**
 * An input error: `field` names the field or column as the file does ('(line)', '(header)' and '(item)' for the
 * whole line, header or item), the message says it in the language.
 */
function inputError(line: number, field: string, detail: Param, lang: MsgLang): InputError {
  const shown = hasMessage(`episodes.field.${field}`) ? msg(`episodes.field.${field}` as 'episodes.field.(line)') : field;
  return { code: 'AVT-M002', line, field, message: render('AVT-M002', { line, field: shown, detail }, lang) };
}
const bad = (visit: EpisodeVisitor, line: number, field: string, detail: Param): void => visit.error(inputError(line, field, detail, visit.lang ?? 'sv'));

/** One case-like object → an episode, or errors naming the field. `reuse`: the case to read a valid episode into. */
function fromObject(raw: unknown, line: number, fieldName: (pointer: string) => string, visit: EpisodeVisitor, reuse: CaseData | undefined): void {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    bad(visit, line, '(line)', msg('episodes.notObject'));
    return;
  }
  const obj = raw as Record<string, unknown>;
  const municipality = obj.municipality;
  if (typeof municipality !== 'string' || municipality.trim() === '') {
    bad(visit, line, fieldName('/municipality'), msg('episodes.municipalityRequired'));
    return;
  }
  const id = typeof obj.id === 'string' ? obj.id : `line ${line}`;
  // The cheap way first (engine/case/well-formed.ts, the county may be left out); else the careful way, which
  // names the field that is wrong.
  const data = reuse ? resetCase(reuse) : emptyCase();
  if (readWellFormed(obj, data, false)) {
    visit.episode(line, id, municipality, data);
    return;
  }
  const v = validateCaseCarefully({ county: '-', ...obj });
  if (!v.ok) {
    for (const e of v.errors) bad(visit, line, fieldName(e.pointer), localize(e, visit.lang ?? 'sv').message);
    return;
  }
  visit.episode(line, id, municipality, v.data);
}

/** Each line of JSON Lines text, in turn (blank lines skipped). */
export function visitJsonLines(text: string, visit: EpisodeVisitor, reuse?: CaseData): void {
  const field = (p: string) => p || '(line)';
  for (let start = 0, n = 1; start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const s = text.slice(start, end).trim();
    start = end + 1;
    if (s === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(s);
    } catch (e) {
      bad(visit, n, '(line)', msg('episodes.notJson', { detail: jsonProblem(s, e) }));
      continue;
    }
    fromObject(raw, n, field, visit, reuse);
  }
}

/** Each item of an array of case objects, in turn. */
export function visitObjects(items: unknown[], visit: EpisodeVisitor, reuse?: CaseData): void {
  const field = (p: string) => p || '(item)';
  for (let i = 0; i < items.length; i++) fromObject(items[i], i + 1, field, visit, reuse);
}

/** A reader's episodes and errors collected, each episode with a case of its own. */
function collect(lang: MsgLang, read: (visit: EpisodeVisitor) => void): EpisodesRead {
  const out: EpisodesRead = { episodes: [], errors: [] };
  read({ episode: (line, id, municipality, data) => void out.episodes.push({ line, id, municipality, data }), error: (e) => void out.errors.push(e), lang });
  return out;
}

export const readJsonLines = (text: string, lang: MsgLang = 'sv'): EpisodesRead => collect(lang, (visit) => visitJsonLines(text, visit));
export const readObjects = (items: unknown[], lang: MsgLang = 'sv'): EpisodesRead => collect(lang, (visit) => visitObjects(items, visit));
export const readCsv = (text: string, lang: MsgLang = 'sv'): EpisodesRead => collect(lang, (visit) => visitCsv(text, visit));

/** Splits one CSV record (RFC 4180 quoting: "a,b" and "" for a quote). */
export function splitCsv(line: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        if (i >= line.length) return undefined; // unterminated quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') { cell += '"'; i += 2; continue; }
          i++;
          break;
        }
        cell += line[i++];
      }
      cells.push(cell);
      if (i < line.length && line[i] !== ',') return undefined;
    } else {
      const j = line.indexOf(',', i);
      cells.push((j < 0 ? line.slice(i) : line.slice(i, j)).trim());
      i = j < 0 ? line.length : j;
    }
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

type Column =
  | { kind: 'id' | 'municipality' | 'care_type' | 'evaluation_date' }
  | { kind: 'event'; id: string }
  | { kind: 'fact'; entry: FactEntry };

function column(name: string): Column | undefined {
  const n = name.trim();
  if (n === 'id') return { kind: 'id' };
  if (n === 'careType') return { kind: 'care_type' };
  if (n === 'evaluationDate') return { kind: 'evaluation_date' };
  const v = lookupVocabulary(n);
  if (!v) return undefined;
  if (v.kind === 'event') return { kind: 'event', id: v.id };
  if (v.id === 'municipality' || v.id === 'care_type' || v.id === 'evaluation_date') return { kind: v.id };
  return { kind: 'fact', entry: v };
}

const TRUE = new Set(['yes', 'ja', 'true', '1']);
const FALSE = new Set(['no', 'nej', 'false', '0']);

/** Each row of CSV text (after its header row), in turn. */
export function visitCsv(text: string, visit: EpisodeVisitor, reuse?: CaseData): void {
  const lines = text.split(/\r?\n/);
  const header = splitCsv(lines[0]?.replace(/^\uFEFF/, '') ?? '');
  if (!header || header.every((h) => h === '')) {
    bad(visit, 1, '(header)', msg('episodes.csvHeader'));
    return;
  }
  const columns = header.map((h) => column(h));
  let broken = false;
  header.forEach((h, i) => {
    if (!columns[i]) {
      bad(visit, 1, h || render('episodes.column', { n: i + 1 }, visit.lang ?? 'sv'), msg('episodes.unknownColumn'));
      broken = true;
    }
  });
  if (!columns.some((c) => c?.kind === 'municipality')) {
    bad(visit, 1, '(header)', msg('episodes.municipalityColumn'));
    broken = true;
  }
  if (broken) return;
  for (let li = 1; li < lines.length; li++) {
    if (lines[li].trim() === '') continue;
    const cells = splitCsv(lines[li]);
    const line = li + 1;
    if (!cells) {
      bad(visit, line, '(line)', msg('episodes.unclosedQuote'));
      continue;
    }
    if (cells.length !== header.length) {
      bad(visit, line, '(line)', msg('episodes.cellCount', { cells: cells.length, header: header.length }));
      continue;
    }
    const obj: { id?: string; municipality?: string; careType?: string; evaluationDate?: string; events: Record<string, string>; facts: Record<string, unknown> } = { events: {}, facts: {} };
    const byPointer = new Map<string, string>();
    let rowOk = true;
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      byPointer.set(c.kind === 'event' ? `/events/${c.id}` : c.kind === 'fact' ? `/facts/${c.entry.id}` : c.kind === 'care_type' ? '/careType' : c.kind === 'evaluation_date' ? '/evaluationDate' : `/${c.kind}`, header[i]);
      if (cell === '') return;
      if (c.kind === 'id') obj.id = cell;
      else if (c.kind === 'municipality') obj.municipality = cell;
      else if (c.kind === 'evaluation_date') obj.evaluationDate = cell;
      else if (c.kind === 'care_type') {
        const ct = lookupVocabulary('care_type') as FactEntry;
        obj.careType = lookupEnumValue(ct, cell)?.id ?? cell;
      } else if (c.kind === 'event') obj.events[c.id] = cell;
      else if (c.kind === 'fact') {
        const e = c.entry;
        if (e.type === 'boolean') {
          const low = cell.toLowerCase();
          if (TRUE.has(low)) obj.facts[e.id] = true;
          else if (FALSE.has(low)) obj.facts[e.id] = false;
          else {
            bad(visit, line, header[i], msg('episodes.notYesNo', { value: JSON.stringify(cell) }));
            rowOk = false;
          }
        } else if (e.type === 'count') {
          const n = Number(cell);
          if (Number.isFinite(n)) obj.facts[e.id] = n;
          else {
            bad(visit, line, header[i], msg('episodes.notNumber', { value: JSON.stringify(cell) }));
            rowOk = false;
          }
        } else if (e.type === 'enum') obj.facts[e.id] = lookupEnumValue(e, cell)?.id ?? cell;
        else obj.facts[e.id] = cell;
      }
    });
    if (rowOk) fromObject(obj, line, (p) => byPointer.get(p) ?? (p || '(line)'), visit, reuse);
  }
}
