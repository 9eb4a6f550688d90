/**
 * Test helper: write offsets inline. `|` marks the cursor; `⟦…⟧` mark expected ranges.
 * (Pure: used by the service tests only.)
 */
import {parseBrief, type BriefDocument} from '../parse/document.js';
import type {ResolvedConfig} from '../config/types.js';

export interface Marked {
  text: string;
  /** Offset of the cursor marker, or -1 when there is none. */
  offset: number;
  ranges: Array<{start: number; end: number}>;
}

export function marked(source: string, cursor = '|'): Marked {
  let text = '';
  let offset = -1;
  const ranges: Marked['ranges'] = [];
  const stack: number[] = [];
  for (const ch of source) {
    if (ch === cursor && cursor) {
      if (offset >= 0) throw new Error('two cursor markers in test text');
      offset = text.length;
    } else if (ch === '⟦') stack.push(text.length);
    else if (ch === '⟧') {
      const start = stack.pop();
      if (start === undefined) throw new Error('unbalanced ⟧');
      ranges.push({start, end: text.length});
    } else text += ch;
  }
  if (stack.length) throw new Error('unbalanced ⟦');
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return {text, offset, ranges};
}

/** Parses a brief written with markers. */
export function parseMarked(source: string, options: {cursor?: string; config?: ResolvedConfig} = {}): Marked & {doc: BriefDocument} {
  const m = marked(source, options.cursor ?? '|');
  return {...m, doc: parseBrief(m.text, {config: options.config})};
}

export function slice(text: string, r: {start: number; end: number}): string {
  return text.slice(r.start, r.end);
}
