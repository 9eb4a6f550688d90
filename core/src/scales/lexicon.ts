import type {Scale, ScaleTerm} from './index.js';
import {nativeOnFirstUse} from '../text/native-regexp.js';

/** Where a phrase belongs: a scale and its term there. */
export interface TermHome {
  scale: Scale;
  term: ScaleTerm;
}

export interface LexiconEntry {
  /** The phrase as listed (lower case). */
  form: string;
  /** Every scale (known to the lexicon) that lists this phrase. Empty for phrases on no selectable scale. */
  homes: TermHome[];
  /** The reading used to map the phrase onto another scale (its first home, or the common-terms entry). */
  reading: TermHome;
}

/** Grammatical shape of a phrase, used to pick replacements that fit the sentence. */
export type FormClass = 'adverb' | 'adjective' | 'noun';

export function formClass(form: string): FormClass {
  const words = form.toLowerCase().split(/\s+/).filter((w) => w !== 'not' && w !== 'a' && w !== 'an');
  const last = words[words.length - 1] ?? '';
  if (/^(chance|possibility|odds|toss-up|fifty-fifty|prospect|likelihood)$/.test(last)) return 'noun';
  if (/ly$/.test(last) && last !== 'likely' && last !== 'unlikely') return 'adverb';
  return 'adjective';
}

/**
 * All likelihood phrases of all known scales, matched in one pass
 * (longest phrase first, whole words, any run of white space between words).
 */
export class Lexicon {
  readonly entries: Map<string, LexiconEntry> = new Map();
  readonly regex: RegExp;
  /** `regex`, compiled to native code the first time it is asked for (text/native-regexp.ts): what block analysis uses. */
  readonly pattern: () => RegExp;
  /** Identity of the lexicon, part of the cache key of section analyses. */
  readonly key: string;

  constructor(scales: Scale[], extra: Scale) {
    const add = (scale: Scale, term: ScaleTerm, selectable: boolean) => {
      for (const raw of term.forms) {
        const form = raw.toLowerCase();
        let entry = this.entries.get(form);
        if (!entry) {
          entry = {form, homes: [], reading: {scale, term}};
          this.entries.set(form, entry);
        }
        if (selectable) {
          if (entry.homes.length === 0) entry.reading = {scale, term};
          entry.homes.push({scale, term});
        }
      }
    };
    for (const scale of scales) for (const term of scale.terms) add(scale, term, true);
    for (const term of extra.terms) add(extra, term, false);
    const forms = [...this.entries.keys()].sort((a, b) => b.length - a.length);
    const alternatives = forms.map((f) => f.split(/\s+/).map(escapeRegExp).join('\\s+'));
    this.regex = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
    this.pattern = nativeOnFirstUse(this.regex);
    this.key = scales.map((s) => s.id + ':' + s.terms.map((t) => t.forms.join('/')).join(',')).join(';');
  }

  lookup(phrase: string): LexiconEntry | undefined {
    return this.entries.get(phrase.toLowerCase().replace(/\s+/g, ' '));
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Overlap of two bands in percentage points (0 when they only touch or are apart). */
export function bandOverlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Distance between the centres of two bands. */
export function bandDistance(a: [number, number], b: [number, number]): number {
  return Math.abs((a[0] + a[1]) / 2 - (b[0] + b[1]) / 2);
}

/** Terms of `scale` closest to `band`: largest overlap first, then nearest centre. */
export function equivalentTerms(scale: Scale, band: [number, number]): ScaleTerm[] {
  const ranked = scale.terms
    .map((term) => ({term, overlap: bandOverlap(term.band, band), distance: bandDistance(term.band, band)}))
    .sort((x, y) => y.overlap - x.overlap || x.distance - y.distance);
  if (ranked.length === 0) return [];
  const best = ranked[0];
  const out = [best.term];
  for (const r of ranked.slice(1)) {
    if (best.overlap > 0 && r.overlap >= best.overlap * 0.5 && out.length < 2) out.push(r.term);
  }
  return out;
}

export interface FormReading {
  term: ScaleTerm;
  /** The scale the band comes from: `scale` itself when the phrase is on it. */
  scale: Scale;
  onScale: boolean;
}

/** What a likelihood phrase means under `scale`: its term there, or the term it comes from elsewhere. */
export function readForm(lexicon: Lexicon, scale: Scale, form: string): FormReading | undefined {
  const key = form.toLowerCase().replace(/\s+/g, ' ');
  const own = scale.terms.find((t) => t.forms.some((f) => f.toLowerCase() === key));
  if (own) return {term: own, scale, onScale: true};
  const entry = lexicon.lookup(key);
  return entry && {term: entry.reading.term, scale: entry.reading.scale, onScale: false};
}
