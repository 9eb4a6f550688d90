import {LineIndex} from '../text/lines.js';
import {parseFrontMatter, type FrontMatter} from './frontmatter.js';
import {splitSections} from './split.js';
import {analyseSection, entryKey, normaliseLabel, type Block, type Comment, type Definition, type SectionAnalysis, type SectionHeading} from './section.js';
import {builtinScales, commonTerms, DEFAULT_SCALE, type Scale, type ScaleTerm} from '../scales/index.js';
import {Lexicon, readForm} from '../scales/lexicon.js';
import {defaultConfig, type ResolvedConfig} from '../config/types.js';
import type {InlineCitation} from '../analysis/inline.js';
import {analyseBlock} from '../analysis/block.js';
import {SectionCache} from './cache.js';

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

export interface BriefDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  bodyStart: number;
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
}

/** "Key Judgement 3:", "KJ 2 –", "Judgment No. 4": the label of a judgement heading. */
const LABEL = String.raw`(?:key\s+judge?ments?|kj|judge?ments?|key\s+assessments?|assessment)\s*(?:no\.?\s*)?#?\s*(\d{1,3})\b\s*[:.)\-–—]?\s*`;
const JUDGEMENT_HEADING = new RegExp(`^${LABEL}(.*)$`, 'i');
const JUDGEMENT_LABEL = new RegExp(`^${LABEL}`, 'i');
const sharedCache = new SectionCache();
const lexicons = new Map<string, Lexicon>();

/** The role of a section, looking through untitled subsections to the nearest meaningful one. */
export function effectiveRole(section: BriefSection): SectionRole {
  for (let p: BriefSection | undefined = section; p; p = p.parent) {
    if (p.role !== 'other' && p.role !== 'title') return p.role;
  }
  return section.role;
}

