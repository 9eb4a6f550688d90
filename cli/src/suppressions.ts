/**
 * `brief suppressions`: every `<!-- brief-disable… -->` comment in the briefs, with
 * its scope, rules, reason, reviewer and how many findings it actually silenced,
 * so a reviewer can audit what has been turned off and why.
 */
import {readFileSync, statSync} from 'node:fs';
import {styleText} from 'node:util';
import {lintText} from '../../core/src/linter.js';
import type {ResolvedConfig} from '../../core/src/config/types.js';
import {auditSuppressions, type SuppressionScope} from '../../core/src/suppressions.js';
import {displayPath} from './files.js';
import {MAX_FILE_BYTES} from './lint-file.js';

export interface SuppressionRecord {
  /** Path relative to the working folder ('/'-separated), or absolute outside it. */
  file: string;
  /** 1-based position of the comment. */
  line: number;
  column: number;
  scope: SuppressionScope;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | null;
  reviewer: string | null;
  /** For a range: the line where it ends (its `brief-enable`, or the last line). */
  endLine?: number;
  /** How many findings the comment silenced (0: it silences nothing today). */
  suppressed: number;
  suppressedRules: string[];
}

export interface AuditResult {
  records: SuppressionRecord[];
  /** Files that could not be read, with why. */
  problems: Array<{file: string; message: string}>;
}

export function auditFiles(files: Array<{filePath: string; config: ResolvedConfig}>, cwd: string): AuditResult {
  const records: SuppressionRecord[] = [];
  const problems: AuditResult['problems'] = [];
  for (const {filePath, config} of files) {
    const file = displayPath(filePath, cwd);
    let text: string;
    try {
      const st = statSync(filePath);
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > MAX_FILE_BYTES) throw new Error(`too large (${(st.size / 1048576).toFixed(1)} MB)`);
      const bytes = readFileSync(filePath);
      if (bytes.includes(0)) throw new Error('contains NUL bytes (binary, not a brief)');
      text = bytes.toString('utf8');
    } catch (error) {
      problems.push({file, message: (error as Error).message});
      continue;
    }
    if (text.startsWith('\uFEFF')) text = text.slice(1);
    const {doc, suppressed} = lintText(text, {config});
    for (const a of auditSuppressions(doc, suppressed)) {
      const at = doc.lines.positionAt(a.start);
      const rec: SuppressionRecord = {
        file,
        line: at.line + 1,
        column: at.character + 1,
        scope: a.scope,
        rules: a.rules,
        reason: a.reason ?? null,
        reviewer: a.reviewer ?? null,
        suppressed: a.suppressed,
        suppressedRules: a.suppressedRules,
      };
      if (a.rangeEnd !== undefined) rec.endLine = doc.lines.positionAt(a.rangeEnd).line + 1;
      records.push(rec);
    }
  }
  return {records, problems};
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSuppressionsJson(records: SuppressionRecord[]): string {
  return JSON.stringify(records, null, 2) + '\n';
}

export function formatSuppressionsStylish(records: SuppressionRecord[], fileCount: number, color: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], s: string) => (color ? styleText(style, s) : s);
  if (records.length === 0) return `${plural(fileCount, 'file')} checked, no suppression comments.\n`;
  let out = '';
  const byFile = new Map<string, SuppressionRecord[]>();
  for (const r of records) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, list] of byFile) {
    out += `\n${paint('underline', file)}\n`;
    const rows = list.map((r) => ({
      pos: `${r.line}:${r.column}`,
      scope: r.scope === 'range' ? `range to ${r.endLine}` : r.scope,
      rules: r.rules.length ? r.rules.join(', ') : 'all rules',
      reason: r.reason ?? '(no reason)',
      reviewer: r.reviewer ? `reviewed by ${r.reviewer}` : '(no reviewer)',
      used: r.suppressed ? `silences ${r.suppressed}` : 'unused',
      r,
    }));
    const w = (k: 'pos' | 'scope' | 'rules' | 'reason' | 'reviewer') => Math.max(...rows.map((x) => x[k].length));
    const [pw, sw, rw, rsw, rvw] = [w('pos'), w('scope'), w('rules'), w('reason'), w('reviewer')];
    for (const x of rows) {
      const reason = x.r.reason ? x.reason.padEnd(rsw) : paint('yellow', x.reason.padEnd(rsw));
      const reviewer = x.r.reviewer ? x.reviewer.padEnd(rvw) : paint('dim', x.reviewer.padEnd(rvw));
      const used = x.r.suppressed ? paint('dim', x.used) : paint('yellow', x.used);
      out += `  ${paint('dim', x.pos.padEnd(pw))}  ${x.scope.padEnd(sw)}  ${x.rules.padEnd(rw)}  ${reason}  ${reviewer}  ${used}\n`;
    }
  }
  const noReason = records.filter((r) => !r.reason).length;
  const noReviewer = records.filter((r) => !r.reviewer).length;
  const unused = records.filter((r) => r.suppressed === 0).length;
  const notes = [`${noReason} without a reason`, `${noReviewer} without a reviewer`, `${unused} unused`];
  out += `\n${plural(records.length, 'suppression comment')} in ${plural(byFile.size, 'file')} (${notes.join(', ')}).\n`;
  if (unused) out += `  An unused comment silences nothing today (the finding was fixed, the rule is off, or a rule id is misspelt): remove it.\n`;
  return out;
}
