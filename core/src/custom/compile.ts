/**
 * Custom rule definitions → rules. `checkCustomRule` finds what is wrong with a
 * definition (the config loader reports it with positions); `compileCustomRule`
 * turns a valid definition into a Rule that runs like a built-in one.
 */
import type {BriefDocument} from '../parse/document.js';
import type {Block} from '../parse/section.js';
import type {Category, Report, Rule, RuleContext} from '../rules/types.js';
import type {Severity} from '../config/types.js';
import {PatternMatcher, TermMatcher, termKey, type Hit} from './match.js';
import {unitsOf, type Segment, type Unit} from './scope.js';
import {
  CUSTOM_FACTS,
  PLACEHOLDERS,
  type CustomFact,
  type CustomKind,
  type CustomRuleDefinition,
  type CustomScope,
  type MatcherSpec,
  type MetadataKeySpec,
} from './types.js';

/** Where custom rules are documented (the codeDescription of a custom rule without its own `docs`). */
export const CUSTOM_RULES_DOCS_URL = 'https://github.com/brief-studio/brief-studio/blob/main/docs/custom-rules.md';

export interface CustomRule extends Rule {
  custom: true;
  kind: CustomKind;
  /** Where the rule looks (`scope:` in its definition; `Rule.scope` is the engine's re-run granularity). */
  customScope: CustomScope;
  /** The rule's `docs` URL, or the custom-rules guide. */
  docsUrl: string;
  definedIn?: string;
}

export interface DefinitionProblem {
  /** Path inside the definition, e.g. ['patterns', 2]; [] for the rule as a whole. */
  path: Array<string | number>;
  message: string;
  severity: 'error' | 'warning';
}

const DEFAULT_SCOPE: Record<CustomKind, CustomScope> = {
  existence: 'document',
  substitution: 'document',
  occurrence: 'judgement',
  conditional: 'judgement',
  'required-metadata': 'document',
};

const DEFAULT_MESSAGE: Record<CustomKind, string> = {
  existence: 'Avoid "{match}" (house rule {id}).',
  substitution: 'Write "{preferred}" instead of "{match}" (house rule {id}).',
  occurrence: '{match}: {count} here; house rule {id} asks for between {min} and {max}.',
  conditional: '"{match}" needs {required} here too (house rule {id}).',
  'required-metadata': 'The front matter needs "{key}" (house rule {id}).',
};

const TOO_FEW = '{match}: {count} here; house rule {id} asks for at least {min}.';
const TOO_MANY = '{match}: {count} here; house rule {id} allows at most {max}.';

const FACT_WORDS: Record<CustomFact, string> = {
  likelihood: 'likelihood term',
  confidence: 'confidence level',
  timeframe: 'time frame',
  figure: 'figure',
  percentage: 'percentage',
  attribution: 'attribution',
  hedge: 'hedge',
  citation: 'citation',
  quote: 'quotation',
  sentence: 'sentence',
  evidence: 'evidence item',
};

function normaliseSpec(spec: string | MatcherSpec | undefined): MatcherSpec {
  if (typeof spec === 'string') return {patterns: [spec]};
  return spec ?? {};
}

