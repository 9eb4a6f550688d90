/**
 * Shared helpers of the editor features: what lies at an offset, the likelihood
 * phrases of a brief, citation id ranges, formatting of bands. Everything is derived
 * from a parsed `BriefDocument` once (cached per document object) and is linear in
 * the size of the document.
 */
import type {BriefDocument, BriefSection, Citation, Judgement, SourceEntry} from '../parse/document.js';
import {entryKey, normaliseLabel, type Block} from '../parse/section.js';
import type {Scale, ScaleTerm} from '../scales/index.js';
import {readForm} from '../scales/lexicon.js';
import {Slot} from '../parse/slot.js';
import {summaryBlocks} from '../rules/util.js';
import type {Range, SemanticTokenModifier} from './types.js';
import {firstAtOrAfter, startOf} from '../text/sorted.js';

export interface LikelihoodHit extends Range {
  text: string;
  term: ScaleTerm;
  scale: Scale;
  onScale: boolean;
  where: 'judgement' | 'summary';
  judgement?: Judgement;
}

export interface PhraseHit extends Range {
  text: string;
  where: 'judgement' | 'summary';
  judgement?: Judgement;
}

export interface EstimativeBlock {
  block: Block;
  where: 'judgement' | 'summary';
  judgement?: Judgement;
}

/** Per-document facts the features share. */
export interface ServiceIndex {
  /** Judgement statements and Summary blocks, in document order. */
  estimative: EstimativeBlock[];
  likelihood: LikelihoodHit[];
  /** Confidence phrases in judgement statements and the Summary. */
  confidence: PhraseHit[];
  /** Vague hedges (and modified "possible") in judgement statements. */
  hedges: PhraseHit[];
}

const indexes = new Slot<BriefDocument, ServiceIndex>('service index');

export function serviceIndex(doc: BriefDocument): ServiceIndex {
  return indexes.memo(doc, buildIndex);
}

function buildIndex(doc: BriefDocument): ServiceIndex {
  const estimative: EstimativeBlock[] = [];
  const likelihood: LikelihoodHit[] = [];
  const confidence: PhraseHit[] = [];
  const hedges: PhraseHit[] = [];
  for (const j of doc.judgements) {
    const block = j.statement;
    if (!block) continue;
    estimative.push({block, where: 'judgement', judgement: j});
    for (const l of j.likelihood) likelihood.push({start: l.start, end: l.end, text: l.text, term: l.term, scale: l.scale, onScale: l.onScale, where: 'judgement', judgement: j});
    for (const c of j.confidence) confidence.push({...c, where: 'judgement', judgement: j});
    for (const h of [...block.facts.hedges, ...block.facts.modifiedPossible]) {
      hedges.push({start: block.base + h.start, end: block.base + h.end, text: h.text, where: 'judgement', judgement: j});
    }
  }
  for (const block of summaryBlocks(doc)) {
    estimative.push({block, where: 'summary'});
    for (const hit of block.facts.terms) {
      const reading = readForm(doc.lexicon, doc.scale, hit.form);
      if (reading) likelihood.push({start: block.base + hit.start, end: block.base + hit.end, text: hit.text, ...reading, where: 'summary'});
    }
    for (const c of block.facts.confidence) confidence.push({start: block.base + c.start, end: block.base + c.end, text: c.text, where: 'summary'});
  }
  const byStart = (a: Range, b: Range) => a.start - b.start || a.end - b.end;
  estimative.sort((a, b) => a.block.start - b.block.start);
  likelihood.sort(byStart);
  confidence.sort(byStart);
  hedges.sort(byStart);
  return {estimative, likelihood, confidence, hedges};
}

/** True when `offset` touches `r` (a cursor right after the last character counts). */
export function touches(r: Range, offset: number): boolean {
  return offset >= r.start && offset <= r.end;
}

/** Strictly inside or at the start: what a hover at `offset` is over. */
export function over(r: Range, offset: number): boolean {
  return offset >= r.start && offset < r.end;
}

