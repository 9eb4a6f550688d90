import type {Token} from 'markdown-it';
import {blockParser, type ParseEnv} from './markdown.js';
import {scanInline, type InlineCitation} from '../analysis/inline.js';
import {analyseBlock, type BlockFacts} from '../analysis/block.js';
import {fromCodeUnits, ownCopy, toCodeUnits} from '../text/utf16.js';
import type {Lexicon} from '../scales/lexicon.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableRow';

/**
 * A leaf of prose: a paragraph, a heading's text or a table row. Offsets of `start`,
 * `end` and `base` are relative to the section when cached and absolute in a
 * document; offsets inside `facts` and `citations` are relative to `base`.
 */
export interface Block {
  kind: BlockKind;
  /** Content range (first to last non-blank character). */
  start: number;
  end: number;
  /** Origin of `masked`, `facts` and `citations` offsets. */
  base: number;
  /** Source from `base` to the end of the block's last line, with non-prose blanked. */
  masked: string;
  /** Index of the top-level unit the block belongs to within its section: a top-level list item, or the block itself. */
  group: number;
  /** 0 outside lists, 1 in a top-level list item, 2 in a nested one… */
  listDepth: number;
  /** True for the first paragraph of a list item. */
  itemStart: boolean;
  /** Inside a block quote: quoted material, not the author's prose. */
  quoted: boolean;
  /** Label of the footnote definition the block belongs to. */
  footnote?: string;
  citations: InlineCitation[];
  facts: BlockFacts;
}

export interface Definition {
  kind: 'footnote' | 'link';
  id: string;
  /** Whole first line of the definition. */
  start: number;
  end: number;
  idStart: number;
  idEnd: number;
  /** Text of the definition (footnote body, or the link destination and title). */
  text: string;
}

export interface Comment {
  start: number;
  end: number;
  body: string;
}

export interface SectionHeading {
  level: number;
  /** Heading text without markers. */
  text: string;
  /** Range of the heading line(s). */
  start: number;
  end: number;
  /** Range of the heading text. */
  textStart: number;
  textEnd: number;
}

/** Everything derived from one section's text alone; cached by that text. */
export interface SectionAnalysis {
  length: number;
  heading?: SectionHeading;
  blocks: Block[];
  definitions: Definition[];
  comments: Comment[];
  /** Ranges of code blocks (fenced or indented). */
  code: Array<{start: number; end: number}>;
  /** True when the section holds content other than its heading (prose, code, tables, html). */
  hasContent: boolean;
  /** Where the parser stopped reading because of deep nesting (relative offset of that line); the rest is not analysed. */
  tooDeep?: number;
}

/** Length of the blanks at `start`, and with `quoted` of the block-quote markers after them (`[ \t]*(?:>[ \t]?)*`), without a slice. */
function prefixLength(text: string, start: number, end: number, quoted: boolean): number {
  let i = start;
  const blank = (c: number) => c === 32 || c === 9;
  while (i < end && blank(text.charCodeAt(i))) i++;
  if (quoted) {
    while (i < end && text.charCodeAt(i) === 62 /* > */) {
      i++;
      if (i < end && blank(text.charCodeAt(i))) i++;
    }
  }
  return i - start;
}

/** Where each line starts (lines end at \n, as for the block parser). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const SPACE = 32;
const ITEM_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/;
const FOOTNOTE_LABEL = /^\[\^[^\]]*\]:[ \t]*/;

