import type {Rule} from '../types.js';
import type {SourceEntry} from '../../parse/document.js';
import {sourceIdRange} from './units.js';

/** Admiralty grades in looser spellings than the document model's "B2": "B/2", "B-2", "reliability B, credibility 2". */
const LOOSE_GRADE = /(?<![\p{L}\p{N}])[A-F]\s?[-/]\s?[1-6](?![\p{L}\p{N}])|reliability\W{0,3}[A-F](?![\p{L}])[^.\n]{0,40}?credibility\W{0,3}[1-6]/iu;
/** Dates the document model does not read: "Oct 2026", "2026/10/01", "03/10/2026". */
const LOOSE_DATE = /(?<!\d)(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d|(?:19|20)\d\d[/.]\d{1,2}[/.]\d{1,2})(?!\d)/;

/** A note about the sources rather than a source: "Sources are graded with the Admiralty code." */
const META_NOTE = /(?<!\p{L})(?:admiralty|graded|grading|grades|this\s+(?:brief|assessment|report|list)|(?:all|the|these|our)\s+sources|sources\s+(?:are|is|were|include))(?!\p{L})/iu;

function label(s: SourceEntry): string {
  if (s.kind === 'footnote') return `Footnote [^${s.id}]`;
  if (s.kind === 'link') return `Link reference [${s.id}]`;
  return s.id ? `Source [${s.id}]` : 'This source';
}

export const sourceMetadata: Rule = {
  id: 'source-metadata',
  category: 'sourcing',
  defaultLevel: 'off',
  description: 'A source entry lacks a date or an Admiralty grade (off by default).',
  fixable: false,
  signature: (doc) => doc.sourcesKey,
  optionsSchema: {
    type: 'object',
    properties: {
      requireDate: {type: 'boolean', default: true, description: 'Every source gives a date (year, month or full date).'},
      requireGrade: {type: 'boolean', default: true, description: 'Every source gives an Admiralty grade: reliability A–F and credibility 1–6, e.g. B2.'},
    },
    additionalProperties: false,
  },
  defaultOptions: {requireDate: true, requireGrade: true},
  docs: {
    rationale:
      'How old a piece of reporting is and how far it can be trusted are what a reader needs to weigh it. ICD 206 lists age and currency, access, past record and possible bias among the source descriptors, and ICD 203 standard 1 asks every product to describe the quality and credibility of its sources. Many teams grade sources with the Admiralty code (NATO STANAG 2511 family): a letter for the reliability of the source (A completely reliable … E unreliable, F cannot be judged) and a digit for the credibility of the information (1 confirmed … 5 improbable, 6 cannot be judged), e.g. "B2". Turn this rule on, with `requireDate` and `requireGrade`, when house style asks every source to carry both.',
    standard: 'ICD 206 (source descriptors); ICD 203 analytic tradecraft standard 1; Admiralty code (STANAG 2511)',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer.[^1]\n\n## Sources\n\n[^1]: Union bulletin.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer.[^1]\n\n## Sources\n\n[^1]: Union bulletin, 3 October 2026. Grade B2.\n`,
  },
  check({doc, options, report}) {
    const requireDate = options.requireDate !== false;
    const requireGrade = options.requireGrade !== false;
    if (!requireDate && !requireGrade) return;
    for (const s of doc.sources) {
      const text = s.text;
      // Prose in a Sources section ("Sources are graded as follows:") is not a source.
      if (s.kind === 'entry' && !s.id && (/:\s*$/.test(text) || !/[\p{L}]{2}/u.test(text) || (!s.grade && META_NOTE.test(text)))) continue;
      const missing: string[] = [];
      const hasDate = !!s.date || LOOSE_DATE.test(text);
      const hasGrade = !!s.grade || LOOSE_GRADE.test(text);
      if (requireDate && !hasDate) missing.push('date');
      if (requireGrade && !hasGrade) missing.push('Admiralty grade');
      if (!missing.length) continue;
      const example = requireDate && requireGrade ? '‘…, 3 October 2026. Grade B2.’' : requireDate ? '‘…, 3 October 2026.’' : '‘… Grade B2.’';
      const gradeHelp = !hasGrade && requireGrade ? ' A grade is a reliability letter A–F and a credibility digit 1–6 (B2: usually reliable source, information probably true).' : '';
      report({
        message: `${label(s)} has no ${missing.join(' and no ')}. Add ${missing.length > 1 ? 'them' : 'it'} to the entry, e.g. ${example}${gradeHelp}`,
        ...sourceIdRange(doc, s),
      });
    }
  },
};
