import {parseBrief, type BriefDocument, type BriefSection, type ParseOptions} from './parse/document.js';
import {sameItems} from './text/compare.js';
import {inside, mapFinding, remapAcross, unitsOf, viewOf, type Unit} from './incremental.js';
import {rulesByIdFor, rulesFor} from './custom/index.js';
import type {Finding, Report, Rule} from './rules/types.js';
import {SuppressionIndex} from './suppressions.js';
import {defaultConfig, type ResolvedConfig, type RuleLevel, type Severity} from './config/types.js';

export interface LintResult {
  doc: BriefDocument;
  findings: Finding[];
  /** Findings removed by brief-disable comments. */
  suppressed: Finding[];
  /** What the next lint of an edit of this document can reuse (opaque; see `LintOptions.previous`). */
  reuse?: ReuseState;
}

/** Findings kept for reuse: per unit for unit rules, per rule for document rules with a signature. */
export interface ReuseState {
  doc: BriefDocument;
  rules: Rule[];
  units: Map<BriefSection, {sections: BriefSection[]; key: string; start: number; end: number; findings: Finding[]}>;
  documentRules: Map<string, {signature: string | readonly string[]; findings: Finding[]}>;
  /** What this lint did: units checked and reused, document rules whose findings were reused. */
  stats: {unitsChecked: number; unitsReused: number; rulesReused: string[]};
}

export interface LintOptions extends Omit<ParseOptions, 'previous'> {
  /** Only run these rules (ids). */
  only?: string[];
  /**
   * The result of linting the text this one is an edit of (same config): its document's
   * unchanged sections and its findings in unchanged units are reused. The previous
   * result's document is consumed (moved in place): do not use it afterwards.
   */
  previous?: LintResult;
  /**
   * False for a one-shot lint whose result will not be passed as `previous`: the unit keys
   * and rule signatures kept for reuse are not computed, and `reuse` is not returned.
   */
  reuse?: boolean;
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
  const previous = options.previous?.doc.config === config && !options.only ? options.previous : undefined;
  const doc = parseBrief(text, {config, cache: options.cache, previous: previous?.doc});
  return lintDocument(doc, {...options, previous});
}

