/**
 * Custom rules as data: the rules a configuration runs (built-ins plus its compiled
 * `customRules`), memoised per configuration. Pure: no file system.
 */
import {allRules, rulesById} from '../rules/index.js';
import type {Rule} from '../rules/types.js';
import {ruleDocsUrl} from '../rules/types.js';
import type {ResolvedConfig} from '../config/types.js';
import {compileCustomRule, CUSTOM_RULES_DOCS_URL, type CustomRule} from './compile.js';
import type {CustomRuleDefinition} from './types.js';

export {checkCustomRule, compileCustomRule, matchCase, CUSTOM_RULES_DOCS_URL, type CustomRule, type DefinitionProblem} from './compile.js';
export {compilePattern, PatternMatcher, TermMatcher} from './match.js';
export * from './types.js';

interface RuleSet {
  rules: Rule[];
  byId: ReadonlyMap<string, Rule>;
}

// Built lazily: the rule index imports this module (suppression-reason), so allRules may not exist yet at load time.
let builtin: RuleSet | undefined;
const byConfig = new WeakMap<ResolvedConfig, RuleSet>();
/** Configs cloned across worker threads are new objects with equal definitions: share their rules too. */
const byText = new Map<string, RuleSet>();
const MAX_BY_TEXT = 32;
/** Docs URL of each custom rule id compiled in this process (for hosts that only have a rule id). */
const docsUrls = new Map<string, string>();

function compileAll(defs: Record<string, CustomRuleDefinition>): RuleSet {
  const custom: CustomRule[] = [];
  for (const [id, def] of Object.entries(defs)) {
    if (rulesById.has(id)) continue; // a built-in id can never be redefined
    try {
      const rule = compileCustomRule(id, def);
      custom.push(rule);
      docsUrls.set(id, rule.docsUrl);
    } catch {
      // The config loader reports invalid definitions with their position; skip them here.
    }
  }
  const rules = [...allRules, ...custom];
  return {rules, byId: new Map(rules.map((r) => [r.id, r]))};
}

function ruleSet(config: ResolvedConfig): RuleSet {
  const defs = config.customRules;
  if (!defs || Object.keys(defs).length === 0) return (builtin ??= {rules: allRules, byId: rulesById});
  let set = byConfig.get(config);
  if (set) return set;
  const key = JSON.stringify(defs);
  set = byText.get(key);
  if (!set) {
    set = compileAll(defs);
    if (byText.size >= MAX_BY_TEXT) byText.delete(byText.keys().next().value!);
    byText.set(key, set);
  }
  byConfig.set(config, set);
  return set;
}

/** The rules a configuration runs: every built-in rule, then its custom rules. */
export function rulesFor(config: ResolvedConfig): Rule[] {
  return ruleSet(config).rules;
}

/** `rulesFor(config)` by id. */
export function rulesByIdFor(config: ResolvedConfig): ReadonlyMap<string, Rule> {
  return ruleSet(config).byId;
}

/** The rules of several configurations (e.g. every config a CLI run loaded), each id once. */
export function rulesForConfigs(configs: Iterable<ResolvedConfig>): Rule[] {
  const out = new Map<string, Rule>(allRules.map((r) => [r.id, r]));
  for (const c of configs) for (const r of rulesFor(c)) if (!out.has(r.id)) out.set(r.id, r);
  return [...out.values()];
}

export function isCustomRule(rule: Rule): rule is CustomRule {
  return (rule as Partial<CustomRule>).custom === true;
}

/** A custom rule id: it has a namespace ("house/no-very"); built-in ids never do. */
export function isCustomRuleId(id: string): boolean {
  return id.includes('/') && !id.startsWith('brief/');
}

/**
 * Documentation URL of a rule: the built-in rule's page, a custom rule's `docs`
 * URL, or the custom-rules guide for a custom rule without one.
 */
export function docsUrlFor(ruleId: string, rule?: Rule): string {
  if (rule && isCustomRule(rule)) return rule.docsUrl;
  if (isCustomRuleId(ruleId)) return docsUrls.get(ruleId) ?? CUSTOM_RULES_DOCS_URL;
  return ruleDocsUrl(ruleId);
}
