/** Engine findings and offsets → LSP shapes. The only place that knows both. */
import {DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit} from 'vscode-languageserver/node';
import {ruleDocsUrl, type Finding, type LineIndex, type TextEdit as CoreEdit} from '../../core/src/index.js';

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return {start: lines.positionAt(start), end: lines.positionAt(end)};
}

export function toEdit(lines: LineIndex, e: CoreEdit): TextEdit {
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

export function toDiagnostic(uri: string, lines: LineIndex, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: f.ruleId.startsWith('brief/') ? undefined : {href: ruleDocsUrl(f.ruleId)},
    source: 'brief',
    message: f.message,
    data: {ruleId: f.ruleId, category: f.category, fixable: !!f.fix} satisfies DiagnosticData,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({location: {uri, range: toRange(lines, r.start, r.end)}, message: r.message}));
  }
  if (f.tags?.length) {
    d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return d;
}

/** Do two LSP ranges overlap or touch? */
export function rangesTouch(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
