import {ownCopy} from '../text/utf16.js';
import {sameItems} from '../text/compare.js';
import {LineIndex} from '../text/lines.js';
import {parseFrontMatter, type FrontMatter} from './frontmatter.js';
import {splitSections, type SectionCut} from './split.js';
import {analyseSection, entryKey, normaliseLabel, type Block, type Comment, type Definition, type SectionAnalysis, type SectionHeading} from './section.js';
import {builtinScales, commonTerms, DEFAULT_SCALE, type Scale, type ScaleTerm} from '../scales/index.js';
import {Lexicon, readForm} from '../scales/lexicon.js';
import {defaultConfig, type ResolvedConfig} from '../config/types.js';
import type {InlineCitation} from '../analysis/inline.js';
import {analyseBlock} from '../analysis/block.js';
import {SectionCache} from './cache.js';
import {Slot} from './slot.js';
import {mapPacked} from '../text/packed.js';
import {firstAtOrAfter} from '../text/sorted.js';

export type SectionRole = 'preamble' | 'title' | 'summary' | 'judgements' | 'judgement' | 'sources' | 'other';

export interface BriefSection {
  index: number;
  start: number;
  end: number;
  /** End of the section together with its subsections. */
  treeEnd: number;
  heading?: SectionHeading;
  /** Heading level; 0 for text before the first heading. */
  level: number;
  role: SectionRole;
  /** Nearest enclosing section (by heading level). */
  parent?: BriefSection;
  /** Judgement number when the heading names one ("Key Judgement 3"). */
  judgementNumber?: number;
  blocks: Block[];
  analysis: SectionAnalysis;
  /** The section's own comments, fenced code, footnote/link definitions and citations (absolute offsets). */
  comments: Comment[];
  code: Array<{start: number; end: number}>;
  definitions: Definition[];
  /** Every inline citation of the section's blocks, before resolution against the sources. */
  candidates: Citation[];
}

export interface EvidenceItem {
  blocks: Block[];
  start: number;
  end: number;
  citations: Citation[];
}

export interface Judgement {
  index: number;
  /** The number as written (heading or ordered list), if any. */
  number?: number;
  layout: 'heading' | 'list';
  section: BriefSection;
  /** The judgement's own sentence(s); absent when a judgement heading has no text under it. */
  statement?: Block;
  /** Evidence under the judgement (heading layout only). */
  evidence: EvidenceItem[];
  /** Likelihood expressions in the statement, with their band on the document's scale (or their own). */
  likelihood: LikelihoodExpression[];
  /** Confidence phrases in the statement ("high confidence"). */
  confidence: Phrase[];
  /** Time bounds in the statement ("over the next 12 months"). */
  timeframes: Phrase[];
}

export interface Phrase {
  text: string;
  start: number;
  end: number;
}

export interface LikelihoodExpression extends Phrase {
  /** The term it expresses, e.g. "likely" for "probably". */
  term: ScaleTerm;
  /** The scale the band comes from: the document's when the phrase is on it. */
  scale: Scale;
  onScale: boolean;
}

export interface SourceEntry {
  kind: 'footnote' | 'link' | 'entry';
  id?: string;
  start: number;
  end: number;
  idStart: number;
  idEnd: number;
  text: string;
  /** Admiralty grade such as "B2". */
  grade?: string;
  /** A date or year found in the entry. */
  date?: string;
  /** Citations that point at this entry. */
  citedBy: Citation[];
}

export interface Citation extends InlineCitation {
  /** Absolute offsets (the inline citation's are shifted). */
  block: Block;
  section: BriefSection;
  source?: SourceEntry;
  /** For footnote and bracket-id citations: false when nothing defines the id. */
  resolved: boolean;
}

/** Where a text differs from the one before it: `[from, oldTo)` there became `[from, newTo)` here. */
export interface TextChange {
  from: number;
  oldTo: number;
  newTo: number;
}

export interface BriefDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  bodyStart: number;
  /**
   * Parsed as an edit of a previous document (`ParseOptions.previous`): the range that
   * changed; `null` when the text is the same; undefined for a parse from scratch.
   */
  change?: TextChange | null;
  /** The source definitions (kinds, ids, texts), as one string: equal keys resolve citations alike. */
  sourcesKey: string;
  sections: BriefSection[];
  title?: {text: string; start: number; end: number};
  summary?: BriefSection;
  sourcesSection?: BriefSection;
  judgements: Judgement[];
  /** Body blocks that are neither summary, judgement statements, sources nor quoted text. */
  evidenceBlocks: Block[];
  sources: SourceEntry[];
  citations: Citation[];
  comments: Comment[];
  code: Array<{start: number; end: number}>;
  scale: Scale;
  /** Where the scale came from. */
  scaleOrigin: 'front-matter' | 'config' | 'default';
  lexicon: Lexicon;
  config: ResolvedConfig;
  /** Role of the section each block belongs to. */
  roleOf(block: Block): SectionRole;
}

