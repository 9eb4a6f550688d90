import type {BriefDocument} from '../parse/document.js';
import {normaliseLabel} from '../parse/section.js';
import {citationFamily, citationIdRange, idKey, idTargetAt, relatedIds, sourceFamily, sourceIdRange} from './context.js';
import type {DefinitionTarget, PrepareRenameResult, Range, RenameEdit} from './types.js';

/** From a citation (`[^a]`, `[S1]`, `[text][ref]`) to the definition of its id. */
export function definition(doc: BriefDocument, offset: number): DefinitionTarget[] {
  const target = idTargetAt(doc, offset);
  if (!target) return [];
  const def = target.kind === 'definition' ? target.source : target.citation.source;
  if (!def) return [];
  const id = sourceIdRange(def) ?? {start: def.start, end: def.end};
  return [{start: Math.min(def.start, id.start), end: Math.max(def.end, id.end), selectionStart: id.start, selectionEnd: id.end}];
}

/** Every citation of the id under the cursor (a citation or a definition's id), as id ranges. */
export function references(doc: BriefDocument, offset: number, includeDeclaration: boolean): Range[] {
  const target = idTargetAt(doc, offset);
  if (!target) return [];
  const {definition: def, citations} = relatedIds(doc, target);
  const out: Range[] = [];
  if (includeDeclaration && def) {
    const id = sourceIdRange(def);
    if (id) out.push(id);
  }
  for (const c of citations) {
    const r = citationIdRange(doc, c);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The id that would be renamed at `offset`: a footnote or source id, in a citation or its definition. */
export function prepareRename(doc: BriefDocument, offset: number): PrepareRenameResult | undefined {
  const target = idTargetAt(doc, offset);
  if (!target) return undefined;
  return {start: target.range.start, end: target.range.end, placeholder: doc.text.slice(target.range.start, target.range.end)};
}

/**
 * Renames the id at `offset` in its definition and every citation of it. Rejects ids
 * with white space or brackets, and ids already used by another source.
 */
export function rename(doc: BriefDocument, offset: number, newName: string): RenameEdit[] | {error: string} {
  const target = idTargetAt(doc, offset);
  if (!target) return {error: 'Place the cursor on a footnote or source id to rename it.'};
  const name = newName.trim();
  if (!name) return {error: 'The new id is empty.'};
  if (/\s/.test(name)) return {error: `‘${name}’ has spaces: an id is one word, such as ${target.family === 'footnote' ? 'gazette-2026' : 'S4'}.`};
  if (/[[\]]/.test(name)) return {error: `‘${name}’ contains a bracket; ids cannot contain [ or ].`};
  if (target.family === 'footnote' && name.startsWith('^')) return {error: `Write the id without the caret: ‘${name.slice(1)}’.`};
  if (name.length > 100) return {error: 'The new id is longer than 100 characters.'};

  const {definition: def, citations} = relatedIds(doc, target);
  if (def && !sourceIdRange(def)) return {error: 'This source is identified by its list number; renumber the list instead.'};
  const isEntry = def?.kind === 'entry';
  const key = idKey(target.family, name, isEntry);
  const current = idKey(target.family, target.id, isEntry);
  if (key !== current) {
    // Another source with that id, or citations of it.
    for (const s of doc.sources) {
      if (s === def || !s.id || sourceFamily(s) !== target.family) continue;
      if (idKey(target.family, s.id, s.kind === 'entry') === idKey(target.family, name, s.kind === 'entry')) {
        return {error: `‘${name}’ is already the id of another source (line ${doc.lines.positionAt(s.start).line + 1}).`};
      }
    }
    for (const c of doc.citations) {
      if (citations.includes(c) || citationFamily(c) !== target.family || c.id === undefined) continue;
      const r = citationIdRange(doc, c);
      if (r && normaliseLabel(doc.text.slice(r.start, r.end)) === normaliseLabel(name)) {
        return {error: `‘${name}’ is already cited in this brief (line ${doc.lines.positionAt(c.start).line + 1}).`};
      }
    }
  }

  const edits: RenameEdit[] = [];
  const seen = new Set<number>();
  const push = (r: Range | undefined) => {
    if (!r || seen.has(r.start)) return;
    seen.add(r.start);
    edits.push({start: r.start, end: r.end, text: name});
  };
  if (def) push(sourceIdRange(def));
  for (const c of citations) push(citationIdRange(doc, c));
  edits.sort((a, b) => a.start - b.start);
  return edits;
}
