import type {Scale} from '../scales/index.js';
import type {CustomRuleDefinition} from '../custom/types.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  level: RuleLevel;
  options: Record<string, unknown>;
}

/** Names (case-insensitive, matched against heading text) that give a section its role. */
export interface SectionNames {
  summary: string[];
  judgements: string[];
  sources: string[];
}

/** Configuration as the engine uses it: every default filled in. */
export interface ResolvedConfig {
  /** Scale id used when the front matter names none. */
  scale: string;
  /** Custom scales from config, by id. */
  scales: Record<string, Scale>;
  sections: SectionNames;
  /** Sections a brief must have: `title`, `summary`, `judgements`, `sources`. */
  requiredSections: string[];
  /** Per-rule level and options; rules not listed run at their defaults. */
  rules: Record<string, RuleSetting>;
  /** Require `-- reason` in brief-disable comments. */
  requireSuppressionReason: boolean;
  /** House rules defined as data (`customRules:`), by id; compiled by `rulesFor` (core/src/custom). */
  customRules?: Record<string, CustomRuleDefinition>;
}

export const DEFAULT_SECTION_NAMES: SectionNames = {
  summary: ['summary', 'bluf', 'bottom line', 'bottom line up front', 'key points', 'executive summary', 'main points', 'overview'],
  judgements: ['key judgements', 'key judgments', 'judgements', 'judgments', 'key assessments', 'assessment', 'assessments'],
  sources: ['sources', 'references', 'bibliography', 'source notes', 'source list', 'notes', 'endnotes', 'citations', 'footnotes'],
};

export function defaultConfig(): ResolvedConfig {
  return {
    scale: 'phia',
    scales: {},
    sections: {
      summary: [...DEFAULT_SECTION_NAMES.summary],
      judgements: [...DEFAULT_SECTION_NAMES.judgements],
      sources: [...DEFAULT_SECTION_NAMES.sources],
    },
    requiredSections: ['title', 'summary', 'judgements'],
    rules: {},
    requireSuppressionReason: false,
    customRules: {},
  };
}
