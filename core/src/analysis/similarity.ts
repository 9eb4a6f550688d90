/** Content-word overlap between sentences, weighted by rarity (IDF), for matching a Summary sentence to the judgement it restates. */
import {ownCopy} from '../text/utf16.js';

const STOP = new Set(
  `a an the and or but if then than that this these those there their they them it its it's is are was were be been being
  to of in on at by for from with without within over under into onto as about after before during until while whilst
  we our us you your he she his her i me my not no nor so such very more most less least much many some any each every
  will would shall should can could may might must do does did done have has had having also only just still even yet
  which who whom whose what when where why how all both either neither other another same own again further once
  likely unlikely probably probable highly almost certain certainly possible possibility possibly realistic remote chance
  even odds assess assessed judge judged judgement judgment estimate believe think expect continue continues
  next months month years year weeks week over coming`.split(/\s+/),
);

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 6 && w.endsWith('ion')) w = w.slice(0, -3);
  return w;
}

const wordCache = new Map<string, Set<string>>();

/** Content words of a text, memoised: judgement statements are re-read on every keystroke. */
export function contentWords(text: string): Set<string> {
  const hit = wordCache.get(text);
  if (hit) return hit;
  const words = computeContentWords(text);
  if (wordCache.size > 2000) wordCache.clear();
  // Keyed by a copy: the text is usually a slice of a block's text, and through it of the
  // whole document's (the CLI's sections are slices of the file): 2,000 such keys kept as
  // many documents alive.
  wordCache.set(ownCopy(text), words);
  return words;
}

function computeContentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].toLowerCase();
    if (STOP.has(w) || w.length < 3) continue;
    out.add(stem(w));
  }
  return out;
}

/** IDF weights over a set of texts' word sets. */
export function idf(sets: Array<Set<string>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sets.length;
  const out = new Map<string, number>();
  for (const [w, d] of df) out.set(w, Math.log(1 + n / d));
  return out;
}

/** Weighted Dice coefficient of two word sets. */
export function similarity(a: Set<string>, b: Set<string>, weights: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const w of a) {
    const x = weights.get(w) ?? 1;
    total += x;
    if (b.has(w)) shared += x;
  }
  for (const w of b) total += weights.get(w) ?? 1;
  return total === 0 ? 0 : (2 * shared) / total;
}
