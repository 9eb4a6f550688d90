/** What `brief lint` reports per file; `--format json` prints an array of these. */
import type {Category, Severity} from '../../core/src/index.js';

export interface LintMessage {
  ruleId: string;
  category: Category | 'file';
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  endColumn: number;
  /** Stable identity of the finding across edits elsewhere in the file (see core/src/baseline.ts); absent for problems with the file itself. */
  fingerprint?: string;
  /** The safe fix `--fix` would apply (offsets are UTF-16 code units into the file text, after any BOM). */
  fix?: {title: string; edits: Array<{range: [number, number]; text: string}>};
}

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Present (true) when `--fix` wrote changes to the file. */
  fixed?: boolean;
  /** Present when a baseline applied to the file: how many findings it hid (they are not in `messages`). */
  baselined?: number;
}

export const FILE_RULE_ID = 'brief/file';

/** Recomputes the counts from the messages. */
export function withCounts(filePath: string, messages: LintMessage[], fixed?: boolean): FileResult {
  const count = (s: Severity) => messages.filter((m) => m.severity === s).length;
  const fixable = (s: Severity) => messages.filter((m) => m.severity === s && m.fix).length;
  const result: FileResult = {
    filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    hintCount: count('hint'),
    fixableErrorCount: fixable('error'),
    fixableWarningCount: fixable('warning'),
  };
  if (fixed) result.fixed = true;
  return result;
}

/** A problem with the file itself (unreadable, binary, too large): one error at 1:1. */
export function fileProblem(filePath: string, message: string, severity: Severity = 'error'): LintMessage {
  return {ruleId: FILE_RULE_ID, category: 'file', severity, message, line: 1, column: 1, endLine: 1, endColumn: 1};
}
