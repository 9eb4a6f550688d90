import type {BriefDocument, Judgement} from '../parse/document.js';
import {blockText, judgementName} from '../rules/util.js';
import {bandFigures, trimEnd} from './context.js';
import type {CodeLens, JudgementLikelihood, JudgementSummary} from './types.js';

/** The first likelihood expression of a judgement, described. */
export function judgementLikelihood(j: Judgement): JudgementLikelihood | undefined {
  const l = j.likelihood[0];
  if (!l) return undefined;
  return {
    phrase: l.text.replace(/\s+/g, ' '),
    term: l.term.term,
    label: l.term.label,
    band: [l.term.band[0], l.term.band[1]],
    onScale: l.onScale,
    scaleName: l.scale.name,
  };
}

/** Evidence items, and those with at least one citation that resolves (or a link). */
export function evidenceCounts(j: Judgement): {evidence: number; sourced: number} {
  let sourced = 0;
  for (const item of j.evidence) if (item.citations.some((c) => c.resolved)) sourced++;
  return {evidence: j.evidence.length, sourced};
}

/** Range of a judgement: heading to the last line of its evidence, or the list item. */
export function judgementRange(doc: BriefDocument, j: Judgement): {start: number; end: number} {
  if (j.layout === 'heading') {
    // Heading, statement, evidence and subsection headings; not footnote definitions that happen to follow.
    let end = j.section.heading ? j.section.heading.end : j.section.start;
    if (j.statement) end = Math.max(end, j.statement.end);
    for (const item of j.evidence) end = Math.max(end, item.end);
    for (let k = j.section.index + 1; k < doc.sections.length && doc.sections[k].start < j.section.treeEnd; k++) {
      const h = doc.sections[k].heading;
      if (h) end = Math.max(end, h.end);
    }
    return {start: j.section.start, end: trimEnd(doc, j.section.start, end)};
  }
  const s = j.statement!;
  return {start: s.start, end: s.end};
}

const LABEL = /^(?:key\s+judge?ments?|kj|judge?ments?|key\s+assessments?|assessment)\s*(?:no\.?\s*)?#?\s*\d{1,3}\b\s*[:.)\-–—]?\s*/i;

/** Range and text of a statement; for a judgement carried by its heading, without the "KJ 2:" label. */
export function statementOf(doc: BriefDocument, j: Judgement): {start: number; end: number; text: string} | undefined {
  const s = j.statement;
  if (!s) return undefined;
  let start = s.start;
  let text = blockText(s);
  if (s.kind === 'heading') {
    const label = LABEL.exec(doc.text.slice(start, s.end));
    if (label && start + label[0].length < s.end) {
      start += label[0].length;
      text = text.replace(LABEL, '');
    }
  }
  return {start, end: s.end, text};
}

/** The judgements of a brief, described for the preview and the judgement list. */
export function judgementSummaries(doc: BriefDocument): JudgementSummary[] {
  return doc.judgements.map((j) => {
    const {start, end} = judgementRange(doc, j);
    const heading = j.section.heading;
    const stated = statementOf(doc, j);
    const statement = stated ?? (heading ? {start: heading.textStart, end: heading.textEnd} : {start, end});
    const {evidence, sourced} = evidenceCounts(j);
    const out: JudgementSummary = {
      index: j.index,
      name: judgementName(j),
      layout: j.layout,
      start,
      end,
      statementStart: statement.start,
      statementEnd: statement.end,
      text: stated?.text ?? '',
      evidenceCount: evidence,
      sourcedEvidenceCount: sourced,
    };
    if (j.number !== undefined) out.number = j.number;
    const likelihood = judgementLikelihood(j);
    if (likelihood) out.likelihood = likelihood;
    if (j.confidence[0]) out.confidence = j.confidence[0].text.replace(/\s+/g, ' ');
    if (j.timeframes[0]) out.timeframe = j.timeframes[0].text.replace(/\s+/g, ' ');
    return out;
  });
}

/** "highly likely 80–90%", "very likely 80–95% (off scale)", "no likelihood". */
export function likelihoodLensText(j: Judgement): string {
  const l = judgementLikelihood(j);
  if (!l) return 'no likelihood';
  return `${l.term} ${bandFigures(l.band)}${l.onScale ? '' : ' (off scale)'}`;
}

/**
 * One lens per key judgement: on its heading ("3 evidence · 2 sourced · highly likely
 * 80–90%"), or on its statement in the list layout ("highly likely 80–90%").
 */
export function codeLenses(doc: BriefDocument): CodeLens[] {
  const out: CodeLens[] = [];
  for (const j of doc.judgements) {
    const likelihood = likelihoodLensText(j);
    if (j.layout === 'heading' && j.section.heading) {
      const {evidence, sourced} = evidenceCounts(j);
      const h = j.section.heading;
      out.push({start: h.textStart, end: h.textEnd, title: `${evidence} evidence · ${sourced} sourced · ${likelihood}`});
    } else if (j.statement) {
      out.push({start: j.statement.start, end: j.statement.end, title: likelihood});
    }
  }
  return out;
}