export function analyseSection(text: string, lexicon: Lexicon): SectionAnalysis {
  const env: ParseEnv = {};
  let tokens: Token[];
  try {
    tokens = blockParser.parse(text, env);
  } catch {
    tokens = [];
  }
  const starts = lineStarts(text);
  const lineEnd = (line: number) => {
    let e = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    if (e > starts[line] && text.charCodeAt(e - 1) === 13) e--;
    return Math.max(e, starts[line]);
  };
  const out: SectionAnalysis = {length: text.length, blocks: [], definitions: [], comments: [], code: [], hasContent: false};
  let listDepth = 0;
  let quoteDepth = 0;
  let group = -1;
  let itemOpen = false;
  let footnote: string | undefined;
  let footnoteFirst = false;
  let inThead = false;

  const addBlock = (kind: BlockKind, first: number, last: number, opts: {underline?: boolean; atx?: boolean}) => {
    const base = starts[first];
    const end = lineEnd(last);
    const source = text.slice(base, end);
    // Code units of the block, container prefixes and markers blanked; scanInline goes on masking them.
    const chars = toCodeUnits(source);
    let blanked = false;
    // Blank container prefixes and markers line by line.
    for (let line = first; line <= last; line++) {
      const ls = starts[line] - base;
      const le = lineEnd(line) - base;
      let p = prefixLength(text, base + ls, base + le, quoteDepth > 0);
      if (line === first) {
        const lineText = text.slice(base + ls, base + le);
        if (itemOpen) {
          const m = ITEM_MARKER.exec(lineText.slice(p));
          if (m) p += m[0].length;
          p += prefixLength(text, base + ls + p, base + le, quoteDepth > 0);
        }
        if (footnoteFirst) {
          const m = FOOTNOTE_LABEL.exec(lineText.slice(p));
          if (m) p += m[0].length;
        }
        if (opts.atx) {
          const m = /^#{1,6}[ \t]*/.exec(lineText.slice(p));
          if (m) p += m[0].length;
          const closing = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(lineText.slice(p));
          if (closing) {
            for (let k = le - closing[0].length; k < le; k++) chars[k] = SPACE;
            blanked = true;
          }
        }
      }
      if (opts.underline && line === last) p = le - ls;
      for (let k = ls; k < ls + p; k++) chars[k] = SPACE;
      if (p > 0) blanked = true;
    }
    const prepared = blanked ? fromCodeUnits(chars) : source;
    const scan = scanInline(prepared, 0, chars);
    out.comments.push(...scan.comments.map((c) => ({start: c.start + base, end: c.end + base, body: c.body})));
    const masked = scan.masked;
    let s = 0;
    while (s < masked.length && /\s/.test(masked[s])) s++;
    let e = masked.length;
    while (e > s && /\s/.test(masked[e - 1])) e--;
    // Keep citations inside the content range (a trailing footnote marker is blanked, so extend).
    for (const c of scan.citations) {
      if (c.start < s) s = c.start;
      if (c.end > e) e = c.end;
    }
    if (e <= s) return;
    out.blocks.push({
      kind,
      start: base + s,
      end: base + e,
      base,
      masked,
      group: listDepth > 0 ? group : ++group,
      listDepth,
      itemStart: itemOpen,
      quoted: quoteDepth > 0,
      footnote,
      citations: scan.citations,
      facts: analyseBlock(masked, lexicon),
    });
    itemOpen = false;
    footnoteFirst = false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        if (!t.map) break;
        const [a, b] = t.map;
        const setext = t.markup[0] === '=' || t.markup[0] === '-';
        const before = out.blocks.length;
        addBlock('heading', a, b - 1, {underline: setext, atx: !setext});
        const block = out.blocks.length > before ? out.blocks.pop()! : undefined;
        if (block) group--;
        if (!out.heading && a === 0) {
          out.heading = {
            level: Number(t.tag.slice(1)),
            text: block ? block.masked.slice(block.start - block.base, block.end - block.base).replace(/\s+/g, ' ').trim() : '',
            start: starts[a],
            end: lineEnd(b - 1),
            textStart: block ? block.start : starts[a],
            textEnd: block ? block.end : lineEnd(b - 1),
          };
          if (block) out.blocks.push({...block, group: -1});
        } else {
          // A heading not at the top (only possible in odd markup): treat as content.
          out.hasContent = true;
          if (block) out.blocks.push({...block, kind: 'paragraph', group: ++group});
        }
        break;
      }
      case 'paragraph_open':
        if (t.map) {
          out.hasContent = true;
          addBlock('paragraph', t.map[0], t.map[1] - 1, {});
        }
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        out.hasContent = true;
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'list_item_open':
        if (listDepth === 1) group++;
        itemOpen = true;
        break;
      case 'list_item_close':
        itemOpen = false;
        break;
      case 'blockquote_open':
        out.hasContent = true;
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'thead_open':
        inThead = true;
        break;
      case 'thead_close':
        inThead = false;
        break;
      case 'table_open':
        out.hasContent = true;
        break;
      case 'tr_open':
        if (!inThead && t.map) addBlock('tableRow', t.map[0], t.map[1] - 1, {});
        break;
      case 'fence':
      case 'code_block':
        out.hasContent = true;
        if (t.map) out.code.push({start: starts[t.map[0]], end: lineEnd(t.map[1] - 1)});
        break;
      case 'html_block':
        if (t.map) {
          const start = starts[t.map[0]];
          const end = lineEnd(t.map[1] - 1);
          const html = text.slice(start, end);
          const re = /<!--([\s\S]*?)(?:-->|$)/g;
          let m: RegExpExecArray | null;
          let rest = html;
          while ((m = re.exec(html))) {
            out.comments.push({start: start + m.index, end: start + m.index + m[0].length, body: m[1]});
          }
          rest = html.replace(re, '').trim();
          if (rest) out.hasContent = true;
        }
        break;
      case 'footnote_reference_open':
        out.hasContent = true;
        footnote = typeof t.meta?.label === "string" ? t.meta.label : undefined;
        footnoteFirst = true;
        break;
      case 'footnote_reference_close':
        footnote = undefined;
        footnoteFirst = false;
        break;
      case 'hr':
        break;
    }
  }
  findDefinitions(text, starts, lineEnd, out, env.references ?? {});
  // Attach footnote body text to the definitions.
  const bodies = new Map<string, string[]>();
  for (const b of out.blocks) {
    if (b.footnote === undefined) continue;
    const list = bodies.get(b.footnote) ?? [];
    list.push(b.masked.slice(b.start - b.base, b.end - b.base));
    bodies.set(b.footnote, list);
  }
  for (const def of out.definitions) {
    const body = def.kind === 'footnote' ? bodies.get(def.id) : undefined;
    if (body) def.text = body.join('\n').replace(/[ \t]+/g, ' ').trim();
  }
  if (env.tooDeep !== undefined && env.tooDeep < starts.length) out.tooDeep = starts[env.tooDeep];
  return out;
}