/** Problems with a definition that the JSON Schema cannot express (patterns RE2 rejects, min > max…). */
export function checkCustomRule(id: string, def: CustomRuleDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const error = (path: DefinitionProblem['path'], message: string) => problems.push({path, message, severity: 'error'});
  const warn = (path: DefinitionProblem['path'], message: string) => problems.push({path, message, severity: 'warning'});
  if (/^brief\//.test(id)) error([], `Custom rule ids cannot start with "brief/" (that namespace is reserved); use your own, e.g. "house/${id.slice(6)}".`);
  const ignoreCase = def.ignoreCase !== false;
  const checkPatterns = (list: string[] | undefined, path: Array<string | number>) => {
    (list ?? []).forEach((p, i) => {
      try {
        new PatternMatcher(p, ignoreCase);
      } catch (e) {
        error([...path, i], `The pattern "${p}" ${(e as Error).message}.`);
      }
    });
  };
  const checkTerms = (list: string[] | undefined, path: Array<string | number>) => {
    try {
      new TermMatcher(list ?? [], ignoreCase);
    } catch (e) {
      error(path, `The terms ${(e as Error).message}.`);
    }
  };
  const checkSpec = (raw: string | MatcherSpec | undefined, key: string) => {
    const spec = normaliseSpec(raw);
    const path = typeof raw === 'string' ? [key] : [key, 'patterns'];
    if (typeof raw === 'string') {
      try {
        new PatternMatcher(raw, ignoreCase);
      } catch (e) {
        error([key], `The pattern "${raw}" ${(e as Error).message}.`);
      }
    } else checkPatterns(spec.patterns, path);
    if (typeof raw !== 'string') checkTerms(spec.terms, [key, 'terms']);
    if (!spec.terms?.length && !spec.patterns?.length && !spec.facts?.length) {
      error([key], `"${key}" needs at least one of "terms", "patterns" or "facts" (or a pattern as a string).`);
    }
    const scope = def.scope ?? DEFAULT_SCOPE[def.kind];
    if (spec.facts?.includes('evidence') && scope !== 'judgement') {
      error([key, 'facts'], `The fact "evidence" (the evidence items under a key judgement) only works with "scope: judgement" (this rule's scope is "${scope}").`);
    }
  };
  switch (def.kind) {
    case 'existence':
      if (!def.terms?.length && !def.patterns?.length) error([], `An "existence" rule needs "terms" (words to flag) or "patterns" (regular expressions).`);
      checkTerms(def.terms, ['terms']);
      checkPatterns(def.patterns, ['patterns']);
      break;
    case 'substitution': {
      const entries = Object.entries(def.swap ?? {});
      if (entries.length === 0) error(['swap'], `A "substitution" rule needs "swap": a map of term → preferred term, e.g. {think: assess}.`);
      checkTerms(
        entries.map(([k]) => k),
        ['swap'],
      );
      for (const [from, to] of entries) {
        if (!from.trim()) error(['swap'], `"swap" has an empty term.`);
        else if (typeof to !== 'string' || !to.trim()) error(['swap', from], `"swap.${from}" needs the preferred term.`);
        else if (termKey(from, true) === termKey(to, true)) warn(['swap', from], `"swap.${from}" replaces a term with itself, so it never reports anything.`);
      }
      break;
    }
    case 'occurrence':
      checkSpec(def.count, 'count');
      if (def.min === undefined && def.max === undefined) error([], `An "occurrence" rule needs "min", "max" or both.`);
      if (def.min !== undefined && def.max !== undefined && def.min > def.max) error(['min'], `"min" (${def.min}) is more than "max" (${def.max}), so every passage would fail.`);
      break;
    case 'conditional':
      checkSpec(def.if, 'if');
      checkSpec(def.then, 'then');
      break;
    case 'required-metadata': {
      const keys = metadataKeys(def);
      if (keys.length === 0) error(['keys'], `A "required-metadata" rule needs "keys": the front-matter keys a brief must have.`);
      for (const [key, spec] of keys) {
        if (spec?.pattern !== undefined) {
          try {
            new PatternMatcher(spec.pattern, false);
          } catch (e) {
            error(["keys", key, "pattern"], `The pattern "${spec.pattern}" ${(e as Error).message}.`);
          }
        }
      }
      if (def.scope && def.scope !== 'document') warn(['scope'], `"scope" does not apply to "required-metadata" rules (they read the front matter); it is ignored.`);
      break;
    }
  }
  const allowed = PLACEHOLDERS[def.kind];
  for (const field of ['message', 'invalidMessage'] as const) {
    const text = (def as unknown as Record<string, unknown>)[field];
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(/\{([A-Za-z]+)\}/g)) {
      if (!allowed.includes(m[1])) warn([field], `"{${m[1]}}" is not a placeholder of "${def.kind}" rules, so it is printed as written. Placeholders: ${allowed.map((p) => `{${p}}`).join(', ')}.`);
    }
  }
  return problems;
}

function metadataKeys(def: {keys: string[] | Record<string, MetadataKeySpec | null>}): Array<[string, MetadataKeySpec | null]> {
  if (Array.isArray(def.keys)) return def.keys.map((k) => [k, null]);
  return Object.entries(def.keys ?? {});
}

function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** The preferred term in the capitalisation of the text it replaces: "Think" → "Assess", "THINK" → "ASSESS". */
export function matchCase(original: string, preferred: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return preferred.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return preferred.replace(/\p{L}/u, (c) => c.toUpperCase());
  }
  return preferred;
}

// ---- matching within units, cached per block (blocks of unchanged sections are reused between edits)

type TextMatcher = TermMatcher | PatternMatcher;
const blockHits = new WeakMap<object, WeakMap<TextMatcher, Hit[]>>();

