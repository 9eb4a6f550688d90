import type {Fix, Rule} from '../types.js';
import type {BriefDocument, SourceEntry} from '../../parse/document.js';
import {appendPoint, endsWithBlankLine, eolOf, lineEndAt, SourcingIndex, entryKey, sourcingSignature} from './units.js';

/**
 * The stub footnote definition for an id, appended at the end of the document. Where it
 * goes is worked out once per check (each step reads the whole text), so that a draft
 * whose thousands of citations have lost their definitions is checked in linear time.
 */
function footnoteStubs(doc: BriefDocument): (id: string) => Fix {
  const trimmed = doc.text.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  // Right after another footnote definition, a new line is enough; after other text, leave a blank line.
  const tight = /^ {0,3}\[\^[^\]]+\]:/.test(lastLine);
  const {at, prefix} = appendPoint(doc.text, tight);
  const nl = eolOf(doc.text);
  return (id) => ({title: `Add a definition stub ‘[^${id}]: ’ at the end of the brief`, edits: [{start: at, end: at, text: `${prefix}[^${id}]: ${nl}`}]});
}

/** The stub entry for an id at the end of the Sources section (or in a new Sources section); placed once per check, as above. */
function entryStubs(doc: BriefDocument): (id: string) => Fix {
  const title = (id: string) => `Add an entry for [${id}] to the Sources section`;
  const nl = eolOf(doc.text);
  let last: SourceEntry | undefined;
  for (const s of doc.sources) if (s.kind === 'entry') last = s;
  if (last) {
    // Follow the style of the last entry: "- [S2] …", "3. [S3] …" or a paragraph.
    const lineStart = doc.text.lastIndexOf('\n', last.start - 1) + 1;
    const marker = /^([ \t]*)([-+*]|(\d{1,9})([.)]))([ \t]+)/.exec(doc.text.slice(lineStart, last.start));
    const at = lineEndAt(doc.text, last.end);
    if (marker) {
      const bullet = marker[3] !== undefined ? `${Number(marker[3]) + 1}${marker[4]}` : marker[2];
      return (id) => ({title: title(id), edits: [{start: at, end: at, text: `${nl}${marker[1]}${bullet}${marker[5]}[${id}] `}]});
    }
    return (id) => ({title: title(id), edits: [{start: at, end: at, text: `${nl}${nl}[${id}] `}]});
  }
  if (doc.sourcesSection) {
    const at = doc.sourcesSection.treeEnd;
    const before = doc.text.slice(0, at);
    const prefix = endsWithBlankLine(before) ? '' : before.endsWith('\n') ? nl : nl + nl;
    return (id) => ({title: title(id), edits: [{start: at, end: at, text: `${prefix}- [${id}] ${nl}`}]});
  }
  const {at, prefix} = appendPoint(doc.text, false);
  return (id) => ({title: `Add a Sources section with an entry for [${id}]`, edits: [{start: at, end: at, text: `${prefix}## Sources${nl}${nl}- [${id}] ${nl}`}]});
}

export const footnoteUndefined: Rule = {
  id: 'footnote-undefined',
  category: 'sourcing',
  defaultLevel: 'error',
  description: 'A footnote or source id is cited but nothing defines it.',
  fixable: false,
  // Stubs go after the last entry or at the end of the brief: those texts are part of the signature.
  signature: (doc) => [sourcingSignature(doc), eolOf(doc.text), doc.text.slice(-400)],
  docs: {
    rationale:
      'A citation that leads nowhere is worse than none: the reader trusts that the claim is sourced and cannot check it. ICD 206 asks for a source reference for the reporting that judgements depend on, and ICD 203 standard 1 asks a product to describe the quality and credibility of its sources; neither is possible when the footnote `[^id]` has no definition or a bracketed id such as `[S3]` matches no entry in the Sources section. Usually a definition was lost in editing or the label was mistyped. The quick fix adds an empty definition at the end of the brief for you to fill in.',
    standard: 'ICD 206 (source reference citations); ICD 203 analytic tradecraft standard 1',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^union]\n\n## Sources\n\n[^unoin]: Union bulletin, 3 October 2026. B2.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^union]\n\n## Sources\n\n[^union]: Union bulletin, 3 October 2026. B2.\n`,
  },
  check({doc, report}) {
    const index = SourcingIndex.of(doc);
    let footnoteStub: ((id: string) => Fix) | undefined;
    let entryStub: ((id: string) => Fix) | undefined;
    const footnoteIds = new Set(doc.sources.filter((s) => s.kind === 'footnote' && s.id).map((s) => entryKey(s.id!)));
    for (const c of doc.citations) {
      if (c.resolved || !c.id) continue;
      if (c.kind === 'footnote') {
        report({
          message: `Footnote [^${c.id}] is cited but never defined. Add a definition ‘[^${c.id}]: …’ giving the source, or correct the label.`,
          start: c.start,
          end: c.end,
          suggestions: [(footnoteStub ??= footnoteStubs(doc))(c.id)],
        });
      } else if (c.kind === 'bracket') {
        const id = c.id.trim();
        // "[S1]" for a footnote "[^S1]": the source exists; the caret is a matter of style.
        if (footnoteIds.has(entryKey(id))) continue;
        report({
          message: `Source [${id}] is cited but no entry of the Sources section has the id ${id}. Add the entry, or correct the id.`,
          start: c.start,
          end: c.end,
          suggestions: [(entryStub ??= entryStubs(doc))(id)],
        });
      }
    }
    // Ids in brackets that list several sources: "[S1, S9]".
    if (index.listedIds.length) {
      const defined = new Set<string>();
      for (const s of doc.sources) if (s.id) defined.add(entryKey(s.id));
      for (const l of index.listedIds) {
        if (defined.has(entryKey(l.id))) continue;
        report({
          message: `Source [${l.id}] is cited but no entry of the Sources section has the id ${l.id}. Add the entry, or correct the id.`,
          start: l.start,
          end: l.end,
          suggestions: [(entryStub ??= entryStubs(doc))(l.id)],
        });
      }
    }
  },
};
