import {
  ATTRIBUTION, CERTAINTY, CONFIDENCE, HEDGE, HEDGE_IDIOM, MODIFIED_POSSIBLE, NUMBER, PERCENT, TIMEFRAME, isFigure,
} from './patterns.js';
import {findQuotes, inside, splitSentences, wordCount, type Span} from './sentences.js';
import type {Lexicon} from '../scales/lexicon.js';
import {nativeOnFirstUse} from '../text/native-regexp.js';
import {mapPacked} from '../text/packed.js';

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

/** A new list of hits, from one allocation site: V8 then makes every list of hits with the same hidden class, empty or not. */
function hits(): Hit[] {
  return [];
}

function all(re: RegExp, text: string, quotes: Span[], keepQuoted = false): Hit[] {
  const out = hits();
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

/** The block patterns, compiled to native code on first use (text/native-regexp.ts: ~40 ms of every fresh process's first files). */
const timeframe = nativeOnFirstUse(TIMEFRAME);
const attribution = nativeOnFirstUse(ATTRIBUTION);
const number = nativeOnFirstUse(NUMBER);
const confidence = nativeOnFirstUse(CONFIDENCE);
const hedge = nativeOnFirstUse(HEDGE);
const hedgeIdiom = nativeOnFirstUse(HEDGE_IDIOM);
const modifiedPossible = nativeOnFirstUse(MODIFIED_POSSIBLE);
const certainty = nativeOnFirstUse(CERTAINTY);
const percent = nativeOnFirstUse(PERCENT);

function overlaps(a: Span, list: Span[]): boolean {
  for (const b of list) if (a.start < b.end && b.start < a.end) return true;
  return false;
}

/**
 * A block's facts, each found on first use and kept: most blocks are evidence, and the
 * patterns only judgement statements need (time bounds, certainty, hedges…) never run on
 * them. Sections are cached, so each pattern runs at most once per block text.
 */
class LazyFacts implements BlockFacts {
  private _sentences?: Span[];
  private _quotes?: Span[];
  private _directQuotes?: Hit[];
  private _terms?: TermHit[];
  private _confidence?: Hit[];
  private _hedges?: Hit[];
  private _modifiedPossible?: Hit[];
  private _certainty?: Hit[];
  private _timeframes?: Hit[];
  private _figures?: Hit[];
  private _percents?: PercentHit[];
  private _attributions?: Hit[];

  constructor(
    private readonly masked: string,
    private readonly lexicon: Lexicon,
  ) {}

  get sentences(): Span[] {
    return (this._sentences ??= splitSentences(this.masked));
  }
  get quotes(): Span[] {
    return (this._quotes ??= findQuotes(this.masked));
  }
  get directQuotes(): Hit[] {
    return (this._directQuotes ??= mapPacked(
      this.quotes.filter((q) => wordCount(this.masked.slice(q.start, q.end)) >= 3),
      (q) => ({start: q.start, end: q.end, text: this.masked.slice(q.start, q.end)}),
    ));
  }
  get terms(): TermHit[] {
    // Written out, not spread: V8 gave spread copies a hidden class of their own nearly every
    // time (566 classes seen at one read in a 200-brief lint), which made every read of a term
    // megamorphic. parse/shapes.test.ts checks it.
    return (this._terms ??= mapPacked(all(this.lexicon.pattern(), this.masked, this.quotes), (h) => ({
      start: h.start,
      end: h.end,
      text: h.text,
      form: h.text.toLowerCase().replace(/\s+/g, ' '),
    })));
  }
  get confidence(): Hit[] {
    return (this._confidence ??= all(confidence(), this.masked, this.quotes));
  }
  get modifiedPossible(): Hit[] {
    return (this._modifiedPossible ??= all(modifiedPossible(), this.masked, this.quotes).filter((h) => !overlaps(h, this.terms)));
  }
  get hedges(): Hit[] {
    return (this._hedges ??= findHedges(this.masked, this.quotes, this.terms, this.modifiedPossible));
  }
  get certainty(): Hit[] {
    return (this._certainty ??= all(certainty(), this.masked, this.quotes));
  }
  get timeframes(): Hit[] {
    return (this._timeframes ??= all(timeframe(), this.masked, this.quotes, true));
  }
  get figures(): Hit[] {
    return (this._figures ??= all(number(), this.masked, this.quotes, true).filter((h) => isFigure(this.masked, h.start, h.end)));
  }
  get percents(): PercentHit[] {
    return (this._percents ??= findPercents(this.masked));
  }
  get attributions(): Hit[] {
    return (this._attributions ??= all(attribution(), this.masked, this.quotes, true));
  }
}

function findHedges(masked: string, quotes: Span[], terms: Span[], modifiedPossible: Span[]): Hit[] {
  const idioms = all(hedgeIdiom(), masked, quotes);
  return all(hedge(), masked, quotes).filter((h) => {
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
}

function findPercents(masked: string): PercentHit[] {
  const percents: PercentHit[] = [];
  const re = percent();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const low = Number(m[1]);
    const high = m[2] !== undefined ? Number(m[2]) : low;
    percents.push({start: m.index, end: m.index + m[0].length, text: m[0], low: Math.min(low, high), high: Math.max(low, high)});
  }
  return percents;
}

export function analyseBlock(masked: string, lexicon: Lexicon): BlockFacts {
  return new LazyFacts(masked, lexicon);
}