function segmentHits(matcher: TextMatcher, seg: Segment): Hit[] {
  const key = seg.block?.facts;
  let cached = key ? blockHits.get(key)?.get(matcher) : undefined;
  if (!cached) {
    cached = matcher.find(seg.text).filter((h) => h.start >= seg.from && h.end <= seg.to);
    if (key) {
      let m = blockHits.get(key);
      if (!m) blockHits.set(key, (m = new WeakMap()));
      m.set(matcher, cached);
    }
  }
  return cached;
}

function factHits(fact: CustomFact, seg: Segment): Hit[] {
  const b = seg.block;
  if (!b) return [];
  const f = b.facts;
  const spans: Array<{start: number; end: number}> =
    fact === 'likelihood'
      ? f.terms
      : fact === 'confidence'
        ? f.confidence
        : fact === 'timeframe'
          ? f.timeframes
          : fact === 'figure'
            ? f.figures
            : fact === 'percentage'
              ? f.percents
              : fact === 'attribution'
                ? f.attributions
                : fact === 'hedge'
                  ? f.hedges
                  : fact === 'quote'
                    ? f.quotes
                    : fact === 'sentence'
                      ? f.sentences
                      : fact === 'citation'
                        ? b.citations.map((c) => ({start: c.start - b.base, end: c.end - b.base}))
                        : [];
  return spans.map((s) => ({start: s.start, end: s.end, text: seg.text.slice(s.start, s.end)}));
}

interface CompiledSpec {
  terms?: TermMatcher;
  patterns: PatternMatcher[];
  facts: CustomFact[];
  /** Words for messages: "a citation", "/\d+%/"… */
  label: string;
}

/** "a citation", "/\d+%/ or a figure", "evidence items"… */
function specLabel(raw: string | MatcherSpec, plural: boolean): string {
  const spec = normaliseSpec(raw);
  const parts = [
    ...(spec.terms ?? []).map((t) => `"${t}"`),
    ...(spec.patterns ?? []).map((p) => `/${p}/`),
    ...(spec.facts ?? []).map((f) => (plural ? `${FACT_WORDS[f]}s` : `${/^[aeiou]/.test(FACT_WORDS[f]) ? 'an' : 'a'} ${FACT_WORDS[f]}`)),
  ];
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

const SCOPE_WORDS: Record<CustomScope, string> = {
  judgement: 'a key judgement',
  evidence: 'an evidence item',
  summary: 'the Summary',
  document: 'the brief',
  source: 'a source entry',
};

function compileSpec(raw: string | MatcherSpec, ignoreCase: boolean, plural = false): CompiledSpec {
  const spec = normaliseSpec(raw);
  return {
    terms: spec.terms?.length ? new TermMatcher(spec.terms, ignoreCase) : undefined,
    patterns: (spec.patterns ?? []).map((p) => new PatternMatcher(p, ignoreCase)),
    facts: (spec.facts ?? []).filter((f) => (CUSTOM_FACTS as readonly string[]).includes(f)),
    label: specLabel(raw, plural),
  };
}

/** Every hit of a spec in a unit, in absolute offsets, in document order. */
function unitHits(spec: CompiledSpec, unit: Unit): Hit[] {
  const out: Hit[] = [];
  for (const seg of unit.segments) {
    const rel: Hit[] = [];
    if (spec.terms) rel.push(...segmentHits(spec.terms, seg));
    for (const p of spec.patterns) rel.push(...segmentHits(p, seg));
    for (const f of spec.facts) if (f !== 'evidence') rel.push(...factHits(f, seg));
    for (const h of rel) out.push({start: seg.offset + h.start, end: seg.offset + h.end, text: h.text});
  }
  if (spec.facts.includes('evidence') && unit.judgement) {
    for (const e of unit.judgement.evidence) out.push({start: e.start, end: e.end, text: ''});
  }
  return dedupeHits(out);
}

function dedupeHits(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end && h.start >= last.start) continue; // overlapping: keep the first, longest
    out.push(h);
  }
  return out;
}

/** Hits outside quotations and block quotes: style rules leave quoted words alone. */
function proseHits(matchers: TextMatcher[], unit: Unit): Hit[] {
  const out: Hit[] = [];
  for (const seg of unit.segments) {
    if (seg.block?.quoted) continue;
    const quotes = seg.block?.facts.quotes ?? [];
    for (const m of matchers) {
      for (const h of segmentHits(m, seg)) {
        if (quotes.some((q) => h.start >= q.start && h.end <= q.end)) continue;
        out.push({start: seg.offset + h.start, end: seg.offset + h.end, text: h.text});
      }
    }
  }
  return dedupeHits(out);
}

