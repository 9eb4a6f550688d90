import type {Rule} from '../types.js';
import type {Block} from '../../parse/section.js';
import type {Judgement} from '../../parse/document.js';
import type {TermHit} from '../../analysis/block.js';
import {at, judgementName, judgementStatements, quote, summaryBlocks} from '../util.js';
import {contentWords, idf, similarity} from '../../analysis/similarity.js';
import {readTerm} from './bands.js';
import {mapPacked} from '../../text/packed.js';

/**
 * Splits a sentence at clause boundaries so that "X is unlikely; instead Y is likely"
 * gives two clauses. Pieces without a likelihood term are merged into a neighbour, so
 * only boundaries between term-bearing clauses remain.
 */
function clauses(block: Block, sentence: {start: number; end: number}): Array<{start: number; end: number}> {
  const text = block.masked.slice(sentence.start, sentence.end);
  const pieces: Array<{start: number; end: number}> = [];
  const re = /;|:|—|\s–\s|,?\s+(?:but|while|whilst|whereas|although|and|instead)\s/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    pieces.push({start: sentence.start + from, end: sentence.start + m.index});
    from = m.index + m[0].length;
  }
  pieces.push({start: sentence.start + from, end: sentence.end});
  const hasTerm = (p: {start: number; end: number}) => block.facts.terms.some((t) => t.start >= p.start && t.end <= p.end);
  const out: Array<{start: number; end: number}> = [];
  let pending: {start: number; end: number} | undefined;
  for (const p of pieces) {
    const cur = pending ? {start: pending.start, end: p.end} : p;
    pending = undefined;
    if (hasTerm(cur)) out.push(cur);
    else if (out.length) out[out.length - 1].end = cur.end;
    else pending = cur;
  }
  if (pending) out.push(pending);
  return out;
}

export const summaryMismatch: Rule = {
  id: 'summary-mismatch',
  category: 'estimative',
  defaultLevel: 'error',
  description: 'Summary states a judgement with another likelihood than the key judgement it restates.',
  fixable: false,
  docs: {
    rationale:
      'The Summary is what most readers read. When it restates a key judgement, it must give the same likelihood: "likely" in the Summary and "highly likely" in the key judgement tells two readers two different things. The rule matches each Summary sentence to the key judgement with the most words in common and compares their bands.',
    standard: 'ICD 203 standard 6 (main analytic message up front) and standard 7 (consistency of judgements)',
    bad: `## Summary\n\nThe union is likely to strike again before the March wage round.\n\n## Key Judgement 1\n\nThe union is highly likely to strike again before the March wage round.\n\n- Members voted for further action in September.[^1]\n\n[^1]: Union ballot notice, 2026-09-18.\n`,
    good: `## Summary\n\nThe union is highly likely to strike again before the March wage round.\n\n## Key Judgement 1\n\nThe union is highly likely to strike again before the March wage round.\n\n- Members voted for further action in September.[^1]\n\n[^1]: Union ballot notice, 2026-09-18.\n`,
  },
  check({doc, report}) {
    // Match against every judgement: a Summary sentence that restates a judgement with no
    // likelihood term must not be compared with the next best one that has a term.
    const statements = judgementStatements(doc);
    if (!statements.some((s) => s.block.facts.terms.length > 0)) return;
    const summary = summaryBlocks(doc);
    const units: Array<{block: Block; span: {start: number; end: number}; terms: TermHit[]; words: Set<string>}> = [];
    for (const block of summary) {
      for (const sentence of block.facts.sentences) {
        for (const clause of clauses(block, sentence)) {
          const terms = block.facts.terms.filter((t) => t.start >= clause.start && t.end <= clause.end);
          if (!terms.length) continue;
          units.push({block, span: clause, terms, words: contentWords(block.masked.slice(clause.start, clause.end))});
        }
      }
    }
    if (!units.length) return;
    const judgementWords = mapPacked(statements, (s) => contentWords(s.block.masked.slice(s.block.start - s.block.base, s.block.end - s.block.base)));
    const sets = judgementWords.slice();
    for (const u of units) sets.push(u.words);
    const weights = idf(sets);
    for (const unit of units) {
      // The best match (the first of equals) and the runner-up's score, in one pass: each Summary
      // clause is compared with every judgement, and a sort of the scores per clause cost more.
      let best: {judgement: Judgement; block: Block; score: number} | undefined;
      let second = -Infinity;
      for (let i = 0; i < statements.length; i++) {
        const score = similarity(unit.words, judgementWords[i], weights);
        if (!best || score > best.score) {
          if (best) second = best.score;
          best = {judgement: statements[i].judgement as Judgement, block: statements[i].block, score};
        } else if (score > second) second = score;
      }
      if (!best || best.score < 0.3 || second > best.score * 0.85) continue;
      const kjReadings = best.block.facts.terms.map((t) => ({hit: t, reading: readTerm(doc, t.form)})).filter((x) => x.reading);
      if (!kjReadings.length) continue;
      for (const term of unit.terms) {
        const reading = readTerm(doc, term.form);
        if (!reading) continue;
        const agrees = kjReadings.some((k) => k.reading!.term.band[0] === reading.term.band[0] && k.reading!.term.band[1] === reading.term.band[1]);
        if (agrees) continue;
        const kj = kjReadings[0];
        report({
          message: `The Summary says ${quote(term.text)} (${reading.term.label}) but ${judgementName(best.judgement)}, which this sentence restates, says ${quote(kj.hit.text)} (${kj.reading!.term.label}). Make the Summary and the key judgement agree.`,
          ...at(unit.block, term),
          related: [{...at(best.block, kj.hit), message: `${judgementName(best.judgement)} says ${quote(kj.hit.text)}`}],
        });
      }
    }
  },
};