function findDefinitions(
  text: string,
  starts: number[],
  lineEnd: (line: number) => number,
  out: SectionAnalysis,
  references: Record<string, unknown>,
) {
  // Code blocks are in text order and do not overlap, and lines are read in order: one pointer
  // walks them (a scan of every block per line was quadratic in a section of many code blocks).
  const code = out.code;
  let ci = 0;
  const inCode = (pos: number) => {
    while (ci < code.length && code[ci].end <= pos) ci++;
    return ci < code.length && code[ci].start <= pos;
  };
  // The labels markdown-it defined, normalised once (a scan of them all per definition was
  // quadratic in the definitions: 10,000 reference links took 13 s).
  let known: Set<string> | undefined;
  for (let line = 0; line < starts.length; line++) {
    const s = starts[line];
    const e = lineEnd(line);
    if (e - s < 4) continue;
    // A definition's line starts with "[" after blanks and quote markers: skip the others without a slice and two patterns.
    let k = s;
    for (let c = text.charCodeAt(k); k < e && (c === 32 || c === 9 || c === 62); c = text.charCodeAt(++k));
    if (text.charCodeAt(k) !== 91 /* [ */ || inCode(s)) continue;
    const lineText = text.slice(s, e);
    const fn = /^( {0,3}(?:>[ \t]?)*)\[\^([^\]\s]{1,100})\]:[ \t]*(.*)$/.exec(lineText);
    if (fn) {
      const idStart = s + fn[1].length + 2;
      out.definitions.push({kind: 'footnote', id: fn[2], start: s, end: e, idStart, idEnd: idStart + fn[2].length, text: fn[3].trim()});
      continue;
    }
    const ln = /^( {0,3})\[([^\]^][^\]]{0,998})\]:[ \t]*(\S.*)?$/.exec(lineText);
    if (ln) {
      known ??= new Set(Object.keys(references).map((k) => normaliseLabel(k).toUpperCase()));
      if (!known.has(normaliseLabel(ln[2]).toUpperCase())) continue;
      const idStart = s + ln[1].length + 1;
      out.definitions.push({kind: 'link', id: ln[2], start: s, end: e, idStart, idEnd: idStart + ln[2].length, text: (ln[3] ?? '').trim()});
    }
  }
}

/** Key of a Sources-entry id ("S 3" and "s3" are one entry). */
const entryKeys = new Map<string, string>();
const labels = new Map<string, string>();

/** Memoised: the same id strings come back on every keystroke (from cached section analyses). */
function memo(map: Map<string, string>, key: string, compute: (s: string) => string): string {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size > 50000) map.clear();
    // A long id is a slice of its block's text, which would keep its document alive: keyed by a copy.
    // (V8 copies slices shorter than 13 characters itself; most ids are.)
    map.set(key.length < 13 ? key : ownCopy(key), (value = compute(key)));
  }
  return value;
}

export function entryKey(id: string): string {
  return memo(entryKeys, id, (s) => s.toLowerCase().replace(/\s+/g, ''));
}

export function normaliseLabel(label: string): string {
  return memo(labels, label, (s) => s.trim().replace(/\s+/g, ' ').toLowerCase());
}