export interface ParseOptions {
  config?: ResolvedConfig;
  cache?: SectionCache;
  /**
   * The document this text is an edit of (same config). Its unchanged sections are reused
   * and shifted in place, so a keystroke costs one section's analysis plus a pass over the
   * section list. The previous document is consumed: do not use it afterwards.
   */
  previous?: BriefDocument;
}

/** "Key Judgement 3:", "KJ 2 –", "Judgment No. 4": the label of a judgement heading. */
// The dashes written as escapes: the bundle build escapes non-ASCII characters, which it cannot do in a raw template (scripts/bundle-cli.mjs).
const LABEL = String.raw`(?:key\s+judge?ments?|kj|judge?ments?|key\s+assessments?|assessment)\s*(?:no\.?\s*)?#?\s*(\d{1,3})\b\s*[:.)\-\u2013\u2014]?\s*`;
const JUDGEMENT_HEADING = new RegExp(`^${LABEL}(.*)$`, 'i');
const JUDGEMENT_LABEL = new RegExp(`^${LABEL}`, 'i');
const SOURCE_ID_TEXT = /^(?:S|R|Src|Ref|Source)?\s?\d{1,3}[a-z]?$/i;
const sharedCache = new SectionCache();
const lexicons = new Map<string, Lexicon>();

/** The role of a section, looking through untitled subsections to the nearest meaningful one. */
export function effectiveRole(section: BriefSection): SectionRole {
  for (let p: BriefSection | undefined = section; p; p = p.parent) {
    if (p.role !== 'other' && p.role !== 'title') return p.role;
  }
  return section.role;
}

/** The last lexicon of each configuration's scales, while they are the same scale objects (a key is ~0.1 ms to build). */
const lexiconOfScales = new WeakMap<ResolvedConfig['scales'], {own: Scale[]; lexicon: Lexicon}>();

export function lexiconFor(config: ResolvedConfig): Lexicon {
  const own = Object.values(config.scales);
  const known = lexiconOfScales.get(config.scales);
  if (known && known.own.length === own.length && known.own.every((s, i) => s === own[i])) return known.lexicon;
  const lexicon = lexiconForScales([...builtinScales.values(), ...own]);
  lexiconOfScales.set(config.scales, {own, lexicon});
  return lexicon;
}

function lexiconForScales(scales: Scale[]): Lexicon {
  const key = scales.map((s) => s.id + ':' + JSON.stringify(s.terms)).join('|');
  let lex = lexicons.get(key);
  if (!lex) {
    lex = new Lexicon(scales, commonTerms);
    if (lexicons.size > 20) lexicons.clear();
    lexicons.set(key, lex);
  }
  return lex;
}

export function findScale(id: string, config: ResolvedConfig): Scale | undefined {
  return config.scales[id] ?? builtinScales.get(id);
}

const namedRoles = new WeakMap<ResolvedConfig['sections'], Map<string, SectionRole | undefined>>();

/** The role a heading's text gives by the configured section names (memoised: headings rarely change). */
function namedRole(text: string, names: ResolvedConfig['sections']): SectionRole | undefined {
  let memo = namedRoles.get(names);
  if (!memo) namedRoles.set(names, (memo = new Map()));
  if (memo.has(text)) return memo.get(text);
  const role: SectionRole | undefined = headingMatches(text, names.summary)
    ? 'summary'
    : headingMatches(text, names.judgements)
      ? 'judgements'
      : headingMatches(text, names.sources)
        ? 'sources'
        : undefined;
  if (memo.size > 10000) memo.clear();
  memo.set(text, role);
  return role;
}

function headingMatches(text: string, names: string[]): boolean {
  const t = text.toLowerCase().replace(/^[\d.\s]+/, '').replace(/[:.\s]+$/, '').replace(/\s+/g, ' ').trim();
  return names.some((n) => n.toLowerCase() === t);
}

function shiftBlock(b: Block, by: number): Block {
  // Field by field (not spread): one object shape for every block.
  return {
    kind: b.kind,
    start: b.start + by,
    end: b.end + by,
    base: b.base + by,
    masked: b.masked,
    group: b.group,
    listDepth: b.listDepth,
    itemStart: b.itemStart,
    quoted: b.quoted,
    footnote: b.footnote,
    citations: b.citations,
    facts: b.facts,
  };
}

