/**
 * A fast path for the front matter most briefs have: top-level `key: value` lines whose values are
 * plain or quoted one-line scalars, flow lists of such scalars (`[a, "b"]`) or block lists of them,
 * with comments and blank lines in between.
 *
 * It returns exactly what the `yaml` library (YAML 1.2, core schema) would give for the same text —
 * the values, and the offsets of every key and value — or `undefined` when the text is outside that
 * subset or might not be valid YAML, and the caller falls back to the library. When in doubt it
 * falls back: anchors, aliases, tags, nested maps, flow maps, multi-line scalars, block scalars,
 * tabs, indented keys, duplicate keys, odd characters and anything the library would report as an
 * error all go to the library.
 */

/** An entry as offsets into the YAML text (not into the whole document). */
export interface SimpleEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  value: unknown;
}

export interface SimpleYaml {
  data: Record<string, unknown>;
  entries: SimpleEntry[];
}

/**
 * Characters the fast path never reads: tabs, C0/C1 controls other than line feeds, a carriage return
 * not followed by a line feed, a BOM, YAML 1.1 line separators and non-characters. Lone surrogates
 * also fall back: the library's handling of them is not worth reproducing.
 */
const UNSUPPORTED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A top-level key: a plain scalar of word characters, directly followed by `:` and a space or the end of the line. */
const KEY = /[A-Za-z_][A-Za-z0-9_-]*:(?= |\r?\n|$)/y;

const MAX_KEY_LENGTH = 1000; // the library rejects implicit keys over 1024 characters

/** The first character of a plain scalar in block context, when it is not one of the indicators. */
const PLAIN_START = /[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.])/y;

/** Escapes in double-quoted scalars that stand for one character (the YAML 1.2 set, without the tab one). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** Resolves a plain scalar the way the core schema does (null, booleans, integers, floats, else a string). */
export function resolvePlain(s: string): unknown {
  // Every special scalar is empty or starts with one of these characters; most text does not.
  if (s !== '' && !/^[-+.~0-9nNtTfF]/.test(s)) return s;
  // The tests and resolvers of the yaml library's core schema, in the order it tries them.
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/** A scalar read from one line: its value and where its text ends. */
interface Scalar {
  value: unknown;
  end: number;
}

/**
 * Reads a double-quoted scalar that opens at `start` and closes on the same line (which ends at
 * `lineEnd`); undefined when it does not close there or has an escape the fast path does not read.
 */
function doubleQuoted(text: string, start: number, lineEnd: number): Scalar | undefined {
  let value = '';
  let i = start + 1;
  let run = i;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) return {value: value + text.slice(run, i), end: i + 1};
    if (c === 0x5c /* \ */) {
      value += text.slice(run, i);
      const next = text[i + 1];
      if (next === undefined || i + 1 >= lineEnd) return undefined;
      const simple = ESCAPES[next];
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + length);
        if (hex.length !== length || i + 2 + length > lineEnd || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return undefined;
        value += String.fromCodePoint(code);
        i += 2 + length;
      } else {
        return undefined;
      }
      run = i;
    } else {
      i++;
    }
  }
  return undefined;
}

/** Reads a single-quoted scalar that opens at `start` and closes on the same line. */
function singleQuoted(text: string, start: number, lineEnd: number): Scalar | undefined {
  let i = start + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0 || close >= lineEnd) return undefined;
    if (text.charCodeAt(close + 1) === 0x27 && close + 1 < lineEnd) {
      i = close + 2;
      continue;
    }
    return {value: text.slice(start + 1, close).replace(/''/g, "'"), end: close + 1};
  }
}

