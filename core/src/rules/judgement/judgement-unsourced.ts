import type {Rule} from '../types.js';
import {judgementName} from '../util.js';

export const judgementUnsourced: Rule = {
  id: 'judgement-unsourced',
  category: 'judgement',
  defaultLevel: 'warning',
  description: 'Key judgement whose evidence cites no source at all.',
  fixable: false,
  unitScoped: true,
  docs: {
    rationale:
      'Evidence is information from somewhere: a report, a statistic, an intercept. When none of a judgement\'s evidence cites a source, the reader cannot tell reporting from the analyst\'s own assumptions or weigh how reliable it is. Cite the source of each evidence item (footnotes `[^id]`, links or source ids).',
    standard: 'ICD 203 standard 1 (quality and credibility of sources); ICD 206 (source references)',
    bad: `## Key Judgement 1\n\nThe ferry operators are likely to resume the night service within the next three months.\n\n- The operators have hired new crew since June.\n- The harbour master has extended night opening hours.\n`,
    good: `## Key Judgement 1\n\nThe ferry operators are likely to resume the night service within the next three months.\n\n- The operators have hired new crew since June.[^1]\n- The harbour master has extended night opening hours.[^2]\n\n[^1]: Operator press release, 2026-09-02.\n[^2]: Harbour notice 14/2026, 2026-10-01.\n`,
  },
  check({doc, report}) {
    for (const j of doc.judgements) {
      if (j.layout !== 'heading' || j.evidence.length === 0) continue;
      if (j.evidence.some((e) => e.citations.length > 0)) continue;
      if (j.statement?.citations.length) continue;
      const range = j.statement ? {start: j.statement.start, end: j.statement.end} : {start: j.section.heading!.start, end: j.section.heading!.end};
      const n = j.evidence.length;
      report({
        message: `None of the ${n} evidence item${n === 1 ? '' : 's'} under ${judgementName(j)} cites a source. Cite where each piece of evidence comes from (a footnote such as [^id], a link, or a source id).`,
        ...range,
      });
    }
  },
};