interface SourceTables {
  sources: SourceEntry[];
  footnotes: Map<string, SourceEntry>;
  links: Map<string, SourceEntry>;
  entries: Map<string, SourceEntry>;
  /** Kinds, ids and texts of the sources, as one string (see `BriefDocument.sourcesKey`). */
  sourcesKey: string;
}

const sourceTables = new Slot<BriefDocument, SourceTables>('source tables');

function sourceTablesOf(sources: SourceEntry[]): SourceTables {
  const tables: SourceTables = {sources, footnotes: new Map(), links: new Map(), entries: new Map(), sourcesKey: ''};
  const keys: string[] = [];
  for (const src of sources) {
    keys.push(src.kind[0], src.id ?? '', src.text);
    if (!src.id) continue;
    const map = src.kind === 'footnote' ? tables.footnotes : src.kind === 'link' ? tables.links : tables.entries;
    const key = src.kind === 'entry' ? entryKey(src.id) : normaliseLabel(src.id);
    if (!map.has(key)) map.set(key, src);
  }
  const sourcesKey = keys.join('\u0000');
  // Equal keys become one string, compared by reference from then on.
  if (sourcesKey === lastSourcesKey) tables.sourcesKey = lastSourcesKey;
  else tables.sourcesKey = lastSourcesKey = sourcesKey;
  return tables;
}

const evidenceMemo = new Slot<BriefSection, Block[]>('evidence candidates');

/** A section's blocks that can be evidence (not headings, footnote bodies or block quotes). */
function evidenceCandidates(s: BriefSection): Block[] {
  return evidenceMemo.memo(s, evidenceOf);
}

function evidenceOf(s: BriefSection): Block[] {
  return s.blocks.filter((b) => b.kind !== 'heading' && !b.footnote && !b.quoted);
}

/** The section each block (with absolute offsets) belongs to: set once, when the block is made. */
const sectionOfBlock = new Slot<Block, BriefSection>('section');
const sourceOfDefinition = new Slot<Definition, SourceEntry>('source entry');
/** The source keys of the last document parsed: equal keys are then one string, compared by reference. */
let lastSourcesKey = '';

/** The kept (resolved, or source-id-like) citations of some blocks of one document, in order. */
function citationsIn(blocks: Block[]): Citation[] {
  const out: Citation[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b.citations.length) continue;
    const s = sectionOfBlock.get(b);
    if (!s) continue;
    // A section's candidates follow its blocks' order, so a block's are found by bisection: a scan
    // of the section's list for each evidence item was quadratic in a long evidence list.
    const list = s.candidates;
    for (let k = firstAtOrAfter(list, b.start, blockStartOf); k < list.length && list[k].block.start === b.start; k++) {
      if (list[k].block === b && isKept(list[k])) out.push(list[k]);
    }
  }
  return out;
}

const blockStartOf = (c: Citation) => c.block.start;

const labelKeys = new Slot<Citation, string>('label key');
const entryIdKeys = new Slot<Citation, string>('entry key');

/** A citation's id as a footnote or link label key, and as a Sources-entry key, kept with the citation: a keystroke resolves every citation again. */
const labelKey = (c: Citation): string => labelKeys.memo(c, labelOf);
const entryIdKey = (c: Citation): string => entryIdKeys.memo(c, entryIdOf);
const labelOf = (c: Citation): string => normaliseLabel(c.id!);
const entryIdOf = (c: Citation): string => entryKey(c.id!);

/** Plain bracketed text that resolves to nothing and does not look like a source id is not a citation. */
function isKept(c: Citation): boolean {
  return c.kind !== 'bracket' || !!c.source || SOURCE_ID_TEXT.test(c.id!.trim());
}

