import type {BriefDocument} from '../parse/document.js';
import {bandClass, citationFamily, serviceIndex} from './context.js';
import type {SemanticToken, SemanticTokenModifier, SemanticTokenType} from './types.js';

/** Token types, in legend order (the server's legend and the client's package.json use this list). */
export const SEMANTIC_TOKEN_TYPES: readonly SemanticTokenType[] = ['likelihood', 'confidence', 'citation', 'judgementHeading', 'hedge'];

/** Token modifiers, in legend order: band classes of likelihood terms, then flags. */
export const SEMANTIC_TOKEN_MODIFIERS: readonly SemanticTokenModifier[] = ['remote', 'unlikely', 'even', 'likely', 'certain', 'offScale', 'unresolved', 'declaration'];

/**
 * Semantic tokens: likelihood terms (judgements and Summary) with their band class
 * and `offScale`; confidence phrases (judgements and Summary); hedges in judgements;
 * citations anywhere (`unresolved` when nothing defines them) and footnote/source ids
 * of definitions (`declaration`); the text of judgement headings. Sorted by start,
 * never overlapping, never spanning a line break.
 */
export function semanticTokens(doc: BriefDocument): SemanticToken[] {
  const index = serviceIndex(doc);
  const fore: SemanticToken[] = [];
  for (const l of index.likelihood) {
    const modifiers: SemanticTokenModifier[] = [bandClass(l.term.band)];
    if (!l.onScale) modifiers.push('offScale');
    fore.push({start: l.start, end: l.end, type: 'likelihood', modifiers});
  }
  for (const c of index.confidence) fore.push({start: c.start, end: c.end, type: 'confidence', modifiers: []});
  for (const h of index.hedges) fore.push({start: h.start, end: h.end, type: 'hedge', modifiers: []});
  for (const c of doc.citations) {
    if (!citationFamily(c)) continue;
    fore.push({start: c.start, end: c.end, type: 'citation', modifiers: c.resolved ? [] : ['unresolved']});
  }
  for (const s of doc.sources) {
    if (s.id && s.idEnd > s.idStart) fore.push({start: s.idStart, end: s.idEnd, type: 'citation', modifiers: ['declaration']});
  }
  fore.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps among specific tokens: the first (longest at a start) wins.
  const kept: SemanticToken[] = [];
  for (const t of fore) {
    if (t.end <= t.start) continue;
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) continue;
    kept.push(t);
  }

  // Judgement heading text, cut around the specific tokens inside it.
  const back: SemanticToken[] = [];
  for (const j of doc.judgements) {
    const h = j.layout === 'heading' ? j.section.heading : undefined;
    if (!h || h.textEnd <= h.textStart) continue;
    back.push({start: h.textStart, end: h.textEnd, type: 'judgementHeading', modifiers: []});
  }
  const merged: SemanticToken[] = [];
  let k = 0;
  for (const bg of back) {
    while (k < kept.length && kept[k].end <= bg.start) merged.push(kept[k++]);
    let pos = bg.start;
    while (k < kept.length && kept[k].start < bg.end) {
      const t = kept[k++];
      if (t.start > pos) merged.push({...bg, start: pos, end: t.start});
      merged.push(t);
      pos = Math.max(pos, t.end);
    }
    if (pos < bg.end) merged.push({...bg, start: pos, end: bg.end});
  }
  while (k < kept.length) merged.push(kept[k++]);

  // One line each: split at line breaks and trim the white space (and quote markers) at the cut.
  const out: SemanticToken[] = [];
  const text = doc.text;
  for (const t of merged) {
    let s = t.start;
    while (s < t.end) {
      let e = s;
      while (e < t.end && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      let a = s;
      let b = e;
      while (a < b && (text[a] === ' ' || text[a] === '\t' || (a > t.start && text[a] === '>' && /^[ \t>]*$/.test(text.slice(lineStartOf(text, a), a))))) a++;
      while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
      if (b > a) out.push({start: a, end: b, type: t.type, modifiers: [...t.modifiers]});
      s = e;
      while (s < t.end && (text.charCodeAt(s) === 10 || text.charCodeAt(s) === 13)) s++;
    }
  }
  return out;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}
