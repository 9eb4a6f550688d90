import type {BriefDocument} from '../parse/document.js';
import type {ResolvedConfig, RuleLevel, Severity} from '../config/types.js';

export type Category = 'judgement' | 'sourcing' | 'estimative' | 'structure' | 'style';
export const CATEGORIES: Category[] = ['judgement', 'sourcing', 'estimative', 'structure', 'style'];

/** A replacement of the text between two offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** What the fix does, e.g. "Replace with 'highly likely'". */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** A safe fix: applied by `--fix` and fix-all. */
  fix?: Fix;
  /** Other fixes a person may choose (quick fixes only). */
  suggestions?: Fix[];
  related?: RelatedLocation[];
  tags?: Array<'unnecessary' | 'deprecated'>;
}

/** What a rule reports: a finding without the fields the linter fills in (rule id, category, configured severity). */
export type Report = Omit<Finding, 'ruleId' | 'category' | 'severity'> & {
  /** Overrides the configured severity (rarely right). */
  severity?: Severity;
};

export interface RuleContext {
  doc: BriefDocument;
  options: Record<string, unknown>;
  report(report: Report): void;
}

export interface RuleDocs {
  /** Why the rule exists, for analysts; name the standard it comes from. */
  rationale: string;
  /** Standard or source the rule rests on. */
  standard?: string;
  /** A brief (or part of one) the rule flags. */
  bad: string;
  /** The same brief, fixed. */
  good: string;
}

export interface Rule {
  id: string;
  category: Category;
  defaultLevel: RuleLevel;
  /** One line, shown in `brief rules` and the docs index. */
  description: string;
  fixable: boolean;
  /** JSON Schema of the rule's options object. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  docs: RuleDocs;
  /** Turns an off-by-default rule on from a top-level config setting (e.g. `requireSuppressionReason`). */
  enabledBy?: (config: ResolvedConfig) => boolean;
  /** Findings of this rule are never suppressed by brief-disable comments (they are about those comments). */
  unsuppressible?: boolean;
  /**
   * True when the rule only reads inside a unit (a key judgement with its subsections, a
   * top-level section) plus the facts in the unit's key (roles, judgement numbering,
   * sources, scale, config), and reports only inside that unit. The linter then re-runs it
   * on changed units only. Default: the whole document on every run.
   */
  unitScoped?: boolean;
  /**
   * For document rules: a summary of everything the rule's findings depend on. When it is
   * unchanged and no finding touches the edited text, last run's findings are reused.
   * A list is compared item by item: a large part that is the same string as last time
   * (`sourcingSignature`) is then compared by reference, not copied into a new string.
   */
  signature?: (doc: BriefDocument) => string | readonly string[];
  check(context: RuleContext): void;
}

export const DOCS_BASE_URL = 'https://github.com/brief-studio/brief-studio/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
