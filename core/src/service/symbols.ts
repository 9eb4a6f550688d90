import type {BriefDocument, BriefSection, Judgement, SourceEntry} from '../parse/document.js';
import {judgementName} from '../rules/util.js';
import {sectionAt, shorten, trimEnd} from './context.js';
import {evidenceCounts, judgementLikelihood} from './judgements.js';
import type {SymbolKind, SymbolNode} from './types.js';

const KIND: Record<BriefSection['role'], SymbolKind> = {
  preamble: 'section',
  title: 'title',
  summary: 'summary',
  judgements: 'judgements',
  judgement: 'judgement',
  sources: 'sources',
  other: 'section',
};

/** "highly likely · ≈80–≈90% · 3 evidence". */
function judgementDetail(j: Judgement): string {
  const l = judgementLikelihood(j);
  const parts = [l ? `${l.term} · ${l.label}${l.onScale ? '' : ' (off scale)'}` : j.statement ? 'no likelihood' : 'no statement'];
  if (j.layout === 'heading') {
    const {evidence, sourced} = evidenceCounts(j);
    parts.push(`${evidence} evidence`);
    if (evidence) parts.push(`${sourced} sourced`);
    else if (!j.statement) return parts[0];
  }
  return parts.join(' · ');
}

function sourceName(s: SourceEntry): string {
  if (!s.id) return shorten(s.text, 40) || '(source)';
  return s.kind === 'footnote' ? `[^${s.id}]` : s.kind === 'link' ? `[${s.id}]` : s.id;
}

/** A source's text without the id it starts with ("S1. Paper" → "Paper"). */
export function entryText(s: SourceEntry): string {
  if (s.kind !== 'entry' || !s.id || s.idEnd <= s.idStart) return s.text;
  const id = s.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^\\[?${id}\\]?[.:)]?\\s+`, 'i').exec(s.text);
  return m ? s.text.slice(m[0].length) : s.text;
}

/**
 * The outline of a brief: sections nested by heading level, each key judgement named
 * "Key judgement N" with its likelihood, and the sources under the section that holds them.
 */
export function documentSymbols(doc: BriefDocument): SymbolNode[] {
  const roots: SymbolNode[] = [];
  const nodes = new Map<BriefSection, SymbolNode>();
  const judgementOf = new Map<BriefSection, Judgement>();
  for (const j of doc.judgements) if (j.layout === 'heading') judgementOf.set(j.section, j);

  for (const s of doc.sections) {
    const h = s.heading;
    if (!h) continue;
    const j = judgementOf.get(s);
    const end = Math.max(trimEnd(doc, s.start, s.treeEnd), h.end);
    const selection = h.textEnd > h.textStart ? {start: h.textStart, end: h.textEnd} : {start: h.start, end: h.end};
    const node: SymbolNode = {
      name: j ? judgementName(j) : h.text.trim() || '(untitled section)',
      kind: KIND[s.role],
      start: s.start,
      end,
      selectionStart: selection.start,
      selectionEnd: selection.end,
      children: [],
    };
    if (j) node.detail = judgementDetail(j);
    else if (s.role === 'judgement') node.detail = 'no statement';
    nodes.set(s, node);
    let parent: BriefSection | undefined = s.parent;
    while (parent && !nodes.has(parent)) parent = parent.parent;
    (parent ? nodes.get(parent)!.children : roots).push(node);
  }

  // Judgements written as a list under "Key Judgements".
  for (const j of doc.judgements) {
    if (j.layout !== 'list' || !j.statement) continue;
    const node: SymbolNode = {
      name: judgementName(j),
      detail: judgementDetail(j),
      kind: 'judgement',
      start: j.statement.start,
      end: j.statement.end,
      selectionStart: j.statement.start,
      selectionEnd: j.statement.end,
      children: [],
    };
    const parent = nodes.get(j.section);
    (parent ? parent.children : roots).push(node);
  }

  // Sources, under the section that holds their definition.
  for (const src of doc.sources) {
    if (!src.id && src.kind !== 'entry') continue;
    const id = src.idEnd > src.idStart ? {start: src.idStart, end: src.idEnd} : {start: src.start, end: src.end};
    const node: SymbolNode = {
      name: sourceName(src),
      detail: src.id ? shorten(entryText(src), 60) || undefined : undefined,
      kind: 'source',
      start: Math.min(src.start, id.start),
      end: Math.max(src.end, id.end),
      selectionStart: id.start,
      selectionEnd: id.end,
      children: [],
    };
    if (node.detail === undefined) delete node.detail;
    let section = sectionAt(doc, src.start);
    while (section && !nodes.has(section)) section = section.parent;
    (section ? nodes.get(section)!.children : roots).push(node);
  }

  const sort = (list: SymbolNode[]) => {
    list.sort((a, b) => a.start - b.start);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