/** A section of `text` at `cut`, from its (cached) analysis: everything shifted to absolute offsets. */
function buildSection(cut: SectionCut, analysis: SectionAnalysis): BriefSection {
  const by = cut.start;
  const heading = analysis.heading && {
    ...analysis.heading,
    start: analysis.heading.start + by,
    end: analysis.heading.end + by,
    textStart: analysis.heading.textStart + by,
    textEnd: analysis.heading.textEnd + by,
  };
  const section: BriefSection = {
    index: 0,
    start: cut.start,
    end: cut.end,
    treeEnd: cut.end,
    heading,
    level: heading?.level ?? 0,
    role: 'other',
    parent: undefined,
    judgementNumber: undefined,
    blocks: mapPacked(analysis.blocks, (b) => shiftBlock(b, by)),
    analysis,
    comments: mapPacked(analysis.comments, (c) => ({start: c.start + by, end: c.end + by, body: c.body})),
    code: mapPacked(analysis.code, (c) => ({start: c.start + by, end: c.end + by})),
    definitions: mapPacked(analysis.definitions, (d) => ({kind: d.kind, id: d.id, start: d.start + by, end: d.end + by, idStart: d.idStart + by, idEnd: d.idEnd + by, text: d.text})),
    candidates: [],
  };
  for (const b of section.blocks) {
    sectionOfBlock.set(b, section);
    for (const c of b.citations) {
      // Built field by field (not spread): one object shape, which keeps the hot loops fast.
      section.candidates.push({
        kind: c.kind,
        id: c.id,
        url: c.url,
        start: c.start + b.base,
        end: c.end + b.base,
        idStart: c.idStart !== undefined ? c.idStart + b.base : undefined,
        idEnd: c.idEnd !== undefined ? c.idEnd + b.base : undefined,
        block: b,
        section,
        source: undefined,
        resolved: true,
      });
    }
  }
  return section;
}

/** Moves a reused section (unchanged text) by `d` characters, in place. */
function shiftSection(s: BriefSection, d: number): void {
  if (d === 0) return;
  s.start += d;
  s.end += d;
  s.treeEnd += d;
  if (s.heading) {
    s.heading.start += d;
    s.heading.end += d;
    s.heading.textStart += d;
    s.heading.textEnd += d;
  }
  for (const b of s.blocks) {
    b.start += d;
    b.end += d;
    b.base += d;
  }
  for (const c of s.comments) {
    c.start += d;
    c.end += d;
  }
  for (const c of s.code) {
    c.start += d;
    c.end += d;
  }
  for (const x of s.definitions) {
    x.start += d;
    x.end += d;
    x.idStart += d;
    x.idEnd += d;
  }
  for (const c of s.candidates) {
    c.start += d;
    c.end += d;
    if (c.idStart !== undefined) c.idStart += d;
    if (c.idEnd !== undefined) c.idEnd += d;
  }
}

/** Length of the common prefix of two texts: chunks compared whole (memcmp), then characters. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (p + chunk <= max && a.slice(p, p + chunk) === b.slice(p, p + chunk)) p += chunk;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of two texts, not overlapping a common prefix of length `p`. */
function commonSuffix(a: string, b: string, p: number): number {
  const max = Math.min(a.length, b.length) - p;
  let q = 0;
  for (let chunk = 65536; chunk >= 16; chunk >>= 4) {
    while (q + chunk <= max && a.slice(a.length - q - chunk, a.length - q) === b.slice(b.length - q - chunk, b.length - q)) q += chunk;
  }
  while (q < max && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return q;
}

/** Can `text` be parsed as an edit of `previous`: same configuration, same front matter? */
function reusable(previous: BriefDocument, text: string, config: ResolvedConfig, lexicon: Lexicon, frontMatter: FrontMatter | undefined): boolean {
  if (previous.config !== config || previous.lexicon !== lexicon) return false;
  // The same front matter (reused above), or none before and none now.
  return frontMatter === previous.frontMatter;
}

/**
 * The sections of `text`, reusing those of `previous` outside the edited range: the
 * sections before it as they are, the ones after it shifted in place. Only the text from
 * the section before the edit to the first heading after it (where the cuts agree with
 * the previous ones again) is split and analysed anew.
 */
function reuseSections(previous: BriefDocument, text: string, cache: SectionCache, lexicon: Lexicon): {sections: BriefSection[]; change: TextChange | null} {
  const old = previous.text;
  const old_ = previous.sections;
  const p = commonPrefix(old, text);
  const q = commonSuffix(old, text, p);
  const delta = text.length - old.length;
  if (p === old.length && p === text.length) return {sections: old_.slice(), change: null};
  const change: TextChange = {from: p, oldTo: old.length - q, newTo: text.length - q};
  // First section that may change: the one before the section holding the edit (a new
  // setext underline or a broken heading can move the cut between them).
  let lo = 0;
  let hi = old_.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (old_[mid].start <= p) lo = mid;
    else hi = mid - 1;
  }
  const first = Math.max(0, lo - 1);
  const from = old_[first].start;
  const newDirtyEnd = text.length - q;
  // Old sections by start, for re-synchronising after the edit.
  const oldIndexAt = (start: number): number => {
    let a = first;
    let b = old_.length - 1;
    while (a <= b) {
      const m = (a + b) >> 1;
      if (old_[m].start === start) return m;
      if (old_[m].start < start) a = m + 1;
      else b = m - 1;
    }
    return -1;
  };
  let resume = -1;
  const cuts = splitSections(text, from, (cut) => {
    if (cut < newDirtyEnd) return false;
    resume = oldIndexAt(cut - delta);
    return resume >= 0;
  });
  const sections = old_.slice(0, first);
  const candidates = new Map<SectionAnalysis, BriefSection[]>();
  for (let k = first; k < (resume >= 0 ? resume : old_.length); k++) {
    const list = candidates.get(old_[k].analysis);
    if (list) list.push(old_[k]);
    else candidates.set(old_[k].analysis, [old_[k]]);
  }
  for (const cut of cuts) {
    const analysis = cache.get(text.slice(cut.start, cut.end), lexicon, analyseSection);
    const same = candidates.get(analysis)?.shift();
    if (same) {
      shiftSection(same, cut.start - same.start);
      sections.push(same);
    } else {
      sections.push(buildSection(cut, analysis));
    }
  }
  if (resume >= 0) {
    for (let k = resume; k < old_.length; k++) {
      shiftSection(old_[k], delta);
      sections.push(old_[k]);
    }
  }
  return {sections, change};
}

