/**
 * Brief engine: the public API. Pure: no file system, no editor, no LSP. Hosts
 * (CLI, language server) pass text and resolved configuration in.
 */
export {parseBrief, lexiconFor, findScale} from './parse/document.js';
export type {BriefDocument, BriefSection, Judgement, EvidenceItem, SourceEntry, Citation, SectionRole} from './parse/document.js';
export type {Block} from './parse/section.js';
export {SectionCache, NoSectionCache} from './parse/cache.js';
export {LineIndex, type Position} from './text/lines.js';
export {lintText, lintDocument, ruleLevel, ruleOptions, type LintResult, type LintOptions} from './linter.js';
export {applyFixes, safeFixes, type FixResult} from './fix.js';
export {allRules, rulesById} from './rules/index.js';
export {ruleDocsUrl, CATEGORIES, type Rule, type Finding, type Fix, type TextEdit, type Category} from './rules/types.js';
export {builtinScales, DEFAULT_SCALE, type Scale, type ScaleTerm} from './scales/index.js';
export {defaultConfig, type ResolvedConfig, type Severity, type RuleLevel, type RuleSetting} from './config/types.js';
export {parseSuppressions, type Suppression} from './suppressions.js';
export {loadConfig, loadDefaults, findConfigFile, isIgnored, formatConfigError, ConfigCache, type ConfigHost, type ConfigError, type LoadedConfig} from './config/load.js';
export {buildConfigSchema} from './config/schema.js';
export * from './service/index.js';
export {renderBrief, RenderCache, defaultRenderCache, PREVIEW_CSS, type RenderOptions, type RenderResult, type Theme} from './render/index.js';
