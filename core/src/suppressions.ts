/**
 * `<!-- brief-disable… -->` comments: parsing, deciding what they silence, and an
 * audit of every comment (what it silenced, its reason and reviewer).
 *
 *   <!-- brief-disable-next-line vague-hedge -- quoting the minister (reviewed-by: @alice) -->
 *
 * Rule ids (space- or comma-separated; none means every rule), then ` -- ` and the
 * reason. A reviewer is named in a parenthesis at the end of the reason:
 * `(reviewed-by: NAME)`; several are separated by commas. The parenthesis is not
 * part of the reason.
 */
import type {BriefDocument} from './parse/document.js';
import type {Comment} from './parse/section.js';
import type {Finding} from './rules/types.js';
import {firstAtOrAfter, startOf} from './text/sorted.js';

export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** Who reviewed the suppression, from `(reviewed-by: …)` after the reason. */
  reviewer?: string;
  /** Range of the comment. */
  start: number;
  end: number;
}

const DIRECTIVE = /^\s*brief-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;
/** `(reviewed-by: @alice)` (also `reviewed by`, `reviewed_by`, any case), at the end of the reason. */
const REVIEWER = /\(\s*reviewed[-_ ]?by\s*[:=]?\s*([^()]*?)\s*\)\s*[.;,]?\s*$/i;

/** Splits a reason into the reason proper and the reviewer named at its end. */
export function parseReason(text: string): {reason?: string; reviewer?: string} {
  const trimmed = text.trim();
  const m = REVIEWER.exec(trimmed);
  if (!m) return {reason: trimmed || undefined};
  const reviewer = m[1].replace(/\s*,\s*/g, ', ').replace(/,\s*$/, '').trim() || undefined;
  const reason = trimmed.slice(0, m.index).trim().replace(/\s*[-–—:;,]$/, '').trim() || undefined;
  return {reason, reviewer};
}

export function parseSuppressions(comments: Comment[]): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const [rulesPart, ...reasonParts] = m[2].split(/\s--\s|^--\s|\s--$/);
    const {reason, reviewer} = parseReason(reasonParts.join(' -- '));
    const rules = rulesPart.split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
    out.push({kind: m[1] as Suppression['kind'], rules, reason, ...(reviewer ? {reviewer} : {}), start: c.start, end: c.end});
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Decides whether a finding at `start` from `ruleId` is suppressed. */
export class SuppressionIndex {
  readonly list: Suppression[];
  private lineRules = new Map<number, Suppression[]>();
  /** The disable ranges by rule ('*': every rule), each list in text order and without overlaps: a rule is opened only when it is closed. */
  private byRule = new Map<string, SuppressedRange[]>();
  /** Each disable comment's furthest range end. */
  private ends = new Map<Suppression, number>();
  private closed = 0;

  constructor(private doc: BriefDocument) {
    this.list = parseSuppressions(doc.comments);
    const open = new Map<string, Suppression>(); // rule ('*' for all) -> the disable comment
    for (const s of this.list) {
      if (s.kind === 'disable-next-line' || s.kind === 'disable-line') {
        const line = doc.lines.positionAt(s.end).line + (s.kind === 'disable-next-line' ? 1 : 0);
        const list = this.lineRules.get(line) ?? [];
        list.push(s);
        this.lineRules.set(line, list);
      } else if (s.kind === 'disable') {
        for (const r of s.rules.length ? s.rules : ['*']) if (!open.has(r)) open.set(r, s);
      } else {
        const rules = s.rules.length ? s.rules : [...open.keys()];
        for (const r of rules) {
          const source = open.get(r);
          if (source === undefined) continue;
          this.close(r, source, s.start);
          open.delete(r);
        }
      }
    }
    for (const [r, source] of open) this.close(r, source, doc.text.length);
  }

