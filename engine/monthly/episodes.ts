// Raw care episodes → CaseData, with located errors (line and field). JSON Lines: one case object per
// line (the `avtal schema` format; `county` may be left out). CSV: a header row naming the columns
// `id`, `municipality` (or `kommun`), `care_type` (or `vårdform`) and any event or fact of the shared
// vocabulary, in English or Swedish; an empty cell is an unrecorded value. Nothing throws.
import { lookupVocabulary, lookupEnumValue, type FactEntry } from '../../dsl/builtins/vocabulary';
import { validateCase } from '../case/validate';
import { localize } from '../../dsl/diagnostics';
import { hasMessage, msg, render, type MsgLang, type Param } from '../../dsl/messages/render';
import type { CaseData } from '../case/case-data';
import { fastCase } from './fast-case';

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
 * An input error: `field` names the field or column as the file does ('(line)', '(header)' and '(item)' for the
 * whole line, header or item), the message says it in the language.
 */
function inputError(line: number, field: string, detail: Param, lang: MsgLang): InputError {
  const shown = hasMessage(`episodes.field.${field}`) ? msg(`episodes.field.${field}` as 'episodes.field.(line)') : field;
  return { code: 'AVT-M002', line, field, message: render('AVT-M002', { line, field: shown, detail }, lang) };
}

/** One case-like object → an episode, or errors naming the field. */
function fromObject(raw: unknown, line: number, fieldName: (pointer: string) => string, out: EpisodesRead, lang: MsgLang): void {
  const err = (field: string, detail: Param) => out.errors.push(inputError(line, field, detail, lang));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    err('(line)', msg('episodes.notObject'));
    return;
  }
  const obj = raw as Record<string, unknown>;
  const municipality = obj.municipality;
  if (typeof municipality !== 'string' || municipality.trim() === '') {
    err(fieldName('/municipality'), msg('episodes.municipalityRequired'));
    return;
  }
  const fast = fastCase(obj);
  if (fast) {
    out.episodes.push({ line, id: typeof obj.id === 'string' ? obj.id : `line ${line}`, municipality, data: fast });
    return;
  }
  const v = validateCase({ county: '-', ...obj });
  if (!v.ok) {
    for (const e of v.errors) err(fieldName(e.pointer), localize(e, lang).message);
    return;
  }
  out.episodes.push({ line, id: typeof obj.id === 'string' ? obj.id : `line ${line}`, municipality, data: v.data });
}

export function readJsonLines(text: string, lang: MsgLang = 'sv'): EpisodesRead {
  const out: EpisodesRead = { episodes: [], errors: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    if (s === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(s);
    } catch (e) {
      out.errors.push(inputError(i + 1, '(line)', msg('episodes.notJson', { detail: (e as Error).message }), lang));
      continue;
    }
    fromObject(raw, i + 1, (p) => p || '(line)', out, lang);
  }
  return out;
}

export function readObjects(items: unknown[], lang: MsgLang = 'sv'): EpisodesRead {
  const out: EpisodesRead = { episodes: [], errors: [] };
  items.forEach((raw, i) => fromObject(raw, i + 1, (p) => p || '(item)', out, lang));
  return out;
}

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

export function readCsv(text: string, lang: MsgLang = 'sv'): EpisodesRead {
  const out: EpisodesRead = { episodes: [], errors: [] };
  const err = (line: number, field: string, detail: Param) => out.errors.push(inputError(line, field, detail, lang));
  const lines = text.split(/\r?\n/);
  const header = splitCsv(lines[0]?.replace(/^\uFEFF/, '') ?? '');
  if (!header || header.every((h) => h === '')) {
    err(1, '(header)', msg('episodes.csvHeader'));
    return out;
  }
  const columns = header.map((h) => column(h));
  let bad = false;
  header.forEach((h, i) => {
    if (!columns[i]) {
      err(1, h || render('episodes.column', { n: i + 1 }, lang), msg('episodes.unknownColumn'));
      bad = true;
    }
  });
  if (!columns.some((c) => c?.kind === 'municipality')) {
    err(1, '(header)', msg('episodes.municipalityColumn'));
    bad = true;
  }
  if (bad) return out;
  for (let li = 1; li < lines.length; li++) {
    if (lines[li].trim() === '') continue;
    const cells = splitCsv(lines[li]);
    const line = li + 1;
    if (!cells) {
      err(line, '(line)', msg('episodes.unclosedQuote'));
      continue;
    }
    if (cells.length !== header.length) {
      err(line, '(line)', msg('episodes.cellCount', { cells: cells.length, header: header.length }));
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
            err(line, header[i], msg('episodes.notYesNo', { value: JSON.stringify(cell) }));
            rowOk = false;
          }
        } else if (e.type === 'count') {
          const n = Number(cell);
          if (Number.isFinite(n)) obj.facts[e.id] = n;
          else {
            err(line, header[i], msg('episodes.notNumber', { value: JSON.stringify(cell) }));
            rowOk = false;
          }
        } else if (e.type === 'enum') obj.facts[e.id] = lookupEnumValue(e, cell)?.id ?? cell;
        else obj.facts[e.id] = cell;
      }
    });
    if (rowOk) fromObject(obj, line, (p) => byPointer.get(p) ?? (p || '(line)'), out, lang);
  }
  return out;
}
