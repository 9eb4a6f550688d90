/**
 * Shared reasoning of the sourcing rules: which citations a document really has, and
 * whether a claim at some place is covered by one ("the citation unit").
 *
 * The citation unit of a claim:
 * - in a list item: the whole top-level item (nested items included), or the
 *   lead-in paragraph of the list when it ends with a colon and cites a source;
 * - in a table row: the table and the paragraphs just before and after it (captions);
 * - in a paragraph: the claim's sentence or the next one.
 */
import type {Block} from '../../parse/section.js';
import {sameItems} from '../../text/compare.js';
import {effectiveRole, type BriefDocument, type BriefSection, type SourceEntry} from '../../parse/document.js';
import type {Span} from '../../analysis/sentences.js';
import type {CitationKind} from '../../analysis/inline.js';

/** Source ids written in brackets: S3, R12, Src 4, Ref 2b, 7. */
export const SOURCE_ID = /^(?:S|R|Src|Ref|Source)?\s?\d{1,3}[a-z]?$/i;

/** "(Harbour Gazette, 2026)", "(see Ministry of Ports 2025a, p. 4)": the name before the year. */
const AUTHOR_DATE = /^\s*(?:see\s+(?:also\s+)?|cf\.?\s+)?(\p{Lu}[\p{L}'’&.\- ]{1,60}?)(?:\s+et\s+al\.?)?,?\s+(?:19|20)\d\d[a-z]?(?![\p{L}\p{N}])/u;
const MONTH_NAME = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|early|mid|late|spring|summer|autumn|winter|since|in|by|until|before|after|from)\b/;

export {entryKey} from '../../parse/section.js';
import {entryKey} from '../../parse/section.js';
import {Slot} from '../../parse/slot.js';
import {endOf, firstAtOrAfter, startOf} from '../../text/sorted.js';

/** A citation as the unit logic needs it: offsets relative to the block's base. */
interface LocalCitation {
  kind: CitationKind;
  start: number;
  end: number;
}

/** One id of a bracket citation that lists several: "[S1, S4]". */
export interface ListedId {
  block: Block;
  id: string;
  /** Absolute range of the id. */
  start: number;
  end: number;
}

interface Place {
  section: BriefSection;
  index: number;
}

// Kept with the document, not in WeakMaps (see parse/slot.ts).
const indexes = new Slot<BriefDocument, SourcingIndex>('sourcing index');
const sectionSignatures = new Slot<BriefSection, string>('citation signature');
const sectionNumbers = new Slot<BriefSection, number>('section number');
let sectionCount = 0;
const nextSectionNumber = () => ++sectionCount;

function sectionNumber(s: BriefSection): number {
  return sectionNumbers.memo(s, nextSectionNumber);
}

/**
 * Everything the document-level sourcing rules read, as one string: the source
 * definitions, and each section's role and citations (kind, id, URL, footnote body,
 * written text of reference citations); a Sources section counts whole (by identity:
 * the parser makes a new section object whenever its text changes). Prose edits
 * elsewhere leave it unchanged, so those rules' findings are reused on a keystroke.
 */
export function sourcingSignature(doc: BriefDocument): string {
  // Three rules ask for it on every lint: build it once per document.
  let signature = signatures.get(doc);
  if (signature === undefined) {
    // The parts are mostly the same strings as last time (sections reused by a keystroke keep
    // theirs): compared one by one, an unchanged signature is last time's string, not a new
    // join of ~100 kB compared whole with it (~0.8 ms a keystroke on the 1 MB brief).
    const parts = signatureParts(doc);
    if (!sameItems(parts, lastParts)) {
      lastParts = parts;
      lastSignature = parts.join('\u0000');
    }
    signature = lastSignature;
    signatures.set(doc, signature);
  }
  return signature;
}

const signatures = new Slot<BriefDocument, string>('sourcing signature');
/** The parts of the last signature made, and their join: equal parts give the same string. */
let lastParts: string[] = [];
let lastSignature = '';

function signatureParts(doc: BriefDocument): string[] {
  const parts: string[] = [doc.sourcesKey];
  for (const s of doc.sections) {
    let sig = sectionSignatures.get(s);
    if (sig === undefined) {
      const bits: string[] = [];
      for (const c of s.candidates) {
        bits.push(c.kind, c.id ?? '', c.url ?? '', c.block.footnote ?? '-', c.kind === 'reference' ? doc.text.slice(c.start, c.end) : '');
      }
      sig = bits.join('\u0001');
      sectionSignatures.set(s, sig);
    }
    // Only whether a citation stands in the Sources section matters to these rules.
    // A Sources section counts whole: any change to it makes a new section object, with a new number.
    parts.push(effectiveRole(s) === 'sources' ? `S#${sectionNumber(s)}` : sig);
  }
  return parts;
}

/**
 * Is a name written in some source's text? What `texts.some((t) => t.includes(name))` says,
 * without reading every text for every name: a text holding the name holds each of its
 * three-character pieces, so only the texts that hold its rarest piece are read (a
 * References list of thousands, cited author–date thousands of times, was quadratic).
 * Answers are kept: a source is usually cited more than once.
 */
export class ListedNames {
  private readonly byPiece = new Map<string, number[]>();
  private readonly answers = new Map<string, boolean>();

  constructor(private readonly texts: readonly string[]) {
    texts.forEach((t, i) => {
      for (let k = 0; k + 3 <= t.length; k++) {
        const piece = t.slice(k, k + 3);
        const list = this.byPiece.get(piece);
        if (!list) this.byPiece.set(piece, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /** `name`: at least three characters. */
  has(name: string): boolean {
    let answer = this.answers.get(name);
    if (answer === undefined) {
      let fewest: number[] | undefined;
      for (let k = 0; k + 3 <= name.length; k++) {
        const list = this.byPiece.get(name.slice(k, k + 3));
        if (!list) {
          fewest = [];
          break;
        }
        if (!fewest || list.length < fewest.length) fewest = list;
      }
      answer = !!fewest && fewest.some((i) => this.texts[i].includes(name));
      this.answers.set(name, answer);
    }
    return answer;
  }
}

/** A top-level list item (or a block outside lists) of a section, as isCited reads it. */
interface Group {
  /** Index of its first block in the section. */
  first: number;
  /** Index of the last block outside any list before it (-1: none). */
  plainBefore: number;
  cited: boolean;
  leadIn?: boolean;
}

export class SourcingIndex {
  /** The index of a document, built once and shared by the sourcing rules. */
  static of(doc: BriefDocument): SourcingIndex {
    return indexes.memo(doc, (d) => new SourcingIndex(d));
  }

  /**
   * What counts as a citation in each block, and where each block sits: made on first use.
   * The document-level rules (footnote-undefined, source-unused, source-duplicate) read only
   * the listed ids and the document's citations; they run on the whole document whenever a
   * keystroke changes a citation, and need neither (~4 ms of the 1 MB brief's keystroke).
   */
  private localMap?: Map<Block, LocalCitation[]>;
  private placeMap?: Map<Block, Place>;
  private sentenceCache = new Map<Block, {sentences: Span[]; cited: boolean[]}>();
  /** Ids listed in multi-id brackets ("[S1, S4]"), which the document model does not resolve. */
  readonly listedIds: ListedId[] = [];
  /** Those brackets, which count as citations of their blocks. */
  private readonly listingBrackets: Array<{block: Block; start: number; end: number}> = [];

  constructor(readonly doc: BriefDocument) {
    const known = new Set<number>();
    for (const c of doc.citations) known.add(c.start);
    // Brackets listing several source ids are citations too.
    for (const section of doc.sections) {
      for (const block of section.blocks) {
        for (const c of block.citations) {
          if (c.kind !== 'bracket' || known.has(c.start + block.base) || !c.id || c.idStart === undefined) continue;
          const ids = splitIds(c.id);
          if (!ids) continue;
          this.listingBrackets.push({block, start: c.start, end: c.end});
          for (const part of ids) {
            const start = block.base + c.idStart + part.offset;
            this.listedIds.push({block, id: part.id, start, end: start + part.id.length});
          }
        }
      }
    }
  }

  /** Each block's citations: the document's, the listing brackets, author–date and named sources, in that order. */
  private get local(): Map<Block, LocalCitation[]> {
    if (!this.localMap) {
      this.localMap = new Map();
      for (const c of this.doc.citations) this.add(c.block, {kind: c.kind, start: c.start - c.block.base, end: c.end - c.block.base});
      for (const b of this.listingBrackets) this.add(b.block, {kind: 'bracket', start: b.start, end: b.end});
      this.addAuthorDate(this.doc);
      this.addNamedSources(this.doc);
    }
    return this.localMap;
  }

  private get places(): Map<Block, Place> {
    if (!this.placeMap) {
      const places = (this.placeMap = new Map());
      for (const section of this.doc.sections) section.blocks.forEach((block, index) => places.set(block, {section, index}));
    }
    return this.placeMap;
  }

  /** "(Source: port authority statistics)", "Source: Harbour Gazette." name a source in words. */
  private addNamedSources(doc: BriefDocument) {
    for (const section of doc.sections) {
      for (const block of section.blocks) {
        // Every match holds a colon, which most prose does not: found natively first.
        if (block.footnote || block.masked.indexOf(':') < 0 || doc.roleOf(block) === 'sources') continue;
        const re = /(?<!\p{L})(?:sources?|src)[ \t]*:[ \t]*(?=\p{L})/giu;
        let m: RegExpExecArray | null;
        while ((m = re.exec(block.masked))) this.add(block, {kind: 'bracket', start: m.index, end: m.index + m[0].length});
      }
    }
  }

  /**
   * Author–date citations, "(Harbour Gazette, 2026)", count when the name matches a
   * listed source: some briefs cite a References list that way.
   */
  private addAuthorDate(doc: BriefDocument) {
    if (!doc.sources.length) return;
    let listed: ListedNames | undefined;
    for (const section of doc.sections) {
      for (const block of section.blocks) {
        if (block.footnote || block.masked.indexOf('(') < 0 || doc.roleOf(block) === 'sources') continue;
        const re = /\(([^()\n]{2,160})\)/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(block.masked))) {
          const ad = AUTHOR_DATE.exec(m[1]);
          if (!ad) continue;
          const name = ad[1].replace(/\s+/g, ' ').trim().toLowerCase();
          if (name.length < 3 || MONTH_NAME.test(name)) continue;
          if ((listed ??= new ListedNames(doc.sources.map((s) => s.text.toLowerCase()))).has(name)) this.add(block, {kind: 'bracket', start: m.index, end: m.index + m[0].length});
        }
      }
    }
  }

  private add(block: Block, c: LocalCitation) {
    const local = this.localMap!;
    const list = local.get(block);
    if (list) list.push(c);
    else local.set(block, [c]);
  }

  citationsOf(block: Block): LocalCitation[] {
    return this.local.get(block) ?? [];
  }

  /** Is a claim in `sentence` (a span of `block.facts.sentences`) covered by a citation in its unit? */
  isCited(block: Block, sentence: Span): boolean {
    const place = this.places.get(block);
    // A block the document derived (a judgement stated in a heading): its own citations.
    if (!place) return this.citationsOf(block).length > 0 || block.citations.length > 0;
    const blocks = place.section.blocks;
    if (block.listDepth > 0) {
      // The whole top-level list item.
      const groups = this.groupsOf(place.section);
      const g = groups.get(block.group);
      if (!g) return false;
      if (g.cited) return true;
      if (g.leadIn === undefined) {
        // A lead-in that ends with a colon and cites a source covers its list: the last block
        // outside any list before the item.
        const b = g.plainBefore >= 0 ? blocks[g.plainBefore] : undefined;
        g.leadIn = !!b && b.kind !== 'heading' && !b.quoted && /:\s*$/.test(b.masked.slice(0, b.end - b.base)) && this.citationsOf(b).length > 0;
      }
      return g.leadIn;
    }
    if (block.kind === 'tableRow') {
      const known = this.tableCache.get(block);
      if (known !== undefined) return known;
      let a = place.index;
      let z = place.index;
      while (a > 0 && blocks[a - 1].kind === 'tableRow') a--;
      while (z + 1 < blocks.length && blocks[z + 1].kind === 'tableRow') z++;
      const rows = blocks.slice(a, z + 1);
      if (a > 0 && blocks[a - 1].kind === 'paragraph') a--;
      if (z + 1 < blocks.length && blocks[z + 1].kind === 'paragraph') z++;
      let cited = false;
      for (let i = a; i <= z && !cited; i++) if (this.citationsOf(blocks[i]).length) cited = true;
      for (const r of rows) this.tableCache.set(r, cited);
      return cited;
    }
    const {sentences, cited} = this.sentenceCitations(block);
    let i = firstEndingAfter(sentences, sentence.start);
    if (i < sentences.length && !(sentences[i].start < sentence.end)) i = -1;
    if (i < 0 || i >= sentences.length) return this.citationsOf(block).length > 0;
    // The same sentence, or the next one (skipping sentences made of citations only).
    return cited[i] || (i + 1 < cited.length && cited[i + 1]);
  }

  private groupCache = new Map<BriefSection, Map<number, Group>>();
  private tableCache = new Map<Block, boolean>();

  /** For each top-level unit of a section: its first block and whether any of its blocks cites a source. */
  private groupsOf(section: BriefSection): Map<number, Group> {
    let groups = this.groupCache.get(section);
    if (groups) return groups;
    groups = new Map();
    // The last block outside any list so far: each group's candidate lead-in, found in this one
    // pass (a walk back over the list items before each group was quadratic in a long run of lists).
    let plain = -1;
    section.blocks.forEach((b, i) => {
      if (b.kind !== 'heading') {
        let g = groups!.get(b.group);
        if (!g) groups!.set(b.group, (g = {first: i, plainBefore: plain, cited: false}));
        if (this.citationsOf(b).length) g.cited = true;
      }
      if (b.listDepth === 0) plain = i;
    });
    this.groupCache.set(section, groups);
    return groups;
  }

  /** Sentences of a block and whether each carries a citation. A sentence of citations only ("[S3].") joins the one before. */
  private sentenceCitations(block: Block): {sentences: Span[]; cited: boolean[]} {
    const cached = this.sentenceCache.get(block);
    if (cached) return cached;
    const citations = this.citationsOf(block);
    // Both walks below go by position (sentences are in text order): linear in a long paragraph,
    // where a scan of every citation for every sentence was quadratic.
    const byStart = inStartOrder(citations);
    const sentences: Span[] = [];
    let from = 0;
    for (const s of block.facts.sentences) {
      // Citations ending before this sentence end before every later one too.
      while (from < byStart.length && byStart[from].end <= s.start) from++;
      if (sentences.length && citationOnly(block, s, byStart, from)) sentences[sentences.length - 1] = {start: sentences[sentences.length - 1].start, end: s.end};
      else sentences.push({...s});
    }
    const cited = sentences.map(() => false);
    for (const c of citations) {
      // Link text is prose: place a link by its first character; markers by where they stand.
      const p = c.kind === 'link' || c.kind === 'reference' ? c.start + 1 : c.start;
      // The last sentence starting at or before it (the first when none does).
      if (cited.length) cited[Math.max(0, firstAtOrAfter(sentences, p + 1, startOf) - 1)] = true;
    }
    const out = {sentences, cited};
    this.sentenceCache.set(block, out);
    return out;
  }

  /**
   * Ids of Sources entries that the body cites in brackets ("[S3]", "[S1, S4]",
   * "[S1][S2]"), normalised with `entryKey`. Citations inside the Sources section and
   * footnote bodies do not count.
   */
  citedEntryIds(): Set<string> {
    const out = new Set<string>();
    const inBody = (b: Block) => this.doc.roleOf(b) !== 'sources' && !b.footnote;
    for (const c of this.doc.citations) {
      if (!inBody(c.block)) continue;
      if (c.kind === 'bracket' && c.id && (c.source?.kind === 'entry' || !c.resolved)) out.add(entryKey(c.id));
      if (c.kind === 'reference' && !c.resolved) {
        // "[S1][S2]": two bracketed ids that Markdown reads as a reference link.
        const textPart = this.doc.text.slice(c.start + 1, c.end).split('][')[0];
        for (const id of [c.id ?? '', textPart]) if (SOURCE_ID.test(id.trim())) out.add(entryKey(id));
      }
    }
    for (const l of this.listedIds) if (inBody(l.block)) out.add(entryKey(l.id));
    return out;
  }

  /** Is this source cited anywhere (directly, or by an id the document model does not resolve)? */
  isSourceCited(source: SourceEntry, citedIds = this.citedEntryIds()): boolean {
    if (source.citedBy.length) return true;
    if (source.kind === 'footnote' && source.id) return this.bracketFootnoteIds().has(entryKey(source.id));
    return source.kind === 'entry' && !!source.id && citedIds.has(entryKey(source.id));
  }

  private footnoteIdsCache?: Set<string>;

  /** Footnote labels cited in brackets without the caret: "[S1]" for "[^S1]: …". */
  bracketFootnoteIds(): Set<string> {
    if (this.footnoteIdsCache) return this.footnoteIdsCache;
    const footnotes = new Set(this.doc.sources.filter((s) => s.kind === 'footnote' && s.id).map((s) => entryKey(s.id!)));
    const out = new Set<string>();
    for (const c of this.doc.citations) {
      if (c.kind === 'bracket' && !c.resolved && c.id && footnotes.has(entryKey(c.id))) out.add(entryKey(c.id));
    }
    for (const l of this.listedIds) if (footnotes.has(entryKey(l.id))) out.add(entryKey(l.id));
    this.footnoteIdsCache = out;
    return out;
  }
}

function citationOnly(block: Block, s: Span, byStart: readonly LocalCitation[], from: number): boolean {
  let text = block.masked.slice(s.start, s.end);
  // `byStart` in start order, and none before `from` reaches into the sentence.
  for (let k = from; k < byStart.length && byStart[k].start < s.end; k++) {
    const c = byStart[k];
    const a = Math.max(c.start, s.start) - s.start;
    const b = Math.min(c.end, s.end) - s.start;
    if (b > a) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return !/[\p{L}\p{N}]/u.test(text);
}

/** "S1, S4" / "S1; S4" / "S1 and S4" → the ids with their offsets, or undefined when any part is not an id. */
export function splitIds(label: string): Array<{id: string; offset: number}> | undefined {
  const parts: Array<{id: string; offset: number}> = [];
  const re = /[^,;]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(label))) {
    for (const piece of m[0].split(/\s+and\s+|\s*[&]\s*/)) {
      const id = piece.trim();
      if (!id) continue;
      if (!SOURCE_ID.test(id)) return undefined;
      parts.push({id, offset: label.indexOf(id, m.index)});
    }
  }
  return parts.length > 1 ? parts : undefined;
}

/** Is the text before `pos` in this sentence the analyst's own estimate ("likely", "we assess", "high confidence")? */
export function estimativeBefore(block: Block, sentence: Span, pos: number): boolean {
  const f = block.facts;
  // Hits are in text order: look only at the first one at or after the sentence's start
  // (a scan of every hit per claim was quadratic on long one-line evidence).
  for (const hits of [f.terms, f.confidence]) {
    const h = hits[firstAtOrAfter(hits, sentence.start, startOf)];
    if (h && h.start < pos) return true;
  }
  const head = block.masked.slice(sentence.start, pos);
  return /^[\s"“(]*(?:we|i)\s+(?:(?:now|still|also|therefore|continue\s+to)\s+)?(?:assess|judge|estimate|expect|forecast|project|anticipate|calculate|believe|think)(?!\p{L})/iu.test(head)
    || /^[\s"“(]*(?:if|unless|should|were|watch\s+for|indicators?)(?!\p{L})/iu.test(head);
}

/** The document's line break: CRLF when it uses any, else LF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Where to append a block at the end of `text`, and the line breaks to put before it
 * so that it starts a new block (or, when `tight`, just a new line).
 */
export function appendPoint(text: string, tight: boolean): {at: number; prefix: string} {
  const at = text.length;
  const nl = eolOf(text);
  if (!text.trim()) return {at, prefix: ''};
  const endsWithNewline = text.endsWith('\n');
  if (tight) return {at, prefix: endsWithNewline ? '' : nl};
  return {at, prefix: endsWithBlankLine(text) ? '' : endsWithNewline ? nl : nl + nl};
}

/**
 * Does `text` end with a blank line: a line break, a line of spaces at most, a line break, then
 * only white space? Only the trailing white space is read (a pattern anchored with `$` is tried
 * at every line break of the text).
 */
export function endsWithBlankLine(text: string): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(text.trimEnd().length));
}

/** Offset of the line break ending the line that contains `pos` (the text's length on the last line). */
export function lineEndAt(text: string, pos: number): number {
  const n = text.indexOf('\n', pos);
  if (n < 0) return text.length;
  return n > 0 && text[n - 1] === '\r' ? n - 1 : n;
}

/**
 * Range that names a source: its id, the number of a numbered list entry ("2."), or
 * else the entry's first line.
 */
export function sourceIdRange(doc: BriefDocument, s: SourceEntry): {start: number; end: number} {
  if (s.idEnd > s.idStart) return {start: s.idStart, end: s.idEnd};
  const lineStart = doc.text.lastIndexOf('\n', s.start - 1) + 1;
  const marker = /(\d{1,9})[.)][ \t]+$/.exec(doc.text.slice(lineStart, s.start));
  if (marker && s.id === marker[1]) {
    const start = lineStart + marker.index;
    return {start, end: start + marker[1].length};
  }
  const nl = doc.text.indexOf('\n', s.start);
  return {start: s.start, end: Math.min(s.end, nl < 0 ? s.end : nl)};
}

/** Index of the first span (sorted, non-overlapping) whose end is after `pos`; `spans.length` if none. */
export function firstEndingAfter(spans: ReadonlyArray<{end: number}>, pos: number): number {
  return firstAtOrAfter(spans, pos + 1, endOf);
}

/** The citations in start order: the list itself when it already is (it usually is). */
function inStartOrder(citations: readonly LocalCitation[]): readonly LocalCitation[] {
  for (let i = 1; i < citations.length; i++) {
    if (citations[i].start < citations[i - 1].start) return [...citations].sort((x, y) => x.start - y.start);
  }
  return citations;
}

/** Index of the span (sorted, non-overlapping) that contains `pos`, or -1. */
export function spanIndexAt(spans: ReadonlyArray<{start: number; end: number}>, pos: number): number {
  const i = firstEndingAfter(spans, pos);
  return i < spans.length && spans[i].start <= pos ? i : -1;
}
