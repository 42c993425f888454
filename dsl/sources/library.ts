// The source documents as data: the agreements' texts (and the law's), each under an id. Browser-safe:
// the CLI, the server and the editor load the texts and pass them in; nothing here reads a file.

/** One entry of `sources/index.json`. */
export interface SourceEntry {
  id: string;
  file?: string;
  county?: string;
  title: string;
  /** The document's own name, as a reader would look it up. */
  document: string;
  inForce?: string;
  origin?: string;
  /** Places the plain text lost in extraction (footnote markers): a label and the words that begin it. */
  labels?: Record<string, string>;
}

export interface SourceText extends SourceEntry {
  text: string;
}

/** A span of a source text, as offsets into the original text (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2007 || c === 0x202f;

/** Collapses every run of whitespace (line breaks included) to one space and trims; nothing else changes. */
export function normalizeSpace(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/** One source text, indexed for quotations and headings. */
export class SourceDoc {
  readonly entry: SourceEntry;
  readonly text: string;
  /** The text with whitespace collapsed, and for each of its characters the offset in `text`. */
  private readonly norm: string;
  private readonly map: number[];
  private lines?: { start: number; end: number; norm: string; lower: string }[];

  constructor(src: SourceText) {
    const { text, ...entry } = src;
    this.entry = entry;
    this.text = text;
    let norm = '';
    const map: number[] = [];
    let space = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (norm.length > 0 && !space) {
          space = true;
          map.push(i);
          norm += ' ';
        }
      } else {
        space = false;
        map.push(i);
        norm += text[i];
      }
    }
    this.norm = norm;
    this.map = map;
  }

  private span(normStart: number, normLength: number): Span {
    const last = this.map[normStart + normLength - 1];
    return { start: this.map[normStart], end: last + 1 };
  }

  /** Every place the quotation occurs, whitespace normalized. */
  findQuote(quote: string): Span[] {
    const q = normalizeSpace(quote);
    if (!q) return [];
    const out: Span[] = [];
    for (let i = this.norm.indexOf(q); i >= 0; i = this.norm.indexOf(q, i + 1)) out.push(this.span(i, q.length));
    return out;
  }

  /**
   * The passage most like a quotation that is not in the text: the window of as many words sharing the most
   * words with it. Words are letters and digits, compared in lower case: punctuation (a semicolon where the
   * text has a list dash) and a lone dash do not count, so a list quoted with the wrong punctuation finds the
   * list itself, from its first word.
   */
  nearest(quote: string): { span: Span; text: string } | undefined {
    const wordsOf = (s: string) => [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: m[0].toLocaleLowerCase('sv'), at: m.index!, end: m.index! + m[0].length }));
    const qWords = wordsOf(normalizeSpace(quote)).map((x) => x.w);
    if (qWords.length === 0) return undefined;
    const words = wordsOf(this.norm);
    if (words.length === 0) return undefined;
    const want = new Map<string, number>();
    for (const w of qWords) want.set(w, (want.get(w) ?? 0) + 1);
    const n = Math.min(qWords.length, words.length);
    const have = new Map<string, number>();
    let score = 0;
    const add = (w: string, d: number) => {
      const before = have.get(w) ?? 0;
      const after = before + d;
      have.set(w, after);
      const cap = want.get(w) ?? 0;
      score += Math.min(after, cap) - Math.min(before, cap);
    };
    for (let i = 0; i < n; i++) add(words[i].w, 1);
    let best = score;
    let bestAt = 0;
    for (let i = n; i < words.length; i++) {
      add(words[i - n].w, -1);
      add(words[i].w, 1);
      // prefer a window that starts with the quotation's first word among equals
      if (score > best || (score === best && words[i - n + 1].w === qWords[0] && words[bestAt].w !== qWords[0])) {
        best = score;
        bestAt = i - n + 1;
      }
    }
    const startN = words[bestAt].at;
    // the window's text runs to the end of its last word, and takes the punctuation that closes it (a full stop, a bracket)
    let endN = words[bestAt + n - 1].end;
    while (endN < this.norm.length && /[.,:;!?)»”"]/.test(this.norm[endN])) endN++;
    const span = this.span(startN, endN - startN);
    return { span, text: this.norm.slice(startN, endN) };
  }

  /** The text's lines, whitespace normalized, and in lower case (Swedish rules) for the headings to be found in. */
  private allLines() {
    if (!this.lines) {
      this.lines = [];
      let start = 0;
      for (const line of this.text.split('\n')) {
        const norm = normalizeSpace(line);
        if (norm) this.lines.push({ start, end: start + line.length, norm, lower: norm.toLocaleLowerCase('sv') });
        start += line.length + 1;
      }
    }
    return this.lines;
  }

  /**
   * Where a heading is: its parts (split at ", " and a law's "N kap. M §" into "N kap." and "M §") must each
   * begin a line, in order; a part may also be one of the entry's labels. The span is the last part's line.
   */
  findHeading(heading: string): Span | undefined {
    return this.findParts([heading.trim()]) ?? this.findParts(headingParts(heading));
  }

  private findParts(parts: string[]): Span | undefined {
    const lines = this.allLines();
    let from = 0;
    let found: Span | undefined;
    for (const part of parts) {
      const label = this.entry.labels?.[part];
      const want = normalizeSpace(label ?? part).toLocaleLowerCase('sv');
      let hit = -1;
      for (let i = from; i < lines.length; i++) {
        const l = lines[i].lower;
        if (l.startsWith(want) && (l.length === want.length || !WORD.test(l[want.length]) || !WORD.test(want[want.length - 1]))) {
          hit = i;
          break;
        }
      }
      if (hit < 0) return undefined;
      found = { start: lines[hit].start, end: lines[hit].end };
      from = hit + 1;
    }
    return found;
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }
}

/** A heading's parts: "6. Parternas ansvar, Öppen vård" → two; "2 kap. 3 §" → "2 kap.", "3 §". */
export function headingParts(heading: string): string[] {
  const out: string[] = [];
  for (const raw of heading.split(/,\s+/)) {
    const part = raw.trim();
    if (!part) continue;
    const law = /^(\d+\s*kap\.)\s+(\d+\s*[a-z]?\s*§.*)$/.exec(part);
    if (law) out.push(law[1], law[2]);
    else out.push(part);
  }
  return out;
}

/** The source documents a set of policies may cite, by id. */
export class SourceLibrary {
  private readonly sources = new Map<string, SourceText>();
  private readonly docs = new Map<string, SourceDoc>();

  constructor(sources: SourceText[] = []) {
    for (const s of sources) this.sources.set(s.id, s);
  }

  /** A source, indexed when first asked for: a run that cites two sources does not index (or read) the others. */
  get(id: string): SourceDoc | undefined {
    let doc = this.docs.get(id);
    if (doc === undefined) {
      const source = this.sources.get(id);
      if (source === undefined) return undefined;
      this.docs.set(id, (doc = new SourceDoc(source)));
    }
    return doc;
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  ids(): string[] {
    return [...this.sources.keys()];
  }

  all(): SourceDoc[] {
    return this.ids().map((id) => this.get(id)!);
  }
}