export function lintDocument(doc: BriefDocument, options: LintOptions = {}): LintResult {
  const config = doc.config;
  const findings: Finding[] = [];
  const rules = options.only ? options.only.map((id) => rulesByIdFor(config).get(id)).filter((r): r is Rule => !!r) : rulesFor(config);
  const levels = new Map<Rule, Severity>();
  for (const rule of rules) {
    // Asking for a rule by name runs it even where it is off by default.
    const configured = ruleLevel(rule, config);
    const level = options.only && configured === 'off' ? 'warning' : configured;
    if (level !== 'off') levels.set(rule, level);
  }
  const run = (rule: Rule, target: BriefDocument, out: Finding[]) => {
    const severity = levels.get(rule)!;
    const report = (r: Report) => {
      const start = clamp(r.start, doc.text.length);
      const end = Math.max(start, clamp(r.end, doc.text.length));
      out.push({
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
      rule.check({doc: target, options: ruleOptions(rule, config), report});
    } catch (error) {
      out.push({
        ruleId: rule.id,
        category: rule.category,
        severity: 'error',
        message: `Rule ${rule.id} failed on this document: ${(error as Error).message}. Please report this.`,
        start: 0,
        end: 0,
      });
    }
  };

  // Reuse only what was linted with the same rules, config and document facts.
  const prev = options.previous?.reuse;
  const reusable = !!prev && !options.only && doc.change !== undefined && prev.doc.config === config && prev.rules === rules && prev.doc.scale === doc.scale && prev.doc.lexicon === doc.lexicon && prev.doc.frontMatter === doc.frontMatter && prev.doc.sourcesKey === doc.sourcesKey;
  const reuse: ReuseState = {doc, rules, units: new Map(), documentRules: new Map(), stats: {unitsChecked: 0, unitsReused: 0, rulesReused: []}};
  const keep = options.reuse !== false && !options.only;

  // Unit rules: changed units only.
  const unitRules = rules.filter((r) => r.unitScoped && levels.has(r));
  if (unitRules.length && !keep) {
    // Nothing to reuse and nothing to keep: the whole document, no units.
    for (const rule of unitRules) run(rule, doc, findings);
  } else if (unitRules.length) {
    const units = unitsOf(doc);
    const dirty: Unit[] = [];
    const reused: Finding[] = [];
    for (const u of units) {
      const before = reusable ? prev!.units.get(u.root) : undefined;
      if (before && before.key === u.key && sameItems(before.sections, u.sections)) {
        const d = u.start - before.start;
        const moved = d === 0 ? before.findings : before.findings.map((f) => mapFinding(f, (o) => o + d));
        for (const f of moved) reused.push(f);
        reuse.units.set(u.root, {sections: u.sections, key: u.key, start: u.start, end: u.end, findings: moved});
        reuse.stats.unitsReused++;
      } else {
        dirty.push(u);
      }
    }
    let checked = dirty;
    let fresh: Finding[] = [];
    if (dirty.length) {
      for (const rule of unitRules) run(rule, dirty.length === units.length ? doc : viewOf(doc, dirty), fresh);
      if (dirty.length < units.length && !fileUnder(dirty, fresh, reuse)) {
        // A unit rule reported outside the units it was given (it read more than its unit): check every unit.
        fresh = [];
        reused.length = 0;
        reuse.units.clear();
        reuse.stats.unitsReused = 0;
        checked = units;
        for (const rule of unitRules) run(rule, doc, fresh);
      }
      if (checked.length === units.length) fileUnder(units, fresh, reuse);
    }
    reuse.stats.unitsChecked = checked.length;
    for (const f of reused) findings.push(f);
    for (const f of fresh) findings.push(f);
  }

  // Document rules: all of them, but those with an unchanged signature reuse their findings.
  for (const rule of rules) {
    if (rule.unitScoped || !levels.has(rule)) continue;
    const signature = rule.signature && keep ? rule.signature(doc) : undefined;
    const before = reusable && signature !== undefined ? prev!.documentRules.get(rule.id) : undefined;
    let out: Finding[] | undefined;
    if (before && sameSignature(before.signature, signature!)) out = doc.change === null ? before.findings : remapAcross(before.findings, doc.change!);
    if (out) reuse.stats.rulesReused.push(rule.id);
    else {
      out = [];
      run(rule, doc, out);
    }
    for (const f of out) findings.push(f);
    if (signature !== undefined) reuse.documentRules.set(rule.id, {signature, findings: out});
  }

  const index = new SuppressionIndex(doc);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  const byId = rulesByIdFor(config);
  for (const f of findings) {
    const unsuppressible = byId.get(f.ruleId)?.unsuppressible;
    (!unsuppressible && index.suppressed(f.ruleId, f.start) ? suppressed : kept).push(f);
  }
  kept.sort(byPosition);
  return {doc, findings: kept, suppressed, reuse: keep ? reuse : undefined};
}

/**
 * Files fresh findings of unit rules under their units (kept for reuse). A unit with a
 * finding that reaches outside it is not kept. False when a finding starts outside every
 * unit given.
 */
function fileUnder(units: Unit[], fresh: Finding[], reuse: ReuseState): boolean {
  const sorted = [...fresh].sort((a, b) => a.start - b.start);
  const byUnit = new Map<Unit, Finding[]>(units.map((u) => [u, []]));
  const spoiled = new Set<Unit>();
  let k = 0;
  for (const f of sorted) {
    // A finding at the very end of the document belongs to the last unit.
    while (k < units.length && (units[k].end < f.start || (units[k].end === f.start && k < units.length - 1))) k++;
    const u = units[k];
    if (!u || f.start < u.start) return false;
    if (inside(f, u.start, u.end)) byUnit.get(u)!.push(f);
    else spoiled.add(u);
  }
  for (const [u, list] of byUnit) {
    if (!spoiled.has(u)) reuse.units.set(u.root, {sections: u.sections, key: u.key, start: u.start, end: u.end, findings: list});
  }
  return true;
}

/** Signatures are equal: strings as strings, lists item by item. */
function sameSignature(a: string | readonly string[], b: string | readonly string[]): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : sameItems(a, b);
}

/** Document order, then rule; one rule's findings at one place keep the order the rule gave them (the sort is stable). */
function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}
