/** The units a custom rule's scope names, as runs of text with their offsets and facts. */
import {effectiveRole, type BriefDocument, type Judgement} from '../parse/document.js';
import type {Block} from '../parse/section.js';
import type {CustomScope} from './types.js';

export interface Segment {
  /** Text to match (a block's masked text: code, HTML, URLs and link targets blanked). */
  text: string;
  /** Document offset of `text[0]`. */
  offset: number;
  /** Only matches inside [from, to) of `text` count. */
  from: number;
  to: number;
  /** The block, when the segment is one (facts, citations, quotes). */
  block?: Block;
}

export interface Unit {
  segments: Segment[];
  /** Where a finding about the unit as a whole goes. */
  anchor: {start: number; end: number};
  judgement?: Judgement;
}

function blockSegment(b: Block): Segment {
  return {text: b.masked, offset: b.base, from: Math.max(0, b.start - b.base), to: Math.min(b.masked.length, b.end - b.base), block: b};
}

function firstLine(doc: BriefDocument, start: number, end: number): {start: number; end: number} {
  const nl = doc.text.indexOf('\n', start);
  return {start, end: nl >= 0 && nl < end ? nl : end};
}

/** The scope units of a document, in document order. */
export function unitsOf(doc: BriefDocument, scope: CustomScope): Unit[] {
  switch (scope) {
    case 'judgement':
      return doc.judgements.map((j) => {
        const heading = j.section.heading;
        const anchor = j.statement
          ? {start: j.statement.start, end: j.statement.end}
          : heading
            ? {start: heading.textStart, end: heading.textEnd}
            : firstLine(doc, j.section.start, j.section.end);
        return {segments: j.statement ? [blockSegment(j.statement)] : [], anchor, judgement: j};
      });
    case 'evidence':
      return doc.judgements.flatMap((j) =>
        j.evidence.map((e) => ({segments: e.blocks.map(blockSegment), anchor: e.blocks.length ? firstLine(doc, e.blocks[0].start, e.blocks[0].end) : {start: e.start, end: e.end}, judgement: j})),
      );
    case 'summary': {
      const s = doc.summary;
      if (!s) return [];
      const blocks = s.blocks.filter((b) => b.kind !== 'heading');
      const anchor = s.heading ? {start: s.heading.textStart, end: s.heading.textEnd} : firstLine(doc, s.start, s.end);
      return [{segments: blocks.map(blockSegment), anchor}];
    }
    case 'document': {
      const blocks = doc.sections.filter((s) => effectiveRole(s) !== 'sources').flatMap((s) => s.blocks.filter((b) => !b.footnote));
      const anchor = doc.title ? {start: doc.title.start, end: doc.title.end} : firstLine(doc, doc.bodyStart, doc.text.length);
      return [{segments: blocks.map(blockSegment), anchor}];
    }
    case 'source':
      return doc.sources.map((s) => {
        const text = doc.text.slice(s.start, s.end);
        return {segments: [{text, offset: s.start, from: 0, to: text.length}], anchor: firstLine(doc, s.start, s.end)};
      });
  }
}