export function parseBrief(text: string, options: ParseOptions = {}): BriefDocument {
  const config = options.config ?? defaultConfig();
  const cache = options.cache ?? sharedCache;
  const lexicon = lexiconFor(config);
  // An edit below the front matter leaves it as it was.
  const prev = options.previous;
  // (Only a closed block ending in a line break: else text after it could still close or change it.)
  const pfm = prev?.frontMatter;
  const sameFrontMatter = !!pfm && pfm.range.end > pfm.contentRange.start && prev!.text.charCodeAt(pfm.range.end - 1) === 10 && text.startsWith(prev!.text.slice(0, pfm.range.end));
  const frontMatter = sameFrontMatter ? pfm : parseFrontMatter(text);
  const bodyStart = frontMatter ? frontMatter.range.end : 0;

  // Scale: front matter, then config, then the default.
  let scale: Scale | undefined;
  let scaleOrigin: BriefDocument['scaleOrigin'] = 'default';
  const fmScale = frontMatter?.data.scale;
  if (typeof fmScale === 'string' && findScale(fmScale.trim().toLowerCase(), config)) {
    scale = findScale(fmScale.trim().toLowerCase(), config);
    scaleOrigin = 'front-matter';
  } else if (config.scale && findScale(config.scale, config)) {
    scale = findScale(config.scale, config);
    scaleOrigin = config.scale === DEFAULT_SCALE ? 'default' : 'config';
  }
  scale ??= builtinScales.get(DEFAULT_SCALE)!;

  let sections: BriefSection[];
  let change: TextChange | null | undefined;
  if (prev && reusable(prev, text, config, lexicon, frontMatter)) {
    ({sections, change} = reuseSections(prev, text, cache, lexicon));
  } else {
    sections = mapPacked(splitSections(text, bodyStart), (cut) => buildSection(cut, cache.get(text.slice(cut.start, cut.end), lexicon, analyseSection)));
  }
  const comments: Comment[] = [];
  const code: BriefDocument['code'] = [];
  const definitions: Definition[] = [];
  const stack: BriefSection[] = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    const level = section.level;
    while (stack.length && stack[stack.length - 1].level >= level && level > 0) stack.pop();
    section.index = i;
    section.treeEnd = section.end;
    section.role = 'other';
    section.judgementNumber = undefined;
    section.parent = level > 0 ? stack[stack.length - 1] : undefined;
    for (let p = section.parent; p; p = p.parent) p.treeEnd = section.end;
    if (level > 0) stack.push(section);
    for (const c of section.comments) comments.push(c);
    for (const c of section.code) code.push(c);
    for (const d of section.definitions) definitions.push(d);
  }

  // Roles.
  let title: BriefDocument['title'];
  const names = config.sections;
  for (const s of sections) {
    if (!s.heading) {
      s.role = s.parent ? s.parent.role : 'preamble';
      continue;
    }
    const h = s.heading.text;
    const kj = JUDGEMENT_HEADING.exec(h);
    if (s.level === 1 && !title && !kj) {
      s.role = 'title';
      title = {text: h, start: s.heading.textStart, end: s.heading.textEnd};
    } else if (kj) {
      s.role = 'judgement';
      s.judgementNumber = Number(kj[1]);
    } else {
      const named = namedRole(h, names);
      if (named) s.role = named;
    }
    // Subsections keep role 'other'; effectiveRole() finds the enclosing section's role.
  }
  const fmTitle = frontMatter?.data.title;
  if (!title && typeof fmTitle === 'string' && frontMatter) {
    const entry = frontMatter.entries.find((e) => e.key === 'title');
    if (entry) title = {text: fmTitle, start: entry.valueRange.start, end: entry.valueRange.end};
  }

  // Role of a block is the role of the nearest section that has a meaningful one.

  // Judgements.
  const judgements: Judgement[] = [];
  const statements = new Set<Block>();
  const memos: JudgementMemo[] = [];
  for (const s of sections) {
    if (s.role === 'judgement') {
      // The statement and evidence come from the judgement's section tree: unchanged tree, same answer (moved with it).
      let end = s.index + 1;
      while (end < sections.length && sections[end].start < s.treeEnd) end++;
      let memo = judgementMemos.get(s);
      if (memo && memo.tree.length === end - s.index && memo.tree.every((t, k) => t === sections[s.index + k])) {
        const d = s.start - memo.start;
        if (d !== 0) {
          for (const item of memo.evidence) {
            item.start += d;
            item.end += d;
          }
          memo.start = s.start;
          // A statement carried by the heading is a block of its own: move it with the heading.
          const heading = s.blocks[0];
          if (memo.statement && heading?.kind === 'heading' && memo.statement !== heading && !s.blocks.includes(memo.statement)) headingStatement(heading, lexicon);
        }
      } else {
        const tree = sections.slice(s.index, end);
        memo = {tree, start: s.start, ...judgementParts(s, tree, lexicon), sourcesKey: undefined};
        judgementMemos.set(s, memo);
      }
      const {statement, evidence} = memo;
      if (statement) statements.add(statement);
      memos.push(memo);
      judgements.push({index: judgements.length, number: s.judgementNumber, layout: 'heading', section: s, statement, evidence, ...describe(statement, scale, lexicon)});
    } else if (s.role === 'judgements') {
      let hasJudgementHeadings = false;
      for (let k = s.index + 1; k < sections.length && sections[k].start < s.treeEnd; k++) {
        if (sections[k].role === 'judgement') hasJudgementHeadings = true;
      }
      if (hasJudgementHeadings) continue;
      const byGroup = new Map<number, Block>();
      for (const b of s.blocks) {
        if (b.kind === 'heading' || b.footnote || b.quoted || b.group < 0) continue;
        if (!byGroup.has(b.group)) byGroup.set(b.group, b);
      }
      const groups = [...byGroup.values()];
      // An introduction ending with a colon ("We assess that:") is not a judgement.
      const list = groups.filter((b, i) => !(i === 0 && b.listDepth === 0 && /:\s*$/.test(b.masked.slice(0, b.end - b.base)) && groups.length > 1));
      for (const b of list) {
        statements.add(b);
        const num = b.listDepth > 0 ? /^\s*(?:>\s*)*(\d{1,9})[.)]/.exec(text.slice(b.base, b.base + 20)) : null;
        judgements.push({index: judgements.length, number: num ? Number(num[1]) : undefined, layout: 'list', section: s, statement: b, evidence: [], ...describe(b, scale, lexicon)});
      }
    }
  }

  // Sources: footnote and link definitions, and entries of a Sources section.
  const sources: SourceEntry[] = [];
  for (const d of definitions) {
    // One entry per definition, kept with it (definitions of reused sections move in place).
    let src = sourceOfDefinition.get(d);
    if (src) {
      src.start = d.start;
      src.end = d.end;
      src.idStart = d.idStart;
      src.idEnd = d.idEnd;
      src.citedBy = [];
    } else {
      const gd = gradeAndDate(d.text);
      src = {kind: d.kind, id: d.id, start: d.start, end: d.end, idStart: d.idStart, idEnd: d.idEnd, text: d.text, grade: gd.grade, date: gd.date, citedBy: []};
      sourceOfDefinition.set(d, src);
    }
    sources.push(src);
  }
  let sourcesSection: BriefSection | undefined;
  for (const s of sections) {
    if (effectiveRole(s) !== 'sources') continue;
    sourcesSection ??= s;
    const seen = new Set<number>();
    for (const b of s.blocks) {
      if (b.kind === 'heading' || b.footnote || seen.has(b.group)) continue;
      seen.add(b.group);
      const raw = b.masked.slice(b.start - b.base, b.end - b.base);
      const id = /^\s*\[?((?:S|R|Src|Ref)?\s?\d{1,3}[a-z]?)\]?[.:)]?\s/i.exec(text.slice(b.start, b.end)) ?? /^\s*\[([^\]]{1,40})\]/.exec(text.slice(b.start, b.end));
      const listNum = b.listDepth > 0 ? /^\s*(\d{1,3})[.)]/.exec(text.slice(b.base, b.start)) : null;
      const entryId = id ? id[1] : listNum ? listNum[1] : undefined;
      const idStart = id ? b.start + text.slice(b.start, b.end).indexOf(id[1]) : b.start;
      sources.push({kind: 'entry', id: entryId, start: b.start, end: b.end, idStart, idEnd: id ? idStart + id[1].length : b.start, text: raw.replace(/\s+/g, ' ').trim(), ...gradeAndDate(raw), citedBy: []});
    }
  }

  // Citations, resolved against the sources (lookup tables kept while the sources are the same objects).
  const before = prev && sourceTables.get(prev);
  const tables = before && sameItems(before.sources, sources) ? before : sourceTablesOf(sources);
  const {footnotes, links, entries, sourcesKey} = tables;
  const citations: Citation[] = [];
  const evidenceBlocks: Block[] = [];
  for (const s of sections) {
    const role = effectiveRole(s);
    if (role !== 'summary' && role !== 'sources' && role !== 'judgements') {
      // Only a judgement section holds its statement among its blocks.
      if (s.role === 'judgement') {
        for (const b of evidenceCandidates(s)) if (!statements.has(b)) evidenceBlocks.push(b);
      } else {
        for (const b of evidenceCandidates(s)) evidenceBlocks.push(b);
      }
    }
    for (const c of s.candidates) {
      c.source = undefined;
      c.resolved = true;
      if (c.kind === 'footnote') {
        c.source = footnotes.get(labelKey(c));
        c.resolved = !!c.source;
      } else if (c.kind === 'reference') {
        c.source = links.get(labelKey(c));
        c.resolved = !!c.source;
      } else if (c.kind === 'bracket') {
        c.source = links.get(labelKey(c)) ?? entries.get(entryIdKey(c));
        if (!c.source) {
          if (!isKept(c)) continue;
          c.resolved = false;
        }
      }
      if ((c.source && role !== 'sources') || (c.source && c.source.kind !== 'entry')) c.source?.citedBy.push(c);
      citations.push(c);
    }
  }

  // Which citations count depends on the source ids: recount only when those changed.
  for (const memo of memos) {
    if (memo.sourcesKey === sourcesKey) continue;
    for (const item of memo.evidence) item.citations = citationsIn(item.blocks);
    memo.sourcesKey = sourcesKey;
  }
  for (const j of judgements) {
    if (j.layout === 'list') for (const item of j.evidence) item.citations = citationsIn(item.blocks);
  }

  const doc: BriefDocument = {
    text,
    // Its lines are found on first use. Not a getter on the document: with one, V8's minor GC
    // kept every parsed document alive until a full GC (gc.test.ts; see parse/slot.ts).
    lines: new LineIndex(text),
    frontMatter,
    bodyStart,
    change,
    sourcesKey,
    sections,
    title,
    summary: sections.find((s) => s.role === 'summary'),
    sourcesSection,
    judgements,
    evidenceBlocks,
    sources,
    citations,
    comments,
    code,
    scale,
    scaleOrigin,
    lexicon,
    config,
    roleOf: (b: Block) => {
      const s = sectionOfBlock.get(b);
      return !s ? 'other' : b.footnote ? 'sources' : effectiveRole(s);
    },
  };
  sourceTables.set(doc, tables);
  return doc;
}

