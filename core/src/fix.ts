import type {Finding, Fix, TextEdit} from './rules/types.js';
import {firstAtOrAfter, startOf} from './text/sorted.js';

export interface FixResult {
  text: string;
  /** Fixes applied, in document order. */
  applied: Fix[];
  /** Fixes left out because they overlapped an earlier one. */
  skipped: Fix[];
  /** The applied fixes' edits, in the order they were written into `text` (what an editor is sent). */
  edits: TextEdit[];
}

/**
 * Applies fixes whose edits do not overlap (earlier fixes win). Text outside the
 * edits' ranges is left exactly as it was.
 *
 * Two edits overlap when their ranges share a character, when an insertion falls strictly
 * inside a range, or when two insertions are at the same place. The edits taken so far are
 * kept in two sorted lists, insertions and ranges (disjoint, so their ends are in order
 * too), and each new edit is checked against its neighbours by binary search: a fix-all
 * over thousands of findings stays O(n log n).
 */
export function applyFixes(text: string, fixes: Fix[]): FixResult {
  const ordered = fixes
    .map((fix) => ({fix, edits: [...fix.edits].sort((a, b) => a.start - b.start)}))
    .filter((f) => f.edits.length > 0)
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const inserts: TextEdit[] = [];
  const ranges: TextEdit[] = [];
  const edits: TextEdit[] = [];
  for (const f of ordered) {
    const invalid = f.edits.some((e, i) => (i > 0 && e.start < f.edits[i - 1].end) || e.start < 0 || e.end > text.length || e.end < e.start);
    if (invalid || f.edits.some((e) => clashes(inserts, ranges, e))) {
      skipped.push(f.fix);
      continue;
    }
    for (const e of f.edits) {
      const list = e.start === e.end ? inserts : ranges;
      list.splice(firstAtOrAfter(list, e.start + 1, startOf), 0, e);
      edits.push(e);
    }
    applied.push(f.fix);
  }
  // In order of position; at one offset an insertion goes before a range that starts there (it
  // was written after the range's text: the cursor then stepped back over the replaced text and
  // wrote it again), and insertions at one place keep the order they were taken in.
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  return {text: out, applied, skipped, edits};
}

/** Does `e` overlap an edit taken already (`inserts`: empty ranges; `ranges`: the others, disjoint; both in order of start)? */
function clashes(inserts: readonly TextEdit[], ranges: readonly TextEdit[], e: TextEdit): boolean {
  // The last range starting before e ends has the furthest end of all that do.
  const r = ranges[firstAtOrAfter(ranges, e.start === e.end ? e.start : e.end, startOf) - 1];
  if (r && r.end > e.start && (e.start !== e.end || r.start < e.start)) return true;
  // An insertion at e's place when e is one too; strictly inside e when e is a range.
  const i = inserts[firstAtOrAfter(inserts, e.start === e.end ? e.start : e.start + 1, startOf)];
  return !!i && (e.start === e.end ? i.start === e.start : i.start < e.end);
}

/** The safe fixes of a set of findings (what `--fix` and fix-all apply). */
export function safeFixes(findings: Finding[]): Fix[] {
  return findings.map((f) => f.fix).filter((f): f is Fix => !!f);
}
