import type {Rule} from '../types.js';
import {SourcingIndex, sourcingSignature, sourceIdRange} from './units.js';

export const sourceUnused: Rule = {
  id: 'source-unused',
  category: 'sourcing',
  defaultLevel: 'warning',
  description: 'A source is defined but nothing in the brief cites it.',
  fixable: false,
  signature: sourcingSignature,
  docs: {
    rationale:
      'Every source listed in a brief should support something the brief says. ICD 206 ties source references to the reporting that judgements depend on: a footnote or reference that no sentence cites either supports nothing (remove it) or lost its citation in editing (so a claim now stands unsourced, put the citation back). Entries of a Sources section are checked only when the brief cites them by id (`[S3]`); a Sources list that is never cited by id is read as a bibliography.',
    standard: 'ICD 206 (source reference citations); ICD 203 analytic tradecraft standard 1',
    bad: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^union]\n\n## Sources\n\n[^union]: Union bulletin, 3 October 2026. B2.\n[^press]: Harbour Gazette, 4 October 2026. C3.\n`,
    good: `## Key Judgement 1\n\nThe ferry strike is likely to end within the next month.\n\n- The union accepted a pay offer on 3 October.[^union] Crews began returning the next day.[^press]\n\n## Sources\n\n[^union]: Union bulletin, 3 October 2026. B2.\n[^press]: Harbour Gazette, 4 October 2026. C3.\n`,
  },
  check({doc, report}) {
    const index = SourcingIndex.of(doc);
    const citedIds = index.citedEntryIds();
    // Sources entries count only when the brief cites entries by id somewhere.
    const entriesCitedById = citedIds.size > 0;
    for (const source of doc.sources) {
      if (!source.id) continue;
      if (source.kind === 'entry' && !entriesCitedById) continue;
      if (index.isSourceCited(source, citedIds)) continue;
      const what =
        source.kind === 'footnote' ? `Footnote [^${source.id}]` : source.kind === 'link' ? `Link reference [${source.id}]` : `Source [${source.id}]`;
      const how = source.kind === 'footnote' ? `[^${source.id}]` : `[${source.id}]`;
      report({
        message: `${what} is defined but never cited. Cite it (${how}) after the claim it supports, or remove it.`,
        ...sourceIdRange(doc, source),
        tags: ['unnecessary'],
      });
    }
  },
};
