/**
 * Table-driven rule tests in the manner of ESLint's RuleTester, with inline markers:
 * write the brief with ⟦…⟧ around every range the rule must flag.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from '../linter.js';
import {applyFixes} from '../fix.js';
import {defaultConfig, type ResolvedConfig} from '../config/types.js';
import {rulesById} from '../rules/index.js';

export const OPEN = '⟦';
export const CLOSE = '⟧';

export interface CaseOptions {
  name?: string;
  /** Rule options. */
  options?: Record<string, unknown>;
  config?: Partial<ResolvedConfig>;
}

export interface InvalidCase extends CaseOptions {
  /** The brief, with ⟦…⟧ around each expected finding. */
  text: string;
  /** One entry per finding, in order: a substring or pattern its message must contain. */
  messages?: Array<string | RegExp>;
  /** Text after applying this rule's safe fixes. The result must then lint without this rule's findings. */
  output?: string;
  /** Titles of suggestions (quick fixes) expected on the first finding. */
  suggestions?: string[];
}

export type ValidCase = string | (CaseOptions & {text: string});

export function stripMarkers(marked: string): {text: string; ranges: Array<{start: number; end: number}>} {
  let text = '';
  const ranges: Array<{start: number; end: number}> = [];
  const stack: number[] = [];
  for (const ch of marked) {
    if (ch === OPEN) stack.push(text.length);
    else if (ch === CLOSE) {
      const start = stack.pop();
      if (start === undefined) throw new Error('Unbalanced ⟧ in test text');
      ranges.push({start, end: text.length});
    } else text += ch;
  }
  if (stack.length) throw new Error('Unbalanced ⟦ in test text');
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return {text, ranges};
}

function configFor(ruleId: string, c: CaseOptions): ResolvedConfig {
  const config = {...defaultConfig(), ...(c.config ?? {})};
  if (c.options) config.rules = {...config.rules, [ruleId]: {level: 'warning', options: c.options}};
  return config;
}

export function lintWith(ruleId: string, text: string, c: CaseOptions = {}) {
  return lintText(text, {config: configFor(ruleId, c), only: [ruleId]}).findings;
}

function show(text: string, ranges: Array<{start: number; end: number}>): string {
  return ranges.map((r) => `${r.start}-${r.end} ${JSON.stringify(text.slice(r.start, r.end))}`).join('\n') || '(none)';
}

export function testRule(ruleId: string, cases: {valid: ValidCase[]; invalid: InvalidCase[]}) {
  test(`rule ${ruleId} is registered`, () => {
    assert.ok(rulesById.get(ruleId), `rule ${ruleId} is not in the rule index`);
  });
  cases.valid.forEach((v, i) => {
    const c = typeof v === 'string' ? {text: v} : v;
    test(`${ruleId} valid #${i + 1}${c.name ? ': ' + c.name : ''}`, () => {
      const findings = lintWith(ruleId, c.text, c);
      assert.equal(
        findings.length,
        0,
        `expected no findings, got:\n${findings.map((f) => `${f.message} @ ${JSON.stringify(c.text.slice(f.start, f.end))}`).join('\n')}`,
      );
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${ruleId} invalid #${i + 1}${c.name ? ': ' + c.name : ''}`, () => {
      const {text, ranges} = stripMarkers(c.text);
      assert.ok(ranges.length > 0, 'an invalid case needs at least one ⟦marker⟧');
      const findings = lintWith(ruleId, text, c);
      const got = findings.map((f) => ({start: f.start, end: f.end})).sort((a, b) => a.start - b.start || a.end - b.end);
      assert.equal(show(text, got), show(text, ranges), 'finding ranges differ from the markers');
      for (const f of findings) {
        assert.equal(f.ruleId, ruleId);
        assert.ok(f.message.length > 10, 'message too short to help an analyst');
      }
      c.messages?.forEach((m, k) => {
        const message = findings[k]?.message ?? '';
        if (typeof m === 'string') assert.ok(message.includes(m), `message ${k + 1} "${message}" lacks "${m}"`);
        else assert.match(message, m);
      });
      if (c.suggestions) {
        const titles = [findings[0].fix, ...(findings[0].suggestions ?? [])].filter(Boolean).map((f) => f!.title);
        for (const s of c.suggestions) assert.ok(titles.includes(s), `no fix titled "${s}" (have: ${titles.join(' | ')})`);
      }
      if (c.output !== undefined) {
        const fixes = findings.map((f) => f.fix).filter((f) => !!f);
        assert.ok(fixes.length > 0, 'expected a fix');
        const result = applyFixes(text, fixes as NonNullable<(typeof fixes)[number]>[]);
        assert.equal(result.text, c.output);
        const after = lintWith(ruleId, result.text, c);
        assert.equal(after.length, 0, `fixed text still has findings: ${after.map((f) => f.message).join('; ')}`);
      }
    });
  });
}

export interface BriefParts {
  scale?: string;
  /** Extra front-matter lines. */
  frontMatter?: string;
  /** Replaces the whole front matter block (including fences) when set; '' for none. */
  rawFrontMatter?: string;
  title?: string;
  summary?: string;
  judgements?: Array<{statement: string; evidence?: string[]; heading?: string}>;
  /** Footnote definitions, without the `[^id]: ` prefix, keyed by id. */
  sources?: Record<string, string>;
  /** Text appended at the end. */
  extra?: string;
}

/** Builds a well-formed brief; tests vary one part of it. */
export function brief(parts: BriefParts = {}): string {
  const scale = parts.scale ?? 'phia';
  const fm =
    parts.rawFrontMatter ?? `---\ntitle: ${parts.title ?? 'Test Brief'}\ndate: 2026-11-01\nscale: ${scale}\n${parts.frontMatter ? parts.frontMatter + '\n' : ''}---\n\n`;
  const judgements = parts.judgements ?? [
    {statement: 'The ferry operators are likely to resume the night service within the next three months.', evidence: ['The operators have hired twelve new crew members since June.[^s1]']},
  ];
  const summary = parts.summary ?? 'The ferry operators are likely to resume the night service within the next three months.';
  const sources = parts.sources ?? {s1: 'Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.'};
  let out = `${fm}# ${parts.title ?? 'Test Brief'}\n\n## Summary\n\n${summary}\n`;
  judgements.forEach((j, i) => {
    out += `\n## ${j.heading ?? `Key Judgement ${i + 1}`}\n\n${j.statement}\n`;
    if (j.evidence?.length) out += '\n' + j.evidence.map((e) => `- ${e}`).join('\n') + '\n';
  });
  const defs = Object.entries(sources);
  if (defs.length) out += `\n## Sources\n\n${defs.map(([id, t]) => `[^${id}]: ${t}`).join('\n')}\n`;
  if (parts.extra) out += parts.extra;
  return out;
}
