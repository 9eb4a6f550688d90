/**
 * Section templates without the Markdown parser: their shape, the cuts that split a long
 * section into pieces, the escaped-text template, and the cache of templates by text.
 * Nothing here loads unified/remark, so the language server can keep templates and fill
 * them while the parsing happens in a worker thread (server/src/preview-renderer.ts);
 * `markdown.ts` is the parser side.
 */
import {esc} from './escape.js';
import {ownCopy} from '../text/utf16.js';

/** One block element of a section template. */
export interface Slot {
  tag: string;
  /** 0-based line relative to the section's first line. */
  line: number;
  /** Source range relative to the section start. */
  start: number;
  end: number;
  /** Class the sanitized element had (e.g. `task-list-item`), '' if none. */
  className: string;
  /** True when the element has an id of its own (footnote entries, definitions). */
  ownId: boolean;
  /** Index of the nearest enclosing slot, -1 for none. */
  parent: number;
  /** Nesting depth among slots. */
  depth: number;
  /** True when a finding-message insertion point exists for this slot. */
  msg: boolean;
}

/**
 * A section's HTML cut at the slots: `chunks[i]` is followed by mark `marks[i]`
 * (slot index × 2, + 1 for a message point), and the last chunk ends the section.
 * After an "open" mark the chunk continues the element's opening tag (`<tag` removed).
 */
export interface SectionTemplate {
  chunks: string[];
  marks: number[];
  slots: Slot[];
}

/**
 * A section's source as preformatted text, with `why` as the block's tooltip. What a section
 * nested deeper than the engine reads gets (remark takes time quadratic in the depth of nested
 * lists: ~40 s for 1,000 levels, in mdast-util-from-markdown), and what the server shows for a
 * piece its renderer gave up on.
 */
export function renderUnrendered(text: string, why?: string): SectionTemplate {
  const slot: Slot = {tag: 'pre', line: 0, start: 0, end: text.length, className: 'brief-raw-html brief-unrendered', ownId: false, parent: -1, depth: 0, msg: true};
  const title = why ? ` title="${esc(why)}"` : '';
  return {chunks: ['', `${title}><code>${esc(text)}</code>`, '</pre>\n'], marks: [0, 1], slots: [slot]};
}


const CHUNK_MIN = 2048;
const CHUNK_MAX = 16384;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/;
const HTML_OPEN: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/**
 * Where a long section can be cut into pieces that parse the same alone as together:
 * offsets of lines that start a top-level block at column 0 after a blank line (not a
 * list item), or a footnote definition, outside code fences and multi-line HTML. Cuts are content
 * defined (a hash of the line, at least CHUNK_MIN apart), so an edit moves at most the
 * cuts next to it and the other pieces stay cache hits. A short section is one piece.
 */
export function chunkCuts(text: string): number[] {
  const cuts: number[] = [];
  if (text.length < 2 * CHUNK_MIN) return cuts;
  let last = 0;
  let prevBlank = false;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.charCodeAt(eol - 1) === 13 ? text.slice(pos, eol - 1) : text.slice(pos, eol);
    const next = eol + 1;
    if (fence) {
      const f = FENCE.exec(line);
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      prevBlank = false;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      prevBlank = false;
    } else {
      const blank = line.trim() === '';
      // A footnote definition at column 0 starts a block after anything (it interrupts a paragraph).
      const starts = (prevBlank && /^\S/.test(line) && !LIST_ITEM.test(line)) || FOOTNOTE_DEFINITION.test(line);
      if (starts && pos - last >= CHUNK_MIN && (pos - last >= CHUNK_MAX || hash(line) % 8 === 0)) {
        cuts.push(pos);
        last = pos;
      }
      const f = FENCE.exec(line);
      if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = f[1];
      else {
        for (const [open, end] of HTML_OPEN) {
          if (open.test(line)) {
            if (!end.test(line.slice(line.indexOf('<') + 2))) htmlEnd = end;
            break;
          }
        }
      }
      prevBlank = blank;
    }
    pos = next;
  }
  return cuts;
}

function hash(line: string): number {
  let h = 2166136261;
  for (let i = 0; i < line.length && i < 48; i++) h = Math.imul(h ^ line.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Renders one piece of a section (and the link definitions it uses from other sections) to a template. */
export type PieceRenderer = (text: string, definitions: string) => SectionTemplate;

/** Where the page gets each piece's template (`unrendered`: shown as its text, not parsed). */
export interface TemplateSource {
  get(text: string, definitions: string, unrendered: boolean): SectionTemplate;
}

/** One piece of a section as the page asks for it. */
export interface Piece {
  text: string;
  /** Link definitions from other sections that the piece uses ('' for none). */
  definitions: string;
  /** A section the engine could not read to the end (nested too deep): shown as its text. */
  unrendered: boolean;
}

/** The cache key of a piece. */
export function pieceKey(text: string, definitions: string, unrendered: boolean): string {
  return unrendered ? `\0raw\0${text}` : definitions ? `${text}\0\0${definitions}` : text;
}

/**
 * Piece templates by text (and the link definitions used), least recently used first out
 * once the keys pass `maxChars`. A miss is rendered by `render`.
 */
export class TemplateCache implements TemplateSource {
  /** Entries carry their own key: a lookup key is often a slice of the whole document, which must not become the key. */
  private map = new Map<string, {key: string; template: SectionTemplate}>();
  private size = 0;
  /** Pieces served from the cache. */
  hits = 0;
  /** Pieces rendered (cache misses). */
  misses = 0;

  constructor(
    private readonly render: PieceRenderer,
    readonly maxChars = 32 * 1024 * 1024,
  ) {}

  get(text: string, definitions = '', unrendered = false): SectionTemplate {
    const key = pieceKey(text, definitions, unrendered);
    const found = this.peek(key);
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const value = unrendered ? renderUnrendered(text) : this.render(text, definitions);
    this.put(key, value);
    return value;
  }

  /** The template under `key` (marked as just used), or undefined. Counts nothing. */
  peek(key: string): SectionTemplate | undefined {
    const found = this.map.get(key);
    if (!found) return undefined;
    // Refresh recency under the stored key.
    this.map.delete(found.key);
    this.map.set(found.key, found);
    return found.template;
  }

  put(key: string, value: SectionTemplate): void {
    const old = this.map.get(key);
    if (old) this.map.delete(old.key);
    else this.size += key.length;
    // A copy of the key: a slice of a document's text would keep that whole text (each
    // version of a brief typed in) alive as long as the entry.
    const own = old?.key ?? ownCopy(key);
    this.map.set(own, {key: own, template: value});
    if (this.size > this.maxChars) {
      for (const k of this.map.keys()) {
        if (this.size <= this.maxChars / 2) break;
        this.map.delete(k);
        this.size -= k.length;
      }
    }
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}
