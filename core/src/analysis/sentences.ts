/** Sentence and quotation boundaries in masked prose. */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'al', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'approx', 'est', 'gen', 'lt', 'col',
  'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'pres', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'dept', 'fig', 'p', 'pp', 'vol', 'ed', 'u.s', 'u.k', 'u.n', 'e.u',
]);

/** Splits masked text into sentences (offsets relative to the text). Blank-only spans are dropped. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  SENTENCE_STOP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_STOP.exec(text))) {
    const end = m.index + m[0].length;
    // The word before a full stop: an abbreviation or an initial does not end a sentence.
    if (text.charCodeAt(m.index) === 46 /* . */ && endsAbbreviation(text, Math.max(start, m.index - 12), m.index)) continue;
    // The next sentence must start with a capital, a digit, a quote or a bracket.
    if (!startsSentence(text, end)) continue;
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

const SENTENCE_STOP = /[.!?…]+["”’')\]]*(?=\s+|$)/g;

/**
 * Does text[from, to) end with an abbreviation ("e.g", "Dr"), an initial ("J") or a dotted
 * abbreviation ("U.S")? Plain ASCII words (most of them) are read where they stand; the
 * rest through the patterns (their reading of Unicode letters is the reference; the
 * property test in patterns.test.ts compares the two on random text).
 */
function endsAbbreviation(text: string, from: number, to: number): boolean {
  let b = to;
  let dotted = false;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    if (c === 46) dotted = true;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      if (c >= 0x80) return endsAbbreviationSlow(text, from, to);
      break;
    }
    b--;
  }
  // No letters or dots before the stop; or a word too long to be an abbreviation or an initial, with no dot in it.
  if (b === to || (!dotted && to - b > LONGEST_ABBREVIATION)) return false;
  return isAbbreviation(text.slice(b, to));
}

function endsAbbreviationSlow(text: string, from: number, to: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(from, to));
  return !!before && isAbbreviation(before[1]);
}

function isAbbreviation(run: string): boolean {
  const word = run.toLowerCase().replace(/^\.+/, '');
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(run) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * Does what follows a stop at `end` start a sentence: white space, then a capital, a digit, a
 * quote or a bracket (looking 20 characters ahead)? SENTENCE_STOP's look-ahead puts white space
 * (or the end of the text) at `end`.
 */
function startsSentence(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + 20);
  let i = end;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return startsSentenceSlow(text, end);
    if (!isAsciiSpace(c)) {
      return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91;
    }
    i++;
  }
  return true; // only white space within reach
}

function startsSentenceSlow(text: string, end: number): boolean {
  const next = /^\s+(\S)/u.exec(text.slice(end, end + 20));
  return !next || /[\p{Lu}\p{N}"“‘'(\[]/u.test(next[1]);
}

function push(out: Span[], text: string, start: number, end: number) {
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (end > start) out.push({start, end});
}

/** `/\s/.test(text[i])`, without the one-character string for ASCII. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiSpace(c);
  return /\s/.test(text[i]);
}

/** What `\s` matches below U+0080: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Text without any quotation mark holds no quotation (most blocks: skips the pattern below). */
const QUOTE_MARK = /[“"‘']/;

/** Direct quotations: “…”, "…", ‘…’ (an opening ‘ must follow a space or a bracket). */

export function findQuotes(text: string): Span[] {
  const out: Span[] = [];
  if (!QUOTE_MARK.test(text)) return out;
  const re = /“[^“”]{1,2000}”|(?<![\p{L}\p{N}])"[^"\n]{1,2000}"|(?<![\p{L}\p{N}])‘[^‘’\n]{1,2000}’(?![\p{L}])|(?<=^|[\s(\[—–-])'[^'\n]{1,2000}'(?=[\s.,;:!?)\]—–-]|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({start: m.index, end: m.index + m[0].length});
  return out;
}

export function inside(spans: Span[], start: number, end: number): boolean {
  for (const s of spans) if (start >= s.start && end <= s.end) return true;
  return false;
}

export function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
