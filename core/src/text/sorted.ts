/**
 * Lists sorted by a position (findings, citations, sentences, units, section starts): the
 * first item at or after a position, by binary search. The one search the engine's sorted
 * lists share; "after" and "at or before" are the same search at the next offset (offsets
 * are whole numbers).
 */

/** The start of a range: the key most sorted lists are in order of. */
export const startOf = (x: {readonly start: number}): number => x.start;
/** The end of a range. */
export const endOf = (x: {readonly end: number}): number => x.end;

/** Index of the first item of `list` (in non-decreasing order of `keyOf`) whose key is `at` or more; `list.length` if none. */
export function firstAtOrAfter<T>(list: readonly T[], at: number, keyOf: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
