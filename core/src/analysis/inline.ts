/**
 * Inline scanning of one block: blanks out what is not prose (code spans, HTML,
 * link destinations, footnote markers, emphasis markers) so that word patterns can
 * run on the result, and records citations and quotations. The masked text has the
 * same length as the source: offsets carry over unchanged.
 */
import {fromCodeUnits, toCodeUnits} from '../text/utf16.js';

export type CitationKind = 'footnote' | 'link' | 'reference' | 'bracket' | 'url';

export interface InlineCitation {
  kind: CitationKind;
  /** Footnote label, reference label or bracket text. */
  id?: string;
  url?: string;
  start: number;
  end: number;
  /** Range of the id inside the citation, for rename and go-to-definition. */
  idStart?: number;
  idEnd?: number;
}

export interface InlineScan {
  masked: string;
  citations: InlineCitation[];
  /** HTML comments found inline: [start, end, body]. */
  comments: Array<{start: number; end: number; body: string}>;
}

const SPACE = 32;

/** Set when a scan blanks anything: until then its masked text is the text itself (no copy). */
let changed = false;

function blank(chars: Uint16Array, start: number, end: number) {
  if (start < end) changed = true;
  for (let i = start; i < end; i++) {
    const c = chars[i];
    if (c !== 10 && c !== 13) chars[i] = SPACE;
  }
}

/** What can open a code span, an escape, HTML or an autolink (pass 1), and emphasis markers (pass 4). */
const PASS1_START = /[\\`<]/g;
const EMPHASIS_MARK = /[*~_]/g;

/**
 * What passes 1, 3 and 4 look for: text without any (most prose) is scanned once for all
 * three. Blanking makes spaces only, so masked text holds a URL's "://" or "www." only where
 * the text does.
 */
const MAY_HOLD_MARKUP = /[\\`<*~_]|:\/\/|www\./i;

/** Bare URLs are only looked for in text that can hold one. */
const MAY_HOLD_URL = /:\/\/|www\./i;

