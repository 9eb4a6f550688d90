import type {BriefDocument} from './parse/document.js';
import type {Comment} from './parse/section.js';

export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** Range of the comment. */
  start: number;
  end: number;
}

const DIRECTIVE = /^\s*brief-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export function parseSuppressions(comments: Comment[]): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const [rulesPart, ...reasonParts] = m[2].split(/\s--\s|^--\s|\s--$/);
    const reason = reasonParts.join(' -- ').trim() || undefined;
    const rules = rulesPart.split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
    out.push({kind: m[1] as Suppression['kind'], rules, reason, start: c.start, end: c.end});
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Decides whether a finding at `start` from `ruleId` is suppressed. */
export class SuppressionIndex {
  readonly list: Suppression[];
  private lineRules = new Map<number, Suppression[]>();
  private ranges: Array<{start: number; end: number; rules: string[]}> = [];

  constructor(private doc: BriefDocument) {
    this.list = parseSuppressions(doc.comments);
    const open = new Map<string, number>(); // rule ('*' for all) -> start offset
    for (const s of this.list) {
      if (s.kind === 'disable-next-line' || s.kind === 'disable-line') {
        const line = doc.lines.positionAt(s.end).line + (s.kind === 'disable-next-line' ? 1 : 0);
        const list = this.lineRules.get(line) ?? [];
        list.push(s);
        this.lineRules.set(line, list);
      } else if (s.kind === 'disable') {
        for (const r of s.rules.length ? s.rules : ['*']) if (!open.has(r)) open.set(r, s.end);
      } else {
        const rules = s.rules.length ? s.rules : [...open.keys()];
        for (const r of rules) {
          const start = open.get(r);
          if (start === undefined) continue;
          this.ranges.push({start, end: s.start, rules: [r]});
          open.delete(r);
        }
      }
    }
    for (const [r, start] of open) this.ranges.push({start, end: doc.text.length, rules: [r]});
  }

  suppressed(ruleId: string, start: number): boolean {
    const line = this.doc.lines.positionAt(start).line;
    for (const s of this.lineRules.get(line) ?? []) {
      if (s.rules.length === 0 || s.rules.includes(ruleId)) return true;
    }
    for (const r of this.ranges) {
      if (start >= r.start && start < r.end && (r.rules[0] === '*' || r.rules.includes(ruleId))) return true;
    }
    return false;
  }
}