// ---- compiling

export function compileCustomRule(id: string, def: CustomRuleDefinition): CustomRule {
  const scope = def.kind === 'required-metadata' ? 'document' : (def.scope ?? DEFAULT_SCOPE[def.kind]);
  const ignoreCase = def.ignoreCase !== false;
  const message = def.message ?? DEFAULT_MESSAGE[def.kind];
  const category: Category = def.category ?? 'style';
  const level = def.severity ?? 'warning';
  const description = def.description ?? defaultDescription(def);
  const base = {
    id,
    category,
    defaultLevel: level,
    description,
    fixable: def.kind === 'substitution',
    docs: {rationale: def.description ?? `House rule defined in ${def.definedIn ?? 'the configuration'}.`, bad: '', good: ''},
    custom: true as const,
    kind: def.kind,
    customScope: scope,
    // Judgement and evidence scopes read one key judgement at a time: re-checked per changed unit (see incremental.ts).
    unitScoped: scope === 'judgement' || scope === 'evidence',
    docsUrl: def.docs ?? CUSTOM_RULES_DOCS_URL,
    definedIn: def.definedIn,
  };
  let check: (ctx: RuleContext) => void;
  switch (def.kind) {
    case 'existence': {
      const matchers: TextMatcher[] = [];
      if (def.terms?.length) matchers.push(new TermMatcher(def.terms, ignoreCase));
      for (const p of def.patterns ?? []) matchers.push(new PatternMatcher(p, ignoreCase));
      check = ({doc, report}) => {
        for (const unit of unitsOf(doc, scope)) {
          for (const h of proseHits(matchers, unit)) report({message: fill(message, {match: h.text, id}), start: h.start, end: h.end});
        }
      };
      break;
    }
    case 'substitution': {
      const swap = new Map<string, string>();
      for (const [from, to] of Object.entries(def.swap)) if (from.trim() && to?.trim()) swap.set(termKey(from, ignoreCase), to.trim());
      const matcher = new TermMatcher([...swap.keys()], ignoreCase);
      // Text already in the preferred form ("realistic possibility") must not match a shorter swapped term inside it.
      const preferred = new TermMatcher([...new Set(swap.values())], ignoreCase);
      check = ({doc, report}) => {
        for (const unit of unitsOf(doc, scope)) {
          const keep = proseHits([preferred], unit);
          for (const h of proseHits([matcher], unit)) {
            const to = swap.get(termKey(h.text, ignoreCase));
            if (!to) continue;
            if (keep.some((k) => h.start >= k.start && h.end <= k.end)) continue;
            const replacement = matchCase(h.text, to);
            if (replacement === h.text) continue;
            report({
              message: fill(message, {match: h.text, preferred: replacement, id}),
              start: h.start,
              end: h.end,
              fix: {title: `Replace with "${replacement}"`, edits: [{start: h.start, end: h.end, text: replacement}]},
            });
          }
        }
      };
      break;
    }
    case 'occurrence': {
      const spec = compileSpec(def.count, ignoreCase, true);
      const {min, max} = def;
      check = ({doc, report}) => {
        for (const unit of unitsOf(doc, scope)) {
          const hits = unitHits(spec, unit);
          const values = {count: hits.length, min: min ?? 0, max: max ?? 'no limit', match: spec.label, id};
          if (min !== undefined && hits.length < min) {
            report({message: fill(def.message ?? TOO_FEW, values), start: unit.anchor.start, end: unit.anchor.end});
          } else if (max !== undefined && hits.length > max) {
            const extra = hits[max];
            const at = extra.text ? extra : {start: extra.start, end: firstLineEnd(doc, extra.start, extra.end)};
            report({message: fill(def.message ?? TOO_MANY, values), start: at.start, end: at.end});
          }
        }
      };
      break;
    }
    case 'conditional': {
      const cond = compileSpec(def.if, ignoreCase);
      const need = compileSpec(def.then, ignoreCase);
      check = ({doc, report}) => {
        for (const unit of unitsOf(doc, scope)) {
          const triggers = unitHits(cond, unit);
          if (triggers.length === 0 || unitHits(need, unit).length > 0) continue;
          const t = triggers[0];
          const at = t.text ? t : {start: t.start, end: firstLineEnd(doc, t.start, t.end)};
          report({message: fill(message, {match: t.text || cond.label, required: need.label, id}), start: at.start, end: at.end});
        }
      };
      break;
    }
    case 'required-metadata': {
      const keys = metadataKeys(def).map(([key, spec]) => ({
        key,
        spec,
        pattern: spec?.pattern !== undefined ? new PatternMatcher(spec.pattern, false) : undefined,
      }));
      const invalid = def.invalidMessage ?? '"{key}" is {value}; house rule {id} expects {expected}.';
      check = ({doc, report}) => {
        const fm = doc.frontMatter;
        // Front matter that does not parse is reported by frontmatter-invalid; guessing at it here would only add noise.
        if (fm && fm.errors.length) return;
        const missingAt = fm ? {start: fm.range.start, end: fm.range.start + 3} : firstLineRange(doc);
        for (const {key, spec, pattern} of keys) {
          const entry = fm?.entries.find((e) => e.key === key);
          const value = entry?.value;
          if (!entry || value === null || value === undefined || (typeof value === 'string' && !value.trim())) {
            report({message: fill(message, {key, id, value: '', expected: describeExpected(spec)}), start: missingAt.start, end: missingAt.end});
            continue;
          }
          const problem = metadataProblem(value, spec, pattern);
          if (problem) {
            report({
              message: fill(invalid, {key, id, value: problem.shown, expected: problem.expected}),
              start: entry.valueRange.start,
              end: entry.valueRange.end,
            });
          }
        }
      };
      break;
    }
  }
  return {...base, check};
}

