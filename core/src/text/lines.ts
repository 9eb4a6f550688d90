/** Offsets are UTF-16 code units into the document text (what JavaScript strings and LSP use). */
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/**
 * Maps offsets to line/character and back. Lines end at \n, \r\n or \r. The lines are
 * found on first use: a parsed document carries one, and a keystroke's re-lint often
 * needs no position at all (the language server converts with its own index).
 */
export class LineIndex {
  private _starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Offset at which each line starts. */
  get starts(): number[] {
    return (this._starts ??= lineStarts(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return {line: lo, character: offset - starts[lo]};
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const starts = this.starts;
    if (line + 1 < starts.length) {
      let end = starts[line + 1];
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  // Without a carriage return, lines end at each \n: found by indexOf (native), not a loop over every character.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}