const LINK_TAIL = /^\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/;
const REF_TAIL = /^\]\[([^\]\n]{0,200})\]/;
const URL = /\b(?:https?|ftp):\/\/[^\s<>()\]"'`]+|\bwww\.[\w-]+\.[^\s<>()\]"'`]+/giu;
const AUTOLINK = /^<((?:https?|ftp|mailto):[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/i;
const TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>/;

/**
 * Scans `text` (already stripped of block prefixes, same length as the source slice).
 * `from` is added to every offset reported. `units`, when given, are `text`'s code
 * units, which the scan then masks in place.
 */
export function scanInline(text: string, from = 0, units?: Uint16Array): InlineScan {
  const chars = units ?? toCodeUnits(text);
  changed = false;
  const citations: InlineCitation[] = [];
  const comments: InlineScan['comments'] = [];
  const n = text.length;
  const markup = MAY_HOLD_MARKUP.test(text);
  // Pass 1: code spans, escapes, HTML, autolinks (they hide everything inside them).
  // Only their first characters matter, found natively (this pass blanks nothing ahead of where it stands).
  let i = markup ? 0 : n;
  while (i < n) {
    PASS1_START.lastIndex = i;
    if (!PASS1_START.test(text)) break;
    i = PASS1_START.lastIndex - 1;
    const c = chars[i];
    if (c === 92 /* \ */ && i + 1 < n && /[!-/:-@[-`{-~]/.test(text[i + 1])) {
      chars[i] = SPACE;
      changed = true;
      // An escaped character is literal: mark it so later passes ignore it as syntax.
      if (text[i + 1] === '[' || text[i + 1] === ']' || text[i + 1] === '*' || text[i + 1] === '_' || text[i + 1] === '`') chars[i + 1] = SPACE;
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let run = 1;
      while (i + run < n && chars[i + run] === 96) run++;
      const fence = '`'.repeat(run);
      let j = i + run;
      let close = -1;
      while (j < n) {
        const k = text.indexOf(fence, j);
        if (k < 0) break;
        let r = 0;
        while (k + r < n && text.charCodeAt(k + r) === 96) r++;
        if (r === run) {
          close = k;
          break;
        }
        j = k + r;
      }
      if (close >= 0) {
        blank(chars, i, close + run);
        i = close + run;
      } else {
        i += run;
      }
      continue;
    }
    if (c === 60 /* < */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const end = close < 0 ? n : close + 3;
        comments.push({start: from + i, end: from + end, body: text.slice(i + 4, close < 0 ? n : close)});
        blank(chars, i, end);
        i = end;
        continue;
      }
      const rest = text.slice(i, i + 500);
      const auto = AUTOLINK.exec(rest);
      if (auto) {
        citations.push({kind: 'url', url: auto[1], start: from + i, end: from + i + auto[0].length});
        blank(chars, i, i + auto[0].length);
        i += auto[0].length;
        continue;
      }
      const tag = TAG.exec(rest);
      if (tag) {
        blank(chars, i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    i++;
  }
  // Pass 2: brackets (links, footnotes, references), on the text as masked so far.
  let masked = changed ? fromCodeUnits(chars) : text;
  changed = false;
  // The next "]" at or after k: a "[" with none within findClosingBracket's reach is skipped at once
  // (a run of a million "[" was a billion steps).
  let nextClose = -1;
  // Each "[" (ahead of where the pass stands, it blanks only what it then jumps over, and "]"s).
  for (let k = masked.indexOf('['); k >= 0; k = masked.indexOf('[', k + 1)) {
    if (nextClose < k) nextClose = masked.indexOf(']', k);
    if (nextClose < 0) break;
    if (nextClose - k >= BRACKET_REACH) continue;
    const image = k > 0 && chars[k - 1] === 33; /* ! */
    if (chars[k + 1] === 94 /* ^ */) {
      const m = /^\[\^([^\]\s]{1,100})\]/.exec(masked.slice(k, k + 110));
      if (m && masked[k + m[0].length] !== ':') {
        citations.push({kind: 'footnote', id: m[1], start: from + k, end: from + k + m[0].length, idStart: from + k + 2, idEnd: from + k + 2 + m[1].length});
        blank(chars, k, k + m[0].length);
        k += m[0].length - 1;
        continue;
      }
    }
    const close = findClosingBracket(masked, k);
    if (close < 0) continue;
    const tail = masked.slice(close, close + 2000);
    const link = LINK_TAIL.exec(tail);
    if (link) {
      const end = close + link[0].length;
      if (image) {
        blank(chars, k - 1, end);
      } else {
        const url = link[1].replace(/^<|>$/g, '');
        citations.push({kind: 'link', url, start: from + k, end: from + end});
        chars[k] = SPACE;
        changed = true;
        blank(chars, close, end);
      }
      k = end - 1;
      continue;
    }
    const ref = REF_TAIL.exec(tail);
    if (ref) {
      const end = close + ref[0].length;
      const label = ref[1] || masked.slice(k + 1, close);
      if (image) blank(chars, k - 1, end);
      else {
        citations.push({kind: 'reference', id: label, start: from + k, end: from + end});
        chars[k] = SPACE;
        changed = true;
        blank(chars, close, end);
      }
      k = end - 1;
      continue;
    }
    if (masked[close + 1] !== ':' && !image) {
      // Shortcut reference or bracketed source id: [S1], [Reuters 2024]; resolved against definitions later.
      const label = masked.slice(k + 1, close);
      if (label.trim() && label.length <= 100 && !label.includes('[')) {
        citations.push({kind: 'bracket', id: label, start: from + k, end: from + close + 1, idStart: from + k + 1, idEnd: from + close});
        chars[k] = SPACE;
        chars[close] = SPACE;
        changed = true;
      }
    }
  }
  if (changed) masked = fromCodeUnits(chars);
  changed = false;
  // Pass 3: bare URLs.
  URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  if (markup && MAY_HOLD_URL.test(masked)) {
    while ((m = URL.exec(masked))) {
      let url = m[0];
      url = url.replace(/[.,;:!?*_~]+$/, '');
      citations.push({kind: 'url', url, start: from + m.index, end: from + m.index + url.length});
      blank(chars, m.index, m.index + url.length);
    }
  }
  // Pass 4: emphasis and strike-through markers (candidates from the text; blanking never makes one).
  for (EMPHASIS_MARK.lastIndex = 0; markup && EMPHASIS_MARK.test(text); ) {
    const k = EMPHASIS_MARK.lastIndex - 1;
    const c = chars[k];
    if (c === 42 /* * */ || c === 126 /* ~ */) {
      chars[k] = SPACE;
      changed = true;
    } else if (c === 95 /* _ */) {
      const prev = k > 0 ? text[k - 1] : ' ';
      const next = k + 1 < n ? text[k + 1] : ' ';
      if (!(/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next))) {
        chars[k] = SPACE;
        changed = true;
      }
    }
  }
  if (changed) masked = fromCodeUnits(chars);
  citations.sort((a, b) => a.start - b.start);
  return {masked, citations, comments};
}

/** How far a link text may run before its closing bracket. */
const BRACKET_REACH = 1000;

function findClosingBracket(s: string, open: number): number {
  let depth = 0;
  const limit = Math.min(s.length, open + BRACKET_REACH);
  for (let i = open; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 10 && s.charCodeAt(i + 1) === 10) return -1;
  }
  return -1;
}