/** Skips spaces from `i`; returns the first position that is not a space. */
function skipSpaces(text: string, i: number, lineEnd: number): number {
  while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** After a value: only spaces, then the end of the line or a comment after at least one space. */
function restIsBlank(text: string, end: number, lineEnd: number): boolean {
  const i = skipSpaces(text, end, lineEnd);
  return i === lineEnd || (i > end && text.charCodeAt(i) === 0x23 /* # */);
}

/**
 * Reads a one-line scalar in block context (a mapping value or a block list item) at `start`,
 * where the text is not a space, `#` or the end of the line; the rest of the line must be blank or
 * a comment.
 */
function blockScalar(text: string, start: number, lineEnd: number): Scalar | undefined {
  const c = text.charCodeAt(start);
  let scalar: Scalar | undefined;
  if (c === 0x22) scalar = doubleQuoted(text, start, lineEnd);
  else if (c === 0x27) scalar = singleQuoted(text, start, lineEnd);
  else {
    PLAIN_START.lastIndex = start;
    if (!PLAIN_START.test(text)) return undefined;
    // A plain scalar runs to a comment (` #`) or the end of the line, without trailing spaces.
    let end = text.indexOf(' #', start);
    if (end < 0 || end > lineEnd) end = lineEnd;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    const source = text.slice(start, end);
    // `: ` or a final `:` would make it a nested mapping.
    if (source.includes(': ') || source.endsWith(':')) return undefined;
    return {value: resolvePlain(source), end};
  }
  if (!scalar || !restIsBlank(text, scalar.end, lineEnd)) return undefined;
  return scalar;
}

/** A plain scalar inside a flow list: no indicators at all, so there is nothing to get wrong. */
const FLOW_PLAIN = /(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.]))[^,[\]{}#:'"]*/y;

/** Reads a one-line flow list of scalars `[a, 'b', "c"]` at `start`; the rest of the line must be blank or a comment. */
function flowList(text: string, start: number, lineEnd: number): Scalar | undefined {
  const items: unknown[] = [];
  let i = skipSpaces(text, start + 1, lineEnd);
  if (text.charCodeAt(i) === 0x5d /* ] */) {
    i++;
  } else {
    for (;;) {
      if (i >= lineEnd) return undefined;
      const c = text.charCodeAt(i);
      let item: Scalar | undefined;
      if (c === 0x22) item = doubleQuoted(text, i, lineEnd);
      else if (c === 0x27) item = singleQuoted(text, i, lineEnd);
      else {
        FLOW_PLAIN.lastIndex = i;
        const m = FLOW_PLAIN.exec(text);
        if (!m || FLOW_PLAIN.lastIndex > lineEnd) return undefined;
        const source = m[0].replace(/ +$/, '');
        item = {value: resolvePlain(source), end: i + source.length};
      }
      if (!item) return undefined;
      items.push(item.value);
      i = skipSpaces(text, item.end, lineEnd);
      const sep = text.charCodeAt(i);
      if (sep === 0x5d) {
        i++;
        break;
      }
      // A comma, then another item (a trailing comma falls back).
      if (sep !== 0x2c || i >= lineEnd) return undefined;
      i = skipSpaces(text, i + 1, lineEnd);
      if (text.charCodeAt(i) === 0x5d) return undefined;
    }
  }
  if (!restIsBlank(text, i, lineEnd)) return undefined;
  return {value: items, end: i};
}

/**
 * Parses simple front matter; undefined when the text is outside the subset (the caller then uses
 * the `yaml` library, which also reports errors).
 */
export function parseSimpleYaml(text: string): SimpleYaml | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  const data: Record<string, unknown> = {};
  const entries: SimpleEntry[] = [];
  /** The entry whose value is still open: `key:` with nothing after it, which block list items may follow. */
  let open: SimpleEntry | undefined;
  let items: unknown[] | undefined;
  let itemIndent = -1;
  const length = text.length;
  let lineStart = 0;
  while (lineStart < length) {
    let lineEnd = text.indexOf('\n', lineStart);
    let next: number;
    if (lineEnd < 0) {
      lineEnd = length;
      next = length;
    } else {
      next = lineEnd + 1;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    }
    const indentEnd = skipSpaces(text, lineStart, lineEnd);
    const first = text.charCodeAt(indentEnd);
    if (indentEnd === lineEnd || first === 0x23 /* # */) {
      // A blank or comment line. A comment indented deeper than a block list's items can belong to
      // the list (and stretch its range): left to the library.
      if (items !== undefined && first === 0x23 && indentEnd - lineStart > itemIndent) return undefined;
      lineStart = next;
      continue;
    }
    const indent = indentEnd - lineStart;
    if (first === 0x2d /* - */ && open && (indentEnd + 1 === lineEnd || text.charCodeAt(indentEnd + 1) === 0x20)) {
      // A block list item under the open key: every item at the same indentation.
      if (items === undefined) {
        items = [];
        itemIndent = indent;
        open.valueStart = indentEnd;
      } else if (indent !== itemIndent) {
        return undefined;
      }
      const at = skipSpaces(text, indentEnd + 1, lineEnd);
      if (at === lineEnd || text.charCodeAt(at) === 0x23) return undefined; // an empty item
      const item = blockScalar(text, at, lineEnd);
      if (!item) return undefined;
      items.push(item.value);
      // The list's range runs to the end of its last item's line, line break included.
      open.valueEnd = next;
      lineStart = next;
      continue;
    }
    if (indent > 0) return undefined; // an indented key, or a continuation line
    if (open && items) {
      open.value = items;
    }
    open = undefined;
    items = undefined;
    KEY.lastIndex = lineStart;
    if (!KEY.test(text)) return undefined;
    const keyEnd = KEY.lastIndex - 1;
    const key = text.slice(lineStart, keyEnd);
    if (key.length > MAX_KEY_LENGTH || key === '__proto__' || typeof resolvePlain(key) !== 'string') return undefined;
    if (Object.prototype.hasOwnProperty.call(data, key)) return undefined; // duplicate keys are an error
    const at = skipSpaces(text, keyEnd + 1, lineEnd);
    const entry: SimpleEntry = {key, keyStart: lineStart, keyEnd, valueStart: at, valueEnd: at, value: null};
    if (at === lineEnd || text.charCodeAt(at) === 0x23) {
      // An empty value, unless block list items follow.
      open = entry;
    } else {
      const value = text.charCodeAt(at) === 0x5b /* [ */ ? flowList(text, at, lineEnd) : blockScalar(text, at, lineEnd);
      if (!value) return undefined;
      entry.value = value.value;
      entry.valueEnd = value.end;
    }
    data[key] = entry.value; // provisional for an open key; set again below
    entries.push(entry);
    lineStart = next;
  }
  if (open && items) open.value = items;
  for (const entry of entries) data[entry.key] = entry.value;
  return {data, entries};
}
