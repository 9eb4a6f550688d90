import type {BriefDocument} from '../../parse/document.js';
import type {ScaleTerm, Scale} from '../../scales/index.js';

export interface TermReading {
  term: ScaleTerm;
  scale: Scale;
  /** True when the phrase is on the document's own scale. */
  onScale: boolean;
}

/** What a likelihood phrase means in this document: its band on the document's scale, or where it comes from. */
export function readTerm(doc: BriefDocument, form: string): TermReading | undefined {
  const own = doc.scale.terms.find((t) => t.forms.some((f) => f.toLowerCase() === form));
  if (own) return {term: own, scale: doc.scale, onScale: true};
  const entry = doc.lexicon.lookup(form);
  if (!entry) return undefined;
  return {term: entry.reading.term, scale: entry.reading.scale, onScale: false};
}

export function sameBand(a: [number, number], b: [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