export function lexiconFor(config: ResolvedConfig): Lexicon {
  const scales = [...builtinScales.values(), ...Object.values(config.scales)];
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

export function parseBrief(text: string, options: ParseOptions = {}): BriefDocument {
  const config = options.config ?? defaultConfig();
  const cache = options.cache ?? sharedCache;
  const lexicon = lexiconFor(config);
  const frontMatter = parseFrontMatter(text);
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

  const sections: BriefSection[] = [];
  const comments: Comment[] = [];
  const code: BriefDocument['code'] = [];
  const definitions: Definition[] = [];
  const stack: BriefSection[] = [];
  for (const cut of splitSections(text, bodyStart)) {
    const analysis = cache.get(text.slice(cut.start, cut.end), lexicon, analyseSection);
    const by = cut.start;
    const heading = analysis.heading && {
      ...analysis.heading,
      start: analysis.heading.start + by,
      end: analysis.heading.end + by,
      textStart: analysis.heading.textStart + by,
      textEnd: analysis.heading.textEnd + by,
    };
    const level = heading?.level ?? 0;
    while (stack.length && stack[stack.length - 1].level >= level && level > 0) stack.pop();
    const section: BriefSection = {
      index: sections.length,
      start: cut.start,
      end: cut.end,
      treeEnd: cut.end,
      heading,
      level,
      role: 'other',
      parent: level > 0 ? stack[stack.length - 1] : undefined,
      blocks: analysis.blocks.map((b) => shiftBlock(b, by)),
      analysis,
    };
    for (let p = section.parent; p; p = p.parent) p.treeEnd = cut.end;
    if (level > 0) stack.push(section);
    sections.push(section);
    for (const c of analysis.comments) comments.push({...c, start: c.start + by, end: c.end + by});
    for (const c of analysis.code) code.push({start: c.start + by, end: c.end + by});
    for (const d of analysis.definitions) {
      definitions.push({...d, start: d.start + by, end: d.end + by, idStart: d.idStart + by, idEnd: d.idEnd + by});
    }
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
    } else if (headingMatches(h, names.summary)) s.role = 'summary';
    else if (headingMatches(h, names.judgements)) s.role = 'judgements';
    else if (headingMatches(h, names.sources)) s.role = 'sources';
    // Subsections keep role 'other'; effectiveRole() finds the enclosing section's role.
  }
  const fmTitle = frontMatter?.data.title;
  if (!title && typeof fmTitle === 'string' && frontMatter) {
    const entry = frontMatter.entries.find((e) => e.key === 'title');
    if (entry) title = {text: fmTitle, start: entry.valueRange.start, end: entry.valueRange.end};
  }

  // Role of a block is the role of the nearest section that has a meaningful one.
  const sectionOfBlock = new Map<Block, BriefSection>();
  for (const s of sections) for (const b of s.blocks) sectionOfBlock.set(b, s);

  // Judgements.
  const judgements: Judgement[] = [];
  const statements = new Set<Block>();
  for (const s of sections) {
    if (s.role === 'judgement') {
      const content = s.blocks.filter((b) => b.kind !== 'heading' && !b.footnote);
      const headingText = s.heading ? (JUDGEMENT_HEADING.exec(s.heading.text)?.[2] ?? '') : '';
      let statement = content.find((b) => b.kind === 'paragraph' && b.listDepth === 0 && !b.quoted);
      const firstContent = content[0];
      if ((!statement || (firstContent && firstContent !== statement)) && headingText.split(/\s+/).length >= 4) {
        // "## Key Judgement 2: Russia is likely to…" with evidence straight after.
        const heading = s.blocks.find((b) => b.kind === 'heading');
        statement = heading && headingStatement(heading, lexicon);
      }
      if (statement) statements.add(statement);
      const evidenceBlocks: Block[] = [];
      for (let k = s.index; k < sections.length && sections[k].start < s.treeEnd; k++) {
        const t = sections[k];
        for (const b of t.blocks) {
          if (b === statement || b.kind === 'heading' || b.footnote) continue;
          evidenceBlocks.push(b);
        }
      }
      judgements.push({index: judgements.length, number: s.judgementNumber, layout: 'heading', section: s, statement, evidence: groupEvidence(evidenceBlocks, sectionOfBlock), ...describe(statement, scale, lexicon)});
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
    sources.push({kind: d.kind, id: d.id, start: d.start, end: d.end, idStart: d.idStart, idEnd: d.idEnd, text: d.text, ...gradeAndDate(d.text), citedBy: []});
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

  // Citations, resolved against the sources.
  const footnotes = new Map<string, SourceEntry>();
  const links = new Map<string, SourceEntry>();
  const entries = new Map<string, SourceEntry>();
  for (const src of sources) {
    if (!src.id) continue;
    const map = src.kind === 'footnote' ? footnotes : src.kind === 'link' ? links : entries;
    const key = src.kind === 'entry' ? entryKey(src.id) : normaliseLabel(src.id);
    if (!map.has(key)) map.set(key, src);
  }
  const citations: Citation[] = [];
  const evidenceBlocks: Block[] = [];
  const roles = new Map<Block, SectionRole>();
  for (const s of sections) {
    const role = effectiveRole(s);
    for (const b of s.blocks) {
      roles.set(b, b.footnote ? 'sources' : role);
      if (b.kind !== 'heading' && !b.footnote && !b.quoted && !statements.has(b) && role !== 'summary' && role !== 'sources' && role !== 'judgements') {
        evidenceBlocks.push(b);
      }
      for (const c of b.citations) {
        // Built field by field (not spread): one object shape, which keeps this hot loop fast.
        const abs: Citation = {
          kind: c.kind,
          id: c.id,
          url: c.url,
          start: c.start + b.base,
          end: c.end + b.base,
          idStart: c.idStart !== undefined ? c.idStart + b.base : undefined,
          idEnd: c.idEnd !== undefined ? c.idEnd + b.base : undefined,
          block: b,
          section: s,
          source: undefined,
          resolved: true,
        };
        if (c.kind === 'footnote') {
          abs.source = footnotes.get(normaliseLabel(c.id!));
          abs.resolved = !!abs.source;
        } else if (c.kind === 'reference') {
          abs.source = links.get(normaliseLabel(c.id!));
          abs.resolved = !!abs.source;
        } else if (c.kind === 'bracket') {
          abs.source = links.get(normaliseLabel(c.id!)) ?? entries.get(entryKey(c.id!));
          if (!abs.source) {
            // Plain bracketed text is not a citation unless it looks like a source id.
            if (!/^(?:S|R|Src|Ref|Source)?\s?\d{1,3}[a-z]?$/i.test(c.id!.trim())) continue;
            abs.resolved = false;
          }
        }
        if (abs.source && role !== 'sources' || abs.source && abs.source.kind !== 'entry') abs.source?.citedBy.push(abs);
        citations.push(abs);
      }
    }
  }

  const citationsOf = new Map<Block, Citation[]>();
  for (const c of citations) {
    const list = citationsOf.get(c.block);
    if (list) list.push(c);
    else citationsOf.set(c.block, [c]);
  }
  for (const j of judgements) {
    for (const item of j.evidence) item.citations = item.blocks.flatMap((b) => citationsOf.get(b) ?? []);
  }

  return {
    text,
    lines: new LineIndex(text),
    frontMatter,
    bodyStart,
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
    roleOf: (b: Block) => roles.get(b) ?? 'other',
  };
}

/** What a judgement statement expresses, with absolute ranges. */
function describe(block: Block | undefined, scale: Scale, lexicon: Lexicon): Pick<Judgement, 'likelihood' | 'confidence' | 'timeframes'> {
  if (!block) return {likelihood: [], confidence: [], timeframes: []};
  const abs = (h: {text: string; start: number; end: number}): Phrase => ({text: h.text, start: block.base + h.start, end: block.base + h.end});
  const likelihood: LikelihoodExpression[] = [];
  for (const hit of block.facts.terms) {
    const reading = readForm(lexicon, scale, hit.form);
    if (reading) likelihood.push({...abs(hit), ...reading});
  }
  return {likelihood, confidence: block.facts.confidence.map(abs), timeframes: block.facts.timeframes.map(abs)};
}


/** The judgement carried by a heading ("KJ 2: Fares are unlikely…"), without the label. */
function headingStatement(heading: Block, lexicon: Lexicon): Block {
  const from = heading.start - heading.base;
  const label = JUDGEMENT_LABEL.exec(heading.masked.slice(from));
  if (!label) return heading;
  const rel = from + label[0].length;
  const masked = ' '.repeat(rel) + heading.masked.slice(rel);
  return {...heading, start: heading.base + rel, masked, facts: analyseBlock(masked, lexicon), citations: heading.citations};
}

function groupEvidence(blocks: Block[], sectionOf: Map<Block, BriefSection>): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  let current: EvidenceItem | undefined;
  let section: BriefSection | undefined;
  let group = NaN;
  for (const b of blocks) {
    const s = sectionOf.get(b);
    if (!current || s !== section || b.group !== group) {
      current = {blocks: [], start: b.start, end: b.end, citations: []};
      items.push(current);
      section = s;
      group = b.group;
    }
    current.blocks.push(b);
    current.end = Math.max(current.end, b.end);
  }
  return items;
}

const GRADE = /(?<![\p{L}\p{N}])([A-F][1-6])(?![\p{L}\p{N}])/u;
const DATE = /(?<!\d)((?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d)(?!\d)/i;

function gradeAndDate(text: string): {grade?: string; date?: string} {
  return {grade: GRADE.exec(text)?.[1], date: DATE.exec(text)?.[1]};
}