interface JudgementMemo {
  tree: BriefSection[];
  start: number;
  statement?: Block;
  evidence: EvidenceItem[];
  /** Source keys the evidence citations were worked out against. */
  sourcesKey: string | undefined;
}

/** Per judgement section: its statement and evidence, kept while its section tree is unchanged. */
const judgementMemos = new Slot<BriefSection, JudgementMemo>('judgement parts');

/** The statement and evidence items of a judgement heading section (`tree`: it and its subsections). */
function judgementParts(s: BriefSection, tree: BriefSection[], lexicon: Lexicon): {statement?: Block; evidence: EvidenceItem[]} {
  const content = s.blocks.filter((b) => b.kind !== 'heading' && !b.footnote);
  const headingText = s.heading ? (JUDGEMENT_HEADING.exec(s.heading.text)?.[2] ?? '') : '';
  let statement = content.find((b) => b.kind === 'paragraph' && b.listDepth === 0 && !b.quoted);
  const firstContent = content[0];
  if ((!statement || (firstContent && firstContent !== statement)) && headingText.split(/\s+/).length >= 4) {
    // "## Key Judgement 2: Russia is likely to…" with evidence straight after.
    const heading = s.blocks.find((b) => b.kind === 'heading');
    statement = heading && headingStatement(heading, lexicon);
  }
  // Evidence: one item per top-level unit (list item, paragraph) of each section in the tree.
  const evidence: EvidenceItem[] = [];
  for (const t of tree) {
    let current: EvidenceItem | undefined;
    for (const b of t.blocks) {
      if (b === statement || b.kind === 'heading' || b.footnote) continue;
      if (!current || b.group !== current.blocks[0].group) {
        current = {blocks: [], start: b.start, end: b.end, citations: []};
        evidence.push(current);
      }
      current.blocks.push(b);
      if (b.end > current.end) current.end = b.end;
    }
  }
  return {statement, evidence};
}

