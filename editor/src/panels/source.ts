// The source panel: the agreement's text beside the policy, every passage the policy cites highlighted
// and linked. Click a passage → the rules, interpretations, examples and marks that cite it (a click on
// one goes to it in the text); put the cursor in a rule → its passages light up and scroll into view.
// Sentences with a quantity, time, deadline or condition that nothing cites or marks are shown in red,
// and the policy's lines with a branch no worked example exercises are shaded in the editor.
import { h } from '../dom';
import type { Locale } from '../i18n';
import type { SourcePanelView } from '../protocol';
import './source.css';

type Passage = NonNullable<SourcePanelView['passages']>[number];

const TEXT = {
  sv: {
    loading: 'Läser källan …', noSource: 'Policyn anger ingen källa (`källa "ID"`).', unknown: 'Källan {id} finns inte bland källtexterna ({known}).',
    meta: 'källa {id} · {cited} citerade ställen, {marked} markerade som okodade, {undecided} obeslutade · texttäckning {pct} %',
    legendCited: 'citerat av en regel', legendMarked: 'okodat, med skäl', legendUndecided: 'obeslutat: citera eller markera',
    pick: 'Klicka på ett markerat ställe för att se vilka regler som citerar det.', citedBy: 'Ställe {n} (rad {line}) citeras av:', undecided: 'Obeslutad mening (rad {line}): bär {carries}. Citera den i en regel eller markera den med `okodat`.',
    branches: 'Grenar som inget exempel prövar ({pct} % prövade):', allBranches: 'Exemplen prövar alla grenar.', others: 'Citerar också: {ids}', reason: { 'not-computable': 'ej beräkningsbart', 'outside-scope': 'utanför tillämpningsområdet', 'applied-elsewhere': 'tillämpas annanstans' } as Record<string, string>,
  },
  en: {
    loading: 'Reading the source …', noSource: 'The policy names no source (`source "ID"`).', unknown: 'Source {id} is not among the source texts ({known}).',
    meta: 'source {id} · {cited} passages cited, {marked} marked as not encoded, {undecided} undecided · text coverage {pct} %',
    legendCited: 'cited by a rule', legendMarked: 'not encoded, with a reason', legendUndecided: 'undecided: cite or mark it',
    pick: 'Click a highlighted passage to see the rules that cite it.', citedBy: 'Passage {n} (line {line}) is cited by:', undecided: 'Undecided sentence (line {line}): carries {carries}. Cite it in a rule or mark it `unencoded`.',
    branches: 'Branches no example exercises ({pct} % exercised):', allBranches: 'The examples exercise every branch.', others: 'Also cites: {ids}', reason: { 'not-computable': 'not computable', 'outside-scope': 'outside scope', 'applied-elsewhere': 'applied elsewhere' } as Record<string, string>,
  },
};
const fill = (s: string, args: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));

export interface SourcePanelOptions {
  locale: () => Locale;
  run: (source?: string) => Promise<SourcePanelView>;
  /** Go to a line of the policy. */
  reveal: (line: number) => void;
  /** Shade the policy's lines whose branches no example exercises. */
  shade: (lines: number[]) => void;
}

export class SourcePanel {
  private view?: SourcePanelView;
  private source?: string;
  private segs: { el: HTMLElement; passages: number[] }[] = [];
  private details = h('div', { className: 'source-details', 'data-testid': 'source-details' });
  private seq = 0;

  constructor(private readonly panel: HTMLElement, private readonly options: SourcePanelOptions) {
    panel.classList.add('source-panel');
  }

  /** Ask the worker for the open text's view and draw it. */
  async update(): Promise<void> {
    const seq = ++this.seq;
    if (!this.view) this.panel.replaceChildren(h('p', { className: 'empty', text: TEXT[this.options.locale()].loading }));
    const view = await this.options.run(this.source);
    if (seq !== this.seq) return;
    this.view = view;
    this.render();
  }

  /** The cursor is on a line of the policy: light up the passages the declaration there cites. */
  highlightLine(line: number): void {
    this.light(new Set((this.view?.passages ?? []).filter((p) => p.citers.some((c) => c.declStart <= line && line <= c.declEnd)).map((p) => p.n)));
  }

  /** Light up the passage of the citation at a line of the policy (`enligt …`); with none there, the declaration's passages. */
  highlightCitation(line: number): void {
    const ns = new Set((this.view?.passages ?? []).filter((p) => p.citers.some((c) => c.line === line)).map((p) => p.n));
    if (ns.size === 0) this.highlightLine(line);
    else this.light(ns);
  }

  private light(ns: Set<number>): void {
    let first: HTMLElement | undefined;
    for (const s of this.segs) {
      const on = s.passages.some((n) => ns.has(n));
      s.el.classList.toggle('active', on);
      if (on) first ??= s.el;
    }
    first?.scrollIntoView({ block: 'nearest' });
  }

