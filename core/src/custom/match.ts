/**
 * Matching user terms and patterns with RE2 (re2js): linear time in the text, so a
 * pattern from a config file can never freeze the editor the way a backtracking
 * pattern like `(a+)+$` can. Node's RegExp never sees user patterns.
 */
import {RE2JS} from 're2js';
import {MAX_PATTERN_LENGTH, MAX_PROGRAM_SIZE} from './types.js';

export interface Hit {
  start: number;
  end: number;
  text: string;
}

/** Compiles a user pattern; throws an Error with a message for analysts when RE2 cannot. */
export function compilePattern(pattern: string, ignoreCase: boolean): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new Error(`is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`);
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw new Error(explainSyntaxError(pattern, (error as Error).message));
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    throw new Error(`is too complex (compiled size ${re.programSize()}; the limit is ${MAX_PROGRAM_SIZE}); simplify it or split it into several patterns`);
  }
  return re;
}

function explainSyntaxError(pattern: string, raw: string): string {
  const detail = raw.replace(/^error parsing regexp:\s*/, '');
  if (/\\[1-9]/.test(pattern) && /escape/.test(detail)) {
    return `cannot be used: backreferences (\\1…) are not supported, because they can take exponential time (${detail})`;
  }
  if (/\(\?<?[=!]/.test(pattern)) {
    return `cannot be used: lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported, because they can take exponential time (${detail})`;
  }
  if (/too large/.test(detail)) return `is too complex for the regular expression engine (${detail}); simplify it or split it into several patterns`;
  return `is not a valid regular expression: ${detail}`;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  // Look at the whole code point (a surrogate pair is one letter).
  const cp = text.codePointAt(i);
  const lowSurrogate = i > 0 && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  const ch = lowSurrogate ? String.fromCodePoint(text.codePointAt(i - 1) ?? 0) : String.fromCodePoint(cp ?? 0);
  return WORD_CHAR.test(ch);
}

/** Normal form of a term for lookups: lower case (when ignoring case), single spaces. */
export function termKey(term: string, ignoreCase: boolean): string {
  const t = term.trim().replace(/\s+/g, ' ');
  return ignoreCase ? t.toLowerCase() : t;
}

/**
 * One RE2 program for a list of terms, matched as whole words (letters and digits
 * of any script count as word characters) with any run of white space between words.
 */
export class TermMatcher {
  private readonly re: RE2JS | undefined;
  constructor(
    readonly terms: string[],
    readonly ignoreCase: boolean,
  ) {
    const alts = [...new Set(terms.map((t) => t.trim()).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map((t) => t.split(/\s+/).map((w) => RE2JS.quote(w)).join('\\s+'));
    this.re = alts.length ? compilePattern(`(?:${alts.join('|')})`, ignoreCase) : undefined;
  }

  find(text: string, out: Hit[] = []): Hit[] {
    if (!this.re) return out;
    const m = this.re.matcher(text);
    let from = 0;
    while (from <= text.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      if (end > start && !isWordChar(text, start - 1) && !isWordChar(text, end)) {
        out.push({start, end, text: text.slice(start, end)});
        from = end;
      } else {
        from = start + 1;
      }
    }
    return out;
  }
}

export class PatternMatcher {
  private readonly re: RE2JS;
  constructor(
    readonly pattern: string,
    ignoreCase: boolean,
  ) {
    this.re = compilePattern(pattern, ignoreCase);
  }

  find(text: string, out: Hit[] = []): Hit[] {
    const m = this.re.matcher(text);
    let from = 0;
    while (from <= text.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      if (end > start) {
        out.push({start, end, text: text.slice(start, end)});
        from = end;
      } else {
        from = start + 1; // an empty match says nothing: step over it
      }
    }
    return out;
  }

  /** Does the pattern match the whole of `text`? */
  matchesAll(text: string): boolean {
    return this.re.testExact(text);
  }
}
