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
  const re = /[.!?…]+["”’')\]]*(?=\s+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    // The word before the stop: an abbreviation or an initial does not end a sentence.
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index));
    if (m[0][0] === '.' && before) {
      const word = before[1].toLowerCase().replace(/^\.+/, '');
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before[1]) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    // The next sentence must start with a capital, a digit, a quote or a bracket.
    const next = /^\s+(\S)/u.exec(text.slice(end, end + 20));
    if (next && !/[\p{Lu}\p{N}"“‘'(\[]/u.test(next[1])) continue;
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: Span[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({start, end});
}

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
