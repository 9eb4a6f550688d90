import type {BriefDocument} from '../../parse/document.js';
import {readForm, type FormReading} from '../../scales/lexicon.js';

/** What a likelihood phrase means in this document: its band on the document's scale, or where it comes from. */
export function readTerm(doc: BriefDocument, form: string): FormReading | undefined {
  return readForm(doc.lexicon, doc.scale, form);
}
