/** Where the benchmarks type, shared with the VS Code recording (bench/vscode-recording): no imports, so that both can load it. */

/** A keystroke position in the middle of the brief: inside the judgement sentence of the middle key judgement. */
export function middleCursor(text: string): {line: number; character: number} {
  const lines = text.split('\n');
  let line = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('It is '));
  if (line < 0) line = lines.findIndex((l) => l.startsWith('It is '));
  if (line < 0) line = Math.floor(lines.length / 2);
  // After "It is likely that the …": in the middle of the sentence.
  return {line, character: Math.min(lines[line].length, Math.floor(lines[line].length / 2))};
}
