/**
 * Custom rules: house rules written as data in `.briefrc.yaml` (or a pack it
 * extends) under `customRules:`. These are the definitions as the config loader
 * hands them over: plain JSON-compatible data, so a ResolvedConfig can cross to a
 * worker thread and be compiled there.
 */
import type {Category} from '../rules/types.js';
import type {RuleLevel} from '../config/types.js';

export const CUSTOM_KINDS = ['existence', 'substitution', 'occurrence', 'conditional', 'required-metadata'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

/**
 * Where a rule looks: each key judgement statement, each evidence item, the Summary,
 * the whole body (Sources and footnote definitions excepted), or each source entry.
 */
export const CUSTOM_SCOPES = ['judgement', 'evidence', 'summary', 'document', 'source'] as const;
export type CustomScope = (typeof CUSTOM_SCOPES)[number];

/** Facts the engine already finds in prose, usable instead of (or beside) patterns. */
export const CUSTOM_FACTS = [
  'likelihood',
  'confidence',
  'timeframe',
  'figure',
  'percentage',
  'attribution',
  'hedge',
  'citation',
  'quote',
  'sentence',
  'evidence',
] as const;
export type CustomFact = (typeof CUSTOM_FACTS)[number];

export const METADATA_FORMATS = ['date', 'url', 'email'] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

/** Longest pattern (or term) a custom rule may use, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
/** Largest compiled RE2 program a pattern may produce (a rough measure of its cost). */
export const MAX_PROGRAM_SIZE = 5000;

/**
 * Custom rule ids need a namespace ("house/no-very") so they can never clash with a
 * built-in rule; "brief/" is reserved.
 */
export const CUSTOM_RULE_ID_PATTERN = '^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)+$';

/** What to look for: any of the terms, patterns or facts. A string is short for `{patterns: [string]}`. */
export interface MatcherSpec {
  terms?: string[];
  patterns?: string[];
  facts?: CustomFact[];
}

interface Common {
  message?: string;
  severity?: Exclude<RuleLevel, 'off'> | 'off';
  category?: Category;
  scope?: CustomScope;
  description?: string;
  docs?: string;
  /** Terms and patterns ignore case unless this is false (default true). */
  ignoreCase?: boolean;
}

export interface ExistenceDef extends Common {
  kind: 'existence';
  terms?: string[];
  patterns?: string[];
}

export interface SubstitutionDef extends Common {
  kind: 'substitution';
  /** Term → preferred term. */
  swap: Record<string, string>;
}

export interface OccurrenceDef extends Common {
  kind: 'occurrence';
  count: string | MatcherSpec;
  min?: number;
  max?: number;
}

export interface ConditionalDef extends Common {
  kind: 'conditional';
  if: string | MatcherSpec;
  then: string | MatcherSpec;
}

export interface MetadataKeySpec {
  /** Regular expression the whole value must match (case-sensitive). */
  pattern?: string;
  format?: MetadataFormat;
  /** Allowed values. */
  values?: Array<string | number | boolean>;
}

export interface RequiredMetadataDef extends Common {
  kind: 'required-metadata';
  keys: string[] | Record<string, MetadataKeySpec | null>;
  /** Message when a value is present but wrong (default built in). */
  invalidMessage?: string;
}

export type CustomRuleDef = ExistenceDef | SubstitutionDef | OccurrenceDef | ConditionalDef | RequiredMetadataDef;

/** A definition as stored in ResolvedConfig: the file it came from is kept for messages. */
export type CustomRuleDefinition = CustomRuleDef & {
  /** Config file (or `brief:<pack>`) that defined the rule. */
  definedIn?: string;
};

/** Placeholders each kind fills in its messages. */
export const PLACEHOLDERS: Record<CustomKind, string[]> = {
  existence: ['match', 'id'],
  substitution: ['match', 'preferred', 'id'],
  occurrence: ['count', 'min', 'max', 'match', 'id'],
  conditional: ['match', 'required', 'id'],
  'required-metadata': ['key', 'value', 'expected', 'id'],
};