function firstLineEnd(doc: BriefDocument, start: number, end: number): number {
  const nl = doc.text.indexOf('\n', start);
  return nl >= 0 && nl < end ? nl : end;
}

function firstLineRange(doc: BriefDocument): {start: number; end: number} {
  const start = doc.bodyStart;
  return {start, end: firstLineEnd(doc, start, doc.text.length)};
}

function defaultDescription(def: CustomRuleDefinition): string {
  switch (def.kind) {
    case 'existence':
      return `Flags ${[...(def.terms ?? []).map((t) => `"${t}"`), ...(def.patterns ?? []).map((p) => `/${p}/`)].slice(0, 5).join(', ')}.`;
    case 'substitution':
      return `Prefers ${Object.entries(def.swap)
        .slice(0, 4)
        .map(([a, b]) => `"${b}" to "${a}"`)
        .join(', ')}.`;
    case 'occurrence':
      return `Counts ${specLabel(def.count, true)} in ${SCOPE_WORDS[def.scope ?? 'judgement']} (${def.min !== undefined ? `at least ${def.min}` : ''}${def.min !== undefined && def.max !== undefined ? ', ' : ''}${def.max !== undefined ? `at most ${def.max}` : ''}).`;
    case 'conditional':
      return `Where ${specLabel(def.if, false)} appears in ${SCOPE_WORDS[def.scope ?? 'judgement']}, ${specLabel(def.then, false)} must too.`;
    case 'required-metadata':
      return `Front-matter keys every brief must have: ${metadataKeys(def)
        .map(([k]) => k)
        .join(', ')}.`;
  }
}

function describeExpected(spec: MetadataKeySpec | null): string {
  if (!spec) return 'a value';
  if (spec.values?.length) return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (spec.format === 'date') return 'a date written YYYY-MM-DD';
  if (spec.format === 'url') return 'a web address (https://…)';
  if (spec.format === 'email') return 'an email address';
  if (spec.pattern !== undefined) return `a value matching /${spec.pattern}/`;
  return 'a value';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function metadataProblem(value: unknown, spec: MetadataKeySpec | null, pattern: PatternMatcher | undefined): {shown: string; expected: string} | undefined {
  if (!spec) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const shown = JSON.stringify(text);
  const expected = describeExpected(spec);
  if (spec.values?.length && !spec.values.some((v) => v === value || String(v) === text)) return {shown, expected};
  if (spec.format === 'date') {
    const m = DATE.exec(text);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return {shown, expected};
  }
  if (spec.format === 'url' && !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(text)) return {shown, expected};
  if (spec.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return {shown, expected};
  if (pattern && !pattern.matchesAll(text)) return {shown, expected: describeExpected({pattern: spec.pattern})};
  return undefined;
}

export type {Severity, Report, Block};
