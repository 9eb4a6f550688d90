import type {Finding, Fix, TextEdit} from './rules/types.js';

export interface FixResult {
  text: string;
  /** Fixes applied, in document order. */
  applied: Fix[];
  /** Fixes left out because they overlapped an earlier one. */
  skipped: Fix[];
}

/**
 * Applies fixes whose edits do not overlap (earlier fixes win). Text outside the
 * edits' ranges is left exactly as it was.
 */
export function applyFixes(text: string, fixes: Fix[]): FixResult {
  const ordered = fixes
    .map((fix) => ({fix, edits: [...fix.edits].sort((a, b) => a.start - b.start)}))
    .filter((f) => f.edits.length > 0)
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const edits: TextEdit[] = [];
  for (const f of ordered) {
    const clash = f.edits.some((e, i) => (i > 0 && e.start < f.edits[i - 1].end) || edits.some((x) => overlaps(x, e)));
    if (clash || f.edits.some((e) => e.start < 0 || e.end > text.length || e.end < e.start)) {
      skipped.push(f.fix);
      continue;
    }
    edits.push(...f.edits);
    applied.push(f.fix);
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  return {text: out, applied, skipped};
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/** The safe fixes of a set of findings (what `--fix` and fix-all apply). */
export function safeFixes(findings: Finding[]): Fix[] {
  return findings.map((f) => f.fix).filter((f): f is Fix => !!f);
}