  /** The range `source` opened for `rule`, closed at `end`: numbered in closing order. */
  private close(rule: string, source: Suppression, end: number): void {
    const range: SuppressedRange = {start: source.end, end, source, order: this.closed++};
    const list = this.byRule.get(rule);
    if (list) list.push(range);
    else this.byRule.set(rule, [range]);
    this.ends.set(source, Math.max(this.ends.get(source) ?? 0, end));
  }

  suppressed(ruleId: string, start: number): boolean {
    return this.match(ruleId, start) !== undefined;
  }

  /** The comment that silences a finding from `ruleId` at `start`, if any. */
  match(ruleId: string, start: number): Suppression | undefined {
    // (No line lookup without line comments: the line index is built only when needed.)
    if (this.lineRules.size) {
      const line = this.doc.lines.positionAt(start).line;
      for (const s of this.lineRules.get(line) ?? []) {
        if (s.rules.length === 0 || s.rules.includes(ruleId)) return s;
      }
    }
    // At most one range of the rule's and one of '*' hold the offset (a scan of every range per
    // finding was quadratic in a brief of many disable/enable pairs); the earlier one wins, as in
    // a scan of them all.
    const a = rangeAt(this.byRule.get('*'), start);
    const b = ruleId === '*' ? undefined : rangeAt(this.byRule.get(ruleId), start);
    return (a && b ? (a.order < b.order ? a : b) : (a ?? b))?.source;
  }

  /** Where the range a `disable` comment opens ends (the matching `enable`, or the end of the text). */
  rangeEnd(s: Suppression): number | undefined {
    return this.ends.get(s);
  }
}

interface SuppressedRange {
  start: number;
  end: number;
  source: Suppression;
  /** Place among all the ranges, in the order they were closed: of two that hold an offset, the first closed wins. */
  order: number;
}

/** The range of `list` (in text order, without overlaps) that holds `offset`. */
function rangeAt(list: readonly SuppressedRange[] | undefined, offset: number): SuppressedRange | undefined {
  if (!list) return undefined;
  const r = list[firstAtOrAfter(list, offset + 1, startOf) - 1];
  return r && offset < r.end ? r : undefined;
}

export type SuppressionScope = 'line' | 'next-line' | 'range';

export interface SuppressionAudit {
  scope: SuppressionScope;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  reviewer?: string;
  /** Range of the comment. */
  start: number;
  end: number;
  /** For a range: where it ends (the `enable` comment, or the end of the text). */
  rangeEnd?: number;
  /** How many findings this comment silenced. */
  suppressed: number;
  /** Rule ids of the findings it silenced, sorted, each once. */
  suppressedRules: string[];
}

const SCOPES: Record<Exclude<Suppression['kind'], 'enable'>, SuppressionScope> = {
  'disable-line': 'line',
  'disable-next-line': 'next-line',
  disable: 'range',
};

/**
 * Every suppression comment of a linted document (not `enable`, which only ends a
 * range), with what it silenced: `suppressed` are the findings the linter removed.
 */
export function auditSuppressions(doc: BriefDocument, suppressed: readonly Pick<Finding, 'ruleId' | 'start'>[]): SuppressionAudit[] {
  const index = new SuppressionIndex(doc);
  const used = new Map<Suppression, {count: number; rules: Set<string>}>();
  for (const f of suppressed) {
    const s = index.match(f.ruleId, f.start);
    if (!s) continue;
    const u = used.get(s) ?? {count: 0, rules: new Set<string>()};
    u.count++;
    u.rules.add(f.ruleId);
    used.set(s, u);
  }
  const out: SuppressionAudit[] = [];
  for (const s of index.list) {
    if (s.kind === 'enable') continue;
    const u = used.get(s);
    const a: SuppressionAudit = {scope: SCOPES[s.kind], rules: s.rules, start: s.start, end: s.end, suppressed: u?.count ?? 0, suppressedRules: [...(u?.rules ?? [])].sort()};
    if (s.reason) a.reason = s.reason;
    if (s.reviewer) a.reviewer = s.reviewer;
    if (s.kind === 'disable') a.rangeEnd = index.rangeEnd(s) ?? doc.text.length;
    out.push(a);
  }
  return out;
}
