/** Line-level scan that cuts a document into sections at headings, skipping fenced code. */

export interface SectionCut {
  /** Offset where the section starts (its heading line, or the body start). */
  start: number;
  end: number;
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const NOT_PARAGRAPH = /^(?: {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}>| {4}|\t| {0,3}<| {0,3}(?:[-*_][ \t]*){3,}$| {0,3}#| {0,3}\|)/;

/**
 * Cuts `text` from `from` into sections. Each section starts at a heading line (ATX, or
 * the first line of a setext heading's paragraph); text before the first heading is
 * its own section.
 */
export function splitSections(text: string, from: number, stop?: (cut: number) => boolean): SectionCut[] {
  const starts: number[] = [from];
  let end = text.length;
  // A cut where `stop` says the rest is known: the scan ends there (incremental re-split).
  const push = (cut: number): boolean => {
    if (stop?.(cut)) {
      end = cut;
      return true;
    }
    starts.push(cut);
    return false;
  };
  let fence: string | null = null;
  let pos = from;
  let paraStart = -1; // start of the current paragraph, for setext headings
  let prevBlank = true;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    const next = eol < 0 ? text.length : eol + 1;
    if (eol < 0) eol = text.length;
    let line = text.slice(pos, eol);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (fence) {
      const f = FENCE.exec(line);
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
      pos = next;
      prevBlank = false;
      continue;
    }
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) {
      fence = f[1];
      paraStart = -1;
    } else if (ATX.test(line)) {
      if (pos !== from && push(pos)) break;
      paraStart = -1;
    } else if (line.trim() === '') {
      paraStart = -1;
      prevBlank = true;
      pos = next;
      continue;
    } else if (SETEXT.test(line) && paraStart >= 0) {
      if (paraStart !== from && push(paraStart)) break;
      paraStart = -1;
    } else if (prevBlank || paraStart < 0) {
      paraStart = NOT_PARAGRAPH.test(line) ? -1 : pos;
    } else if (NOT_PARAGRAPH.test(line) && !/^ {4}|^\t/.test(line)) {
      paraStart = -1;
    }
    prevBlank = false;
    pos = next;
  }
  const cuts: SectionCut[] = [];
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    cuts.push({start: sorted[i], end: i + 1 < sorted.length ? sorted[i + 1] : end});
  }
  return cuts;
}