const described = new Slot<Block, {base: number; scale: Scale; lexicon: Lexicon; value: Pick<Judgement, 'likelihood' | 'confidence' | 'timeframes'>}>('described');

/** What a judgement statement expresses, with absolute ranges (kept with the block, and moved with it). */
function describe(block: Block | undefined, scale: Scale, lexicon: Lexicon): Pick<Judgement, 'likelihood' | 'confidence' | 'timeframes'> {
  if (!block) return {likelihood: [], confidence: [], timeframes: []};
  const memo = described.get(block);
  if (memo && memo.scale === scale && memo.lexicon === lexicon) {
    const d = block.base - memo.base;
    if (d !== 0) {
      for (const list of [memo.value.likelihood, memo.value.confidence, memo.value.timeframes]) {
        for (const phrase of list) {
          phrase.start += d;
          phrase.end += d;
        }
      }
      memo.base = block.base;
    }
    return memo.value;
  }
  const abs = (h: {text: string; start: number; end: number}): Phrase => ({text: h.text, start: block.base + h.start, end: block.base + h.end});
  const likelihood: LikelihoodExpression[] = [];
  for (const hit of block.facts.terms) {
    const reading = readForm(lexicon, scale, hit.form);
    if (!reading) continue;
    // Field by field, not spread (see the terms in analysis/block.ts): one hidden class for every expression.
    const at = abs(hit);
    likelihood.push({text: at.text, start: at.start, end: at.end, term: reading.term, scale: reading.scale, onScale: reading.onScale});
  }
  const value = {likelihood, confidence: block.facts.confidence.map(abs), timeframes: block.facts.timeframes.map(abs)};
  described.set(block, {base: block.base, scale, lexicon, value});
  return value;
}

