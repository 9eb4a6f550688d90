/**
 * What lets a keystroke re-check a part of a brief instead of all of it.
 *
 * - **Units.** The body is cut into units: each key judgement heading with its
 *   subsections, each top-level section (under the title) with its subsections. Rules
 *   marked `scope: 'unit'` only look inside a unit (plus document facts that are part of
 *   the unit's key), so a unit whose sections are the same objects as last time (the
 *   parser reuses unchanged sections), with the same key, keeps last time's findings,
 *   moved with it. Only the changed units are checked, through a view of the document
 *   whose lists hold just those units.
 * - **Document rules** with a `signature` keep last time's findings when the signature is
 *   the same and none of their findings touches the changed text: offsets before the
 *   change stay, offsets after it move by the change in length.
 *
 * Correctness rests on each unit rule's declared scope; a property test checks that an
 * incremental lint equals a lint from scratch after random edits.
 */
import {effectiveRole, type BriefDocument, type BriefSection, type TextChange} from './parse/document.js';
import type {Block} from './parse/section.js';
import type {Finding, TextEdit} from './rules/types.js';
import {firstAtOrAfter} from './text/sorted.js';

export interface Unit {
  root: BriefSection;
  sections: BriefSection[];
  start: number;
  end: number;
  /** Everything outside the unit's own text that unit rules read about it. */
  key: string;
}

/** Is `s` the first section of a unit? */
function isRoot(s: BriefSection): boolean {
  // A judgement's subsections (even a nested judgement heading) belong to its unit: its evidence comes from them.
  for (let a = s.parent; a; a = a.parent) if (a.role === 'judgement') return false;
  return !s.parent || s.role === 'judgement' || s.parent.role === 'title' || s.parent.role === 'preamble';
}

/** The document's units, in order, with their keys. */
export function unitsOf(doc: BriefDocument): Unit[] {
  const units: Unit[] = [];
  let current: Unit | undefined;
  for (const s of doc.sections) {
    if (!current || isRoot(s)) {
      current = {root: s, sections: [], start: s.start, end: s.end, key: ''};
      units.push(current);
    }
    current.sections.push(s);
    current.end = s.end;
  }
  // Keys: roles and judgement numbering of the unit's sections, and the headings and roles
  // of the root's ancestors (a subsection's role comes from them).
  let j = 0;
  const judgements = doc.judgements;
  for (const u of units) {
    while (j < judgements.length && judgements[j].section.start < u.start) j++;
    // Unnumbered judgements are named by their place in the brief ("Key judgement 3").
    let unnumbered = false;
    for (let k = j; k < judgements.length && judgements[k].section.start < u.end; k++) if (judgements[k].number === undefined) unnumbered = true;
    const parts: string[] = [unnumbered ? String(j) : ''];
    for (let a = u.root.parent; a; a = a.parent) parts.push(`^${a.role}:${a.level}:${a.heading?.text ?? ''}`);
    for (const s of u.sections) {
      parts.push(`${effectiveRole(s)}:${s.level}:${s.judgementNumber ?? ''}:${s === doc.summary ? 'S' : ''}:${s === doc.sourcesSection ? 'R' : ''}`);
    }
    u.key = parts.join('|');
  }
  return units;
}

/** The items of a sorted list whose start is in one of `units`, by binary search. */
function within<T>(list: T[], units: Unit[], startOf: (x: T) => number): T[] {
  const out: T[] = [];
  for (const u of units) {
    for (let i = firstAtOrAfter(list, u.start, startOf); i < list.length && startOf(list[i]) < u.end; i++) out.push(list[i]);
  }
  return out;
}

/**
 * The document as unit rules see it when only `units` need checking: its lists hold just
 * those units' sections, judgements, evidence and citations; everything else (text,
 * sources, scale, config) is the document's own.
 */
export function viewOf(doc: BriefDocument, units: Unit[]): BriefDocument {
  const inView = new Set<BriefSection>();
  for (const u of units) for (const s of u.sections) inView.add(s);
  // A copy of the document's fields, not Object.create(doc): with a view whose prototype was the
  // document, each keystroke's document and its whole text outlived V8's young generation and
  // waited for a full GC (measured: ~1 MB promoted per keystroke on the 1 MB brief; a copy is
  // not). Values kept in slots are per object either way: a view computes its own.
  return {
    ...doc,
    sections: doc.sections.filter((s) => inView.has(s)),
    judgements: doc.judgements.filter((j) => inView.has(j.section)),
    evidenceBlocks: within(doc.evidenceBlocks, units, (b: Block) => b.start),
    citations: within(doc.citations, units, (c) => c.start),
  };
}

/** Does `test` hold for every offset a finding holds (its range, its fixes' edits, its related locations)? No array per finding. */
function everyOffset(f: Finding, test: (offset: number) => boolean): boolean {
  if (!test(f.start) || !test(f.end)) return false;
  if (f.fix) for (const e of f.fix.edits) if (!test(e.start) || !test(e.end)) return false;
  if (f.suggestions) for (const s of f.suggestions) for (const e of s.edits) if (!test(e.start) || !test(e.end)) return false;
  if (f.related) for (const r of f.related) if (!test(r.start) || !test(r.end)) return false;
  return true;
}

/** Does every offset of the finding lie in `[start, end]`? */
export function inside(f: Finding, start: number, end: number): boolean {
  return everyOffset(f, (o) => o >= start && o <= end);
}

/** A copy of a finding with every offset mapped. */
export function mapFinding(f: Finding, map: (offset: number) => number): Finding {
  const edit = (e: TextEdit): TextEdit => ({start: map(e.start), end: map(e.end), text: e.text});
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    start: map(f.start),
    end: map(f.end),
    fix: f.fix && {title: f.fix.title, edits: f.fix.edits.map(edit)},
    suggestions: f.suggestions?.map((s) => ({title: s.title, edits: s.edits.map(edit)})),
    related: f.related?.map((r) => ({start: map(r.start), end: map(r.end), message: r.message})),
    tags: f.tags,
  };
}

/**
 * Last time's findings of a document rule, moved across `change`; undefined when one of
 * them touches the changed text (the rule must run again).
 */
export function remapAcross(findings: Finding[], change: TextChange): Finding[] | undefined {
  const delta = change.newTo - change.oldTo;
  const clear = (o: number) => o < change.from || o > change.oldTo;
  for (const f of findings) if (!everyOffset(f, clear)) return undefined;
  if (delta === 0) return findings;
  // A finding wholly before the change stays as it is (the same object: findings are never changed).
  const before = (o: number) => o < change.from;
  const move = (o: number) => (o > change.oldTo ? o + delta : o);
  return findings.map((f) => (everyOffset(f, before) ? f : mapFinding(f, move)));
}