/** First item of a list sorted by start whose range contains `offset`, by binary search. */
export function findSorted<T extends Range>(list: readonly T[], offset: number, test: (r: T, offset: number) => boolean = over): T | undefined {
  const lo = firstAtOrAfter(list, offset + 1, startOf);
  // Ranges do not nest in these lists, so the candidates are the last few starting at or before offset.
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (test(list[i], offset)) return list[i];
  return undefined;
}

/** The section whose range holds `offset`. */
export function sectionAt(doc: BriefDocument, offset: number): BriefSection | undefined {
  const list = doc.sections;
  let lo = 0;
  let hi = list.length - 1;
  if (hi < 0 || offset < list[0].start) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = list[lo];
  return offset < s.end || (offset === s.end && s.end === doc.text.length) ? s : undefined;
}

/** End of a block's lines: what a cursor at the end of its last line still belongs to. */
export function blockExtentEnd(b: Block): number {
  return b.base + b.masked.length;
}

/** The block whose lines hold `offset` (from its first line's start to its last line's end). */
export function blockAt(doc: BriefDocument, offset: number): {section: BriefSection; block: Block} | undefined {
  const section = sectionAt(doc, offset);
  if (!section) return undefined;
  for (const block of section.blocks) {
    if (offset >= block.base && offset <= blockExtentEnd(block)) return {section, block};
  }
  return undefined;
}

export {effectiveRole} from '../parse/document.js';

/** The judgement section (heading layout) that holds `section`, if any. */
export function judgementSectionOf(section: BriefSection): BriefSection | undefined {
  for (let p: BriefSection | undefined = section; p; p = p.parent) if (p.role === 'judgement') return p;
  return undefined;
}

export function inRanges(ranges: readonly Range[], offset: number): boolean {
  for (const r of ranges) if (offset > r.start && offset < r.end) return true;
  return false;
}

// ---------------------------------------------------------------- citations and sources

export type IdFamily = 'footnote' | 'label';

/** Which definitions a citation can point at: footnotes, or link definitions and Sources entries. */
export function citationFamily(c: Citation): IdFamily | undefined {
  if (c.kind === 'footnote') return 'footnote';
  if (c.kind === 'reference' || c.kind === 'bracket') return 'label';
  return undefined;
}

export function sourceFamily(s: SourceEntry): IdFamily {
  return s.kind === 'footnote' ? 'footnote' : 'label';
}

/** Key under which ids of one family compare equal. */
export function idKey(family: IdFamily, id: string, entry = false): string {
  return family === 'footnote' ? normaliseLabel(id) : entry ? entryKey(id) : normaliseLabel(id);
}

/** Range of the id inside a citation: `a` in `[^a]`, `S1` in `[S1]`, `ref` in `[text][ref]`. */
export function citationIdRange(doc: BriefDocument, c: Citation): Range | undefined {
  if (c.idStart !== undefined && c.idEnd !== undefined) return {start: c.idStart, end: c.idEnd};
  if (c.kind !== 'reference') return undefined;
  const raw = doc.text.slice(c.start, c.end);
  const full = /\]\[([^\]]+)\]$/.exec(raw);
  if (full) return {start: c.end - 1 - full[1].length, end: c.end - 1};
  const collapsed = /^\[([^\]]*)\]\[\]$/.exec(raw);
  if (collapsed && collapsed[1]) return {start: c.start + 1, end: c.start + 1 + collapsed[1].length};
  return undefined;
}

/** A source entry's id range, when it has a written id (not a bare list number). */
export function sourceIdRange(s: SourceEntry): Range | undefined {
  if (!s.id || s.idEnd <= s.idStart) return undefined;
  return {start: s.idStart, end: s.idEnd};
}

export type IdTarget =
  | {kind: 'citation'; citation: Citation; range: Range; family: IdFamily; id: string}
  | {kind: 'definition'; source: SourceEntry; range: Range; family: IdFamily; id: string};

/** The citation or definition id at `offset`. A cursor anywhere on a citation counts; on a definition, only its id. */
export function idTargetAt(doc: BriefDocument, offset: number): IdTarget | undefined {
  const c = findSorted(doc.citations, offset, touches);
  if (c) {
    const family = citationFamily(c);
    const range = citationIdRange(doc, c);
    if (family && range && c.id !== undefined) return {kind: 'citation', citation: c, range, family, id: doc.text.slice(range.start, range.end)};
  }
  for (const s of doc.sources) {
    const range = sourceIdRange(s);
    if (range && touches(range, offset)) return {kind: 'definition', source: s, range, family: sourceFamily(s), id: s.id!};
  }
  return undefined;
}