const headingStatements = new Slot<Block, Block>('heading statement');

/** The judgement carried by a heading ("KJ 2: Fares are unlikely…"), without the label. */
function headingStatement(heading: Block, lexicon: Lexicon): Block {
  const memo = headingStatements.get(heading);
  if (memo) {
    // The heading may have moved (in place) since: move the statement with it.
    const d = heading.base - memo.base;
    memo.start += d;
    memo.end += d;
    memo.base += d;
    return memo;
  }
  const from = heading.start - heading.base;
  const label = JUDGEMENT_LABEL.exec(heading.masked.slice(from));
  if (!label) return heading;
  const rel = from + label[0].length;
  const masked = ' '.repeat(rel) + heading.masked.slice(rel);
  const statement = {...heading, start: heading.base + rel, masked, facts: analyseBlock(masked, lexicon), citations: heading.citations};
  headingStatements.set(heading, statement);
  return statement;
}

const GRADE = /(?<![\p{L}\p{N}])([A-F][1-6])(?![\p{L}\p{N}])/u;
const DATE = /(?<!\d)((?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d)(?!\d)/i;

const gradesAndDates = new Map<string, {grade?: string; date?: string}>();

function gradeAndDate(text: string): {grade?: string; date?: string} {
  let gd = gradesAndDates.get(text);
  if (!gd) {
    if (gradesAndDates.size > 20000) gradesAndDates.clear();
    // Keyed by a copy: a slice would keep the document it was cut from alive.
    gradesAndDates.set(ownCopy(text), (gd = {grade: GRADE.exec(text)?.[1], date: DATE.exec(text)?.[1]}));
  }
  return gd;
}