  private render(): void {
    const L = TEXT[this.options.locale()];
    const v = this.view!;
    this.options.shade(v.unexercised.map((b) => b.line));
    this.panel.replaceChildren();
    this.segs = [];
    if (!v.available) {
      this.panel.append(h('p', { className: 'notice', text: v.reason === 'no-source' ? L.noSource : fill(L.unknown, { id: v.reason?.replace('unknown-source:', '') ?? '', known: (v.known ?? []).join(', ') }) }));
      this.panel.append(this.branches());
      return;
    }
    const passages = v.passages ?? [];
    const cited = passages.filter((p) => p.kind === 'cited').length;
    this.panel.append(
      h('h3', { className: 'source-head', text: v.document ?? v.title ?? v.source ?? '' }),
      h('p', { className: 'source-meta', 'data-testid': 'source-meta', text: fill(L.meta, { id: v.source ?? '', cited, marked: passages.length - cited, undecided: v.uncovered?.length ?? 0, pct: v.percent ?? 0 }) }),
      h('p', { className: 'source-legend' },
        h('span', { className: 'seg cited', text: L.legendCited }), h('span', { className: 'seg marked', text: L.legendMarked }), h('span', { className: 'seg undecided', text: L.legendUndecided })),
    );
    if (v.others.length) {
      const p = h('p', { className: 'source-meta' }, `${fill(L.others, { ids: '' })}`);
      for (const id of [v.source!, ...v.others]) {
        const a = h('a', { href: '#', text: id, 'data-source': id });
        a.addEventListener('click', (e) => {
          e.preventDefault();
          this.source = id;
          void this.update();
        });
        p.append(a, ' ');
      }
      this.panel.append(p);
    }
    this.details.replaceChildren(h('span', { className: 'muted', text: L.pick }));
    this.panel.append(this.details, this.branches(), this.text(v, passages));
  }

  private branches(): HTMLElement {
    const L = TEXT[this.options.locale()];
    const v = this.view!;
    const box = h('div', { className: 'source-branches', 'data-testid': 'source-branches' });
    if (v.examplePercent === undefined) return box;
    if (v.unexercised.length === 0) {
      box.append(h('p', { className: 'muted', text: L.allBranches }));
      return box;
    }
    const list = h('ul');
    for (const b of v.unexercised) {
      const li = h('li', { text: `${b.line}: ${b.rule} — ${b.what}`, 'data-line': b.line });
      li.addEventListener('click', () => this.options.reveal(b.line));
      list.append(li);
    }
    box.append(h('p', { text: fill(L.branches, { pct: v.examplePercent }) }), list);
    return box;
  }

  /** The text cut at every passage and undecided sentence boundary; each piece knows its passages. */
  private text(v: SourcePanelView, passages: Passage[]): HTMLElement {
    const text = v.text ?? '';
    const undecided = v.uncovered ?? [];
    const cuts = new Set<number>([0, text.length]);
    for (const p of passages) cuts.add(p.start).add(p.end);
    for (const s of undecided) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((a, b) => a - b);
    const box = h('div', { className: 'source-text', 'data-testid': 'source-text' });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const here = passages.filter((p) => p.start <= a && b <= p.end);
      const open = undecided.find((s) => s.start <= a && b <= s.end);
      const piece = text.slice(a, b);
      if (here.length === 0 && !open) {
        box.append(piece);
        continue;
      }
      const kind = here.some((p) => p.kind === 'cited') ? 'cited' : here.length ? 'marked' : 'undecided';
      const el = h('span', { className: `seg ${kind}`, 'data-passages': here.map((p) => p.n).join(' '), text: piece });
      el.addEventListener('click', () => (here.length ? this.select(here) : open && this.selectUndecided(open)));
      this.segs.push({ el, passages: here.map((p) => p.n) });
      box.append(el);
    }
    return box;
  }

  private select(here: Passage[]): void {
    const L = TEXT[this.options.locale()];
    const ns = new Set(here.map((p) => p.n));
    for (const s of this.segs) s.el.classList.toggle('selected', s.passages.some((n) => ns.has(n)));
    this.details.replaceChildren();
    for (const p of here) {
      const list = h('ul');
      for (const c of p.citers) {
        const why = c.kind === 'unencoded' && c.reason ? ` — ${L.reason[c.reason] ?? c.reason}` : '';
        const li = h('li', { 'data-line': c.line, text: `${c.label} ${c.name}${c.part ? ` (${c.part})` : ''}${why} · ${c.line}` });
        li.addEventListener('click', () => this.options.reveal(c.line));
        list.append(li);
      }
      this.details.append(h('div', { 'data-passage': p.n }, h('strong', { text: fill(L.citedBy, { n: p.n, line: p.line }) }), list));
    }
  }

  private selectUndecided(s: { line: number; carries: string[] }): void {
    const L = TEXT[this.options.locale()];
    this.details.replaceChildren(h('p', { text: fill(L.undecided, { line: s.line, carries: s.carries.join(', ') }) }));
  }
}
