/** `--format sarif`: SARIF 2.1.0 for code scanning, with rule metadata. */
import {pathToFileURL} from 'node:url';
import {relative, isAbsolute, sep} from 'node:path';
import type {Rule} from '../../../core/src/rules/types.js';
import {docsUrlFor} from '../../../core/src/custom/index.js';
import {FILE_RULE_ID, type FileResult, type LintMessage} from '../result.js';
import type {FormatContext} from './index.js';

export const INFORMATION_URI = 'https://github.com/brief-studio/brief-studio';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(level: string): SarifLevel {
  if (level === 'error') return 'error';
  if (level === 'warning') return 'warning';
  if (level === 'off') return 'none';
  return 'note';
}

interface SarifRule {
  id: string;
  shortDescription: {text: string};
  fullDescription: {text: string};
  helpUri: string;
  defaultConfiguration: {level: SarifLevel; enabled: boolean};
  properties: {category: string; fixable: boolean; tags: string[]};
}

function describeRule(rule: Rule): SarifRule {
  return {
    id: rule.id,
    shortDescription: {text: rule.description},
    fullDescription: {text: rule.docs.rationale || rule.description},
    helpUri: docsUrlFor(rule.id, rule),
    defaultConfiguration: {level: sarifLevel(rule.defaultLevel), enabled: rule.defaultLevel !== 'off'},
    properties: {category: rule.category, fixable: rule.fixable, tags: ['brief', rule.category]},
  };
}

const FILE_RULE: SarifRule = {
  id: FILE_RULE_ID,
  shortDescription: {text: 'A file that could not be linted (unreadable, binary, too large or not UTF-8).'},
  fullDescription: {text: 'brief reports files it cannot read or parse as a whole instead of skipping them silently.'},
  helpUri: INFORMATION_URI,
  defaultConfiguration: {level: 'error', enabled: true},
  properties: {category: 'file', fixable: false, tags: ['brief']},
};

/** URI of a file relative to the working folder (with %SRCROOT%), or an absolute file: URI outside it. */
function artifactLocation(filePath: string, cwd: string): {uri: string; uriBaseId?: string} {
  const rel = relative(cwd, filePath);
  if (rel && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel)) {
    return {uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'};
  }
  return {uri: pathToFileURL(filePath).href};
}

export function formatSarif(results: FileResult[], ctx: FormatContext): string {
  const rules: SarifRule[] = ctx.rules.map(describeRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (m: LintMessage): number => {
    let i = index.get(m.ruleId);
    if (i === undefined) {
      const extra = m.ruleId === FILE_RULE_ID ? FILE_RULE : {...FILE_RULE, id: m.ruleId, shortDescription: {text: m.ruleId}};
      i = rules.length;
      rules.push(extra);
      index.set(m.ruleId, i);
    }
    return i;
  };
  const sarifResults = results.flatMap((r) => {
    // Identical findings in one file share a baseline fingerprint: number them so each stays its own result.
    const seen = new Map<string, number>();
    const occurrence = (fp: string) => {
      const n = seen.get(fp) ?? 0;
      seen.set(fp, n + 1);
      return n;
    };
    return r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex(m),
      level: sarifLevel(m.severity),
      message: {text: m.message},
      // Code scanning matches results across commits by these; the baseline fingerprint ignores line numbers.
      ...(m.fingerprint ? {partialFingerprints: {'briefFingerprint/v1': `${m.fingerprint}:${occurrence(m.fingerprint)}`}} : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(r.filePath, ctx.cwd),
            region: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn},
          },
        },
      ],
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'brief',
            fullName: 'Brief Studio linter',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href}},
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
