/** Human-readable output, grouped by file (the default format). */
import {styleText} from 'node:util';
import type {FileResult, LintMessage} from '../result.js';
import {displayPath} from '../files.js';
import type {FormatContext} from './index.js';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<LintMessage['severity'], Style> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
  hint: 'gray',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(results: FileResult[], ctx: FormatContext): string {
  const paint = (style: Style, s: string) => (ctx.color ? styleText(style, s) : s);
  let out = '';
  const totals = {error: 0, warning: 0, info: 0, hint: 0, fixable: 0};
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out += `\n${paint('underline', displayPath(r.filePath, ctx.cwd))}\n`;
    const rows = r.messages.map((m) => ({
      pos: `${m.line}:${m.column}`,
      sev: m.severity,
      msg: m.message.replace(/\s*\n\s*/g, ' '),
      rule: m.ruleId,
    }));
    const posWidth = Math.max(...rows.map((x) => x.pos.length));
    const sevWidth = Math.max(...rows.map((x) => x.sev.length));
    for (const row of rows) {
      out += `  ${paint('dim', row.pos.padEnd(posWidth))}  ${paint(SEVERITY_STYLE[row.sev], row.sev.padEnd(sevWidth))}  ${row.msg}  ${paint('dim', row.rule)}\n`;
    }
    totals.error += r.errorCount;
    totals.warning += r.warningCount;
    totals.info += r.infoCount;
    totals.hint += r.hintCount;
    totals.fixable += r.messages.filter((m) => m.fix).length;
  }
  const problems = totals.error + totals.warning + totals.info + totals.hint;
  const files = results.length;
  const baselined = results.reduce((n, r) => n + (r.baselined ?? 0), 0);
  const hidden = baselined ? `  ${plural(baselined, 'known problem')} hidden by the baseline (--no-baseline shows them).\n` : '';
  if (problems === 0) {
    return `${paint('green', '✔')} ${plural(files, 'file')} checked, no problems.\n${hidden}`;
  }
  const parts = [plural(totals.error, 'error'), plural(totals.warning, 'warning')];
  if (totals.info) parts.push(`${totals.info} info`);
  if (totals.hint) parts.push(plural(totals.hint, 'hint'));
  const mark = totals.error ? paint('red', '✖') : paint('yellow', '⚠');
  out += `\n${mark} ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')} checked.\n`;
  if (totals.fixable && !ctx.fixing) {
    out += `  ${totals.fixable} of them can be fixed with the \`--fix\` option.\n`;
  }
  return out + hidden;
}
