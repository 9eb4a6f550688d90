import {
  ATTRIBUTION, CERTAINTY, CONFIDENCE, HEDGE, HEDGE_IDIOM, MODIFIED_POSSIBLE, NUMBER, PERCENT, TIMEFRAME, isFigure,
} from './patterns.js';
import {findQuotes, inside, splitSentences, wordCount, type Span} from './sentences.js';
import type {Lexicon} from '../scales/lexicon.js';

/** A phrase found in a block (offsets relative to the block's masked text unless shifted). */
export interface Hit extends Span {
  text: string;
}

export interface TermHit extends Hit {
  /** Lexicon key (lower case, single spaces). */
  form: string;
}

export interface PercentHit extends Hit {
  low: number;
  high: number;
}

/** What a block says, found by pattern: the input of every rule. */
export interface BlockFacts {
  sentences: Span[];
  quotes: Span[];
  /** Quotations of three words or more: direct quotes rather than scare quotes. */
  directQuotes: Hit[];
  terms: TermHit[];
  confidence: Hit[];
  hedges: Hit[];
  modifiedPossible: Hit[];
  certainty: Hit[];
  timeframes: Hit[];
  figures: Hit[];
  percents: PercentHit[];
  attributions: Hit[];
}

function all(re: RegExp, text: string, quotes: Span[], keepQuoted = false): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (keepQuoted || !inside(quotes, start, end)) out.push({start, end, text: m[0]});
  }
  return out;
}

function overlaps(a: Span, list: Span[]): boolean {
  for (const b of list) if (a.start < b.end && b.start < a.end) return true;
  return false;
}

export function analyseBlock(masked: string, lexicon: Lexicon): BlockFacts {
  const quotes = findQuotes(masked);
  const directQuotes = quotes
    .filter((q) => wordCount(masked.slice(q.start, q.end)) >= 3)
    .map((q) => ({...q, text: masked.slice(q.start, q.end)}));
  const terms: TermHit[] = all(lexicon.regex, masked, quotes).map((h) => ({
    ...h,
    form: h.text.toLowerCase().replace(/\s+/g, ' '),
  }));
  const modifiedPossible = all(MODIFIED_POSSIBLE, masked, quotes).filter((h) => !overlaps(h, terms));
  const idioms = all(HEDGE_IDIOM, masked, quotes);
  const hedges = all(HEDGE, masked, quotes).filter((h) => {
    if (overlaps(h, terms) || overlaps(h, modifiedPossible) || overlaps(h, idioms)) return false;
    if (h.text === 'May') {
      // The month: "in May", "May 2027", "7 May".
      if (/^\s*\d/.test(masked.slice(h.end, h.end + 3))) return false;
      const before = masked.slice(Math.max(0, h.start - 12), h.start);
      if (/(?:\b(?:in|by|of|until|before|after|since|from|early|mid|late|during)\s*-?\s*|\d\s*)$/i.test(before)) return false;
      if (/\S/.test(before.slice(-2)) || /[\p{L},;]\s+$/u.test(before)) return false;
    }
    return true;
  });
  const percents: PercentHit[] = [];
  PERCENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT.exec(masked))) {
    const low = Number(m[1]);
    const high = m[2] !== undefined ? Number(m[2]) : low;
    percents.push({start: m.index, end: m.index + m[0].length, text: m[0], low: Math.min(low, high), high: Math.max(low, high)});
  }
  const figures = all(NUMBER, masked, quotes, true).filter((h) => isFigure(masked, h.start, h.end));
  return {
    sentences: splitSentences(masked),
    quotes,
    directQuotes,
    terms,
    confidence: all(CONFIDENCE, masked, quotes),
    hedges,
    modifiedPossible,
    certainty: all(CERTAINTY, masked, quotes),
    timeframes: all(TIMEFRAME, masked, quotes, true),
    figures,
    percents,
    attributions: all(ATTRIBUTION, masked, quotes, true),
  };
}
