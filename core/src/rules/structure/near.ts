/** Near-miss matching for names: front-matter keys, scale ids, rule ids. */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2: number[] = new Array(m + 1).fill(0);
  let prev: number[] = Array.from({length: m + 1}, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = new Array(m + 1).fill(0);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

/**
 * Candidates within edit distance 2 of `word` (1 for words of three letters or fewer),
 * compared case-insensitively after `normalise`; closest first. An exact match is not a near miss.
 */
export function nearMisses(word: string, candidates: Iterable<string>, normalise: (s: string) => string = (s) => s.toLowerCase()): Array<{name: string; distance: number}> {
  const w = normalise(word);
  const max = w.length <= 3 ? 1 : 2;
  const out: Array<{name: string; distance: number}> = [];
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(w, normalise(c));
    if (d <= max) out.push({name: c, distance: d});
  }
  return out.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
}

/** The one closest candidate, when no other is as close. */
export function uniqueNearest(misses: Array<{name: string; distance: number}>): string | undefined {
  if (misses.length === 0) return undefined;
  if (misses.length > 1 && misses[1].distance === misses[0].distance) return undefined;
  return misses[0].name;
}

/** "‘a’", "‘a’ or ‘b’", "‘a’, ‘b’ or ‘c’". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
