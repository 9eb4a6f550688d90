import {parseBrief, type BriefDocument, type ParseOptions} from './parse/document.js';
import {allRules, rulesById} from './rules/index.js';
import type {Finding, Report, Rule} from './rules/types.js';
import {SuppressionIndex} from './suppressions.js';
import {defaultConfig, type ResolvedConfig, type RuleLevel, type Severity} from './config/types.js';

export interface LintResult {
  doc: BriefDocument;
  findings: Finding[];
  /** Findings removed by brief-disable comments. */
  suppressed: Finding[];
}

export interface LintOptions extends ParseOptions {
  /** Only run these rules (ids). */
  only?: string[];
}

export function ruleLevel(rule: Rule, config: ResolvedConfig): RuleLevel {
  const configured = config.rules[rule.id]?.level;
  if (configured) return configured;
  if (rule.defaultLevel === 'off' && rule.enabledBy?.(config)) return 'warning';
  return rule.defaultLevel;
}

export function ruleOptions(rule: Rule, config: ResolvedConfig): Record<string, unknown> {
  return {...(rule.defaultOptions ?? {}), ...(config.rules[rule.id]?.options ?? {})};
}

/** Parses and lints a brief. Never throws for any input text: a failing rule becomes a finding. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const doc = parseBrief(text, {...options, config});
  return lintDocument(doc, options);
}

export function lintDocument(doc: BriefDocument, options: LintOptions = {}): LintResult {
  const config = doc.config;
  const findings: Finding[] = [];
  const rules = options.only ? options.only.map((id) => rulesById.get(id)).filter((r): r is Rule => !!r) : allRules;
  for (const rule of rules) {
    // Asking for a rule by name runs it even where it is off by default.
    const configured = ruleLevel(rule, config);
    const level = options.only && configured === 'off' ? 'warning' : configured;
    if (level === 'off') continue;
    const severity: Severity = level;
    const report = (r: Report) => {
      const start = clamp(r.start, doc.text.length);
      const end = Math.max(start, clamp(r.end, doc.text.length));
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: r.severity ?? severity,
        message: r.message,
        start,
        end,
        fix: r.fix,
        suggestions: r.suggestions,
        related: r.related,
        tags: r.tags,
      });
    };
    try {
      rule.check({doc, options: ruleOptions(rule, config), report});
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: 'error',
        message: `Rule ${rule.id} failed on this document: ${(error as Error).message}. Please report this.`,
        start: 0,
        end: 0,
      });
    }
  }
  const index = new SuppressionIndex(doc);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const unsuppressible = rulesById.get(f.ruleId)?.unsuppressible;
    (!unsuppressible && index.suppressed(f.ruleId, f.start) ? suppressed : kept).push(f);
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return {doc, findings: kept, suppressed};
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}