/** The definition and every citation that names the same id as `target`. */
export function relatedIds(doc: BriefDocument, target: IdTarget): {definition?: SourceEntry; citations: Citation[]} {
  const definition = target.kind === 'definition' ? target.source : target.citation.source;
  const citations: Citation[] = [];
  if (definition) {
    const own = sourceIdRange(definition);
    for (const c of doc.citations) {
      if (c.source !== definition) continue;
      const r = citationIdRange(doc, c);
      // An entry written "[S1] Paper…" reads as a citation of itself: that is the definition.
      if (r && !(own && r.start < own.end && own.start < r.end)) citations.push(c);
    }
    return {definition, citations};
  }
  // An id nothing defines: every unresolved citation of the same family and id.
  const key = idKey(target.family, target.id);
  for (const c of doc.citations) {
    if (c.source || citationFamily(c) !== target.family) continue;
    const r = citationIdRange(doc, c);
    if (r && idKey(target.family, doc.text.slice(r.start, r.end)) === key) citations.push(c);
  }
  return {citations};
}

// ---------------------------------------------------------------- bands and grades

/** Band class used to colour likelihood terms, by the band's midpoint. */
export function bandClass(band: readonly [number, number]): SemanticTokenModifier {
  const mid = (band[0] + band[1]) / 2;
  if (mid < 15) return 'remote';
  if (mid < 40) return 'unlikely';
  if (mid < 55) return 'even';
  if (mid < 80) return 'likely';
  return 'certain';
}

const CELLS = 20;

/** A 20-cell bar from 0 to 100% with the band filled: `0% ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██▁▁ 100%`. */
export function bandBar(band: readonly [number, number]): string {
  const [lo, hi] = band;
  const cells: string[] = [];
  for (let i = 0; i < CELLS; i++) {
    const a = (i * 100) / CELLS;
    const b = ((i + 1) * 100) / CELLS;
    cells.push(Math.max(lo, a) < Math.min(hi, b) ? '█' : '▁');
  }
  if (!cells.includes('█')) {
    // A point (Kent's "certain", 100%): fill the cell it falls in.
    const cell = Math.min(CELLS - 1, Math.max(0, Math.floor((lo * CELLS) / 100)));
    cells[cell] = '█';
  }
  return `0% ${cells.join('')} 100%`;
}

/** "80–90%" (the band's figures, without the ≈ signs of the printed label). */
export function bandFigures(band: readonly [number, number]): string {
  return band[0] === band[1] ? `${band[0]}%` : `${band[0]}–${band[1]}%`;
}

const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

const CREDIBILITY: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

/** "B2: source usually reliable (B); information probably true (2)", in Markdown. */
export function explainGrade(grade: string): string | undefined {
  const r = RELIABILITY[grade[0]?.toUpperCase()];
  const c = CREDIBILITY[grade[1]];
  if (!r || !c) return undefined;
  const cannot = grade[0].toUpperCase() === 'F' || grade[1] === '6' ? ' F and 6 mean "cannot be judged", not "low".' : '';
  return `Grade **${grade}** (Admiralty code): source reliability **${grade[0].toUpperCase()}** — ${r}; information credibility **${grade[1]}** — ${c}. The two are graded independently.${cannot}`;
}

/** Markdown-safe inline text. */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Text shortened to `max` characters on a word boundary. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

/** Line number of the last non-blank character before `end` (and not before `start`). */
export function lastContentLine(doc: BriefDocument, start: number, end: number): number {
  let e = Math.min(end, doc.text.length);
  while (e > start && /\s/.test(doc.text[e - 1])) e--;
  return doc.lines.positionAt(Math.max(start, e - 1)).line;
}

/** Offset just after the last non-blank character before `end`. */
export function trimEnd(doc: BriefDocument, start: number, end: number): number {
  let e = Math.min(end, doc.text.length);
  while (e > start && /\s/.test(doc.text[e - 1])) e--;
  return e;
}
