/**
 * `--format gitlab`: the Code Climate JSON subset GitLab reads for its code
 * quality report (artifacts:reports:codequality). One issue per finding:
 * description, check_name, fingerprint, severity and location (path relative to
 * the working folder, which in CI is the repository root, and the first line).
 */
import {nodeCrypto} from '../builtins.js';
import {displayPath} from '../files.js';
import type {FileResult, LintMessage} from '../result.js';
import type {FormatContext} from './index.js';

export type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitLabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitLabSeverity;
  location: {path: string; lines: {begin: number}};
}

const SEVERITY: Record<LintMessage['severity'], GitLabSeverity> = {
  hint: 'info',
  info: 'minor',
  warning: 'major',
  error: 'critical',
};

export function gitlabSeverity(severity: LintMessage['severity']): GitLabSeverity {
  return SEVERITY[severity] ?? 'info';
}

/**
 * GitLab compares reports by fingerprint, so it must be unique per issue and stable
 * across commits: the path, the baseline fingerprint (which ignores line numbers) and
 * the occurrence number among identical findings in the file.
 */
export function formatGitlab(results: FileResult[], ctx: Pick<FormatContext, 'cwd'>): string {
  const issues: GitLabIssue[] = [];
  for (const r of results) {
    const path = displayPath(r.filePath, ctx.cwd);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const identity = m.fingerprint ?? `${m.ruleId}\u0000${m.message}`;
      const n = seen.get(identity) ?? 0;
      seen.set(identity, n + 1);
      issues.push({
        description: m.message.replace(/\s*\n\s*/g, ' '),
        check_name: m.ruleId,
        fingerprint: nodeCrypto().createHash('md5').update(`${path}\u0000${identity}\u0000${n}`).digest('hex'),
        severity: gitlabSeverity(m.severity),
        location: {path, lines: {begin: m.line}},
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
