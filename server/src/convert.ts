/** Engine findings and offsets → LSP shapes. The only place that knows both. */
import {DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position, type Range, type TextEdit} from 'vscode-languageserver/node';
import {type Finding, type LineIndex, type TextEdit as CoreEdit} from '../../core/src/index.js';
import {docsUrlFor} from '../../core/src/custom/index.js';
import type {LintMessage} from '../../cli/src/result.js';

/** What converts offsets to positions: the engine's line index, or the server's text document. */
export type Positions = Pick<LineIndex, 'positionAt'>;

export function toRange(lines: Positions, start: number, end: number): Range {
  return {start: lines.positionAt(start), end: lines.positionAt(end)};
}

export function toEdit(lines: Positions, e: CoreEdit): TextEdit {
  return {range: toRange(lines, e.start, e.end), newText: e.text};
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export interface DiagnosticData {
  ruleId: string;
  category: string;
  fixable: boolean;
}

/** The fields every brief diagnostic has, from the rule id, severity and message. */
function baseDiagnostic(range: Range, m: {ruleId: string; category: string; severity: keyof typeof SEVERITY; message: string; fix?: unknown}): Diagnostic {
  return {
    range,
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    // Built-in rules link to their page; custom rules to their `docs` URL or the custom-rules guide.
    codeDescription: m.ruleId.startsWith('brief/') ? undefined : {href: docsUrlFor(m.ruleId)},
    source: 'brief',
    message: m.message,
    data: {ruleId: m.ruleId, category: m.category, fixable: !!m.fix} satisfies DiagnosticData,
  };
}

/** A CLI message (1-based line/column, as `brief lint` reports for files on disk) as a diagnostic. */
export function messageToDiagnostic(m: LintMessage): Diagnostic {
  return baseDiagnostic({start: {line: m.line - 1, character: m.column - 1}, end: {line: m.endLine - 1, character: m.endColumn - 1}}, m);
}

export function toDiagnostic(uri: string, lines: Positions, f: Finding): Diagnostic {
  const d = baseDiagnostic(toRange(lines, f.start, f.end), f);
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({location: {uri, range: toRange(lines, r.start, r.end)}, message: r.message}));
  }
  if (f.tags?.length) {
    d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return d;
}

/**
 * The diagnostics of `findings`. A diagnostic equal to one of the last version's (`previous`)
 * at the same place is that very object: after a keystroke most findings have not moved in
 * lines and characters, and their diagnostics then keep their identity (and the transport's
 * encoding of them, encode.ts). Equality is checked on what `toDiagnostic` made, so it can
 * never miss a field. Never mutate a diagnostic once returned.
 */
export function toDiagnostics(uri: string, lines: Positions, findings: Finding[], previous?: Diagnostic[]): Diagnostic[] {
  if (!previous?.length) return findings.map((f) => toDiagnostic(uri, lines, f));
  // Both lists are in document order (the engine sorts findings by position): one pass.
  let j = 0;
  return findings.map((f) => {
    const d = toDiagnostic(uri, lines, f);
    while (j < previous.length && before(previous[j].range.start, d.range.start)) j++;
    for (let k = j; k < previous.length && samePosition(previous[k].range.start, d.range.start); k++) {
      if (sameData(previous[k], d)) return previous[k];
    }
    return d;
  });
}

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
const samePosition = (p: Position, q: Position) => p.line === q.line && p.character === q.character;

/** Equal JSON-like data (objects, arrays, primitives), without allocating. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!(k in y) || !sameData(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) n--;
  return n === 0;
}

/** Do two LSP ranges overlap or touch? */
export function rangesTouch(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
