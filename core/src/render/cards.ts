/** Judgement cards: each key judgement with its likelihood on the scale's yardstick. */
import type {BriefDocument} from '../parse/document.js';
import type {Finding} from '../rules/types.js';
import type {Scale} from '../scales/index.js';
import type {JudgementSummary} from '../service/types.js';
import {judgementSummaries} from '../service/judgements.js';
import {summaryBlocks} from '../rules/util.js';
import {readForm} from '../scales/lexicon.js';
import {contentWords, idf, similarity} from '../analysis/similarity.js';
import {esc, pct} from './escape.js';
import type {Severity} from '../config/types.js';
import {firstAtOrAfter, startOf} from '../text/sorted.js';

export type SummaryStatus = 'agrees' | 'disagrees' | 'absent' | 'no-summary';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

export function worst(findings: readonly Finding[]): Severity {
  let best = 3;
  for (const f of findings) best = Math.min(best, SEVERITY_ORDER.indexOf(f.severity));
  return SEVERITY_ORDER[Math.max(0, best)];
}

/** "55–75%" (the figures, without the scale's ≈ signs). */
export function bandText(band: readonly [number, number]): string {
  return band[0] === band[1] ? `${pct(band[0])}%` : `${pct(band[0])}–${pct(band[1])}%`;
}

/**
 * The scale drawn as a bar: one segment per term at its band (gaps between bands show
 * the track), the judgement's band highlighted (or outlined when its term is on another
 * scale). SVG geometry attributes rather than inline styles, so a nonce-only
 * `style-src` CSP does not break it.
 */
export function yardstick(scale: Scale, likelihood: JudgementSummary['likelihood']): string {
  // Memoised: a long brief has hundreds of judgements on a handful of bands.
  let memo = yardsticks.get(scale);
  if (!memo) yardsticks.set(scale, (memo = new Map()));
  const key = likelihood ? `${likelihood.term}|${likelihood.phrase}|${likelihood.label}|${likelihood.band}|${likelihood.onScale}|${likelihood.scaleName}` : '';
  let svg = memo.get(key);
  if (svg === undefined) {
    if (memo.size > 200) memo.clear();
    svg = drawYardstick(scale, likelihood);
    memo.set(key, svg);
  }
  return svg;
}

const yardsticks = new WeakMap<Scale, Map<string, string>>();

function drawYardstick(scale: Scale, likelihood: JudgementSummary['likelihood']): string {
  const rows = [...new Set(scale.terms.map((t) => t.row ?? 1))].sort((a, b) => a - b);
  const rowHeight = 10 / rows.length;
  const active = likelihood && likelihood.onScale ? likelihood.term : undefined;
  let label: string;
  if (!likelihood) label = `No likelihood stated. ${scale.name}`;
  else if (likelihood.onScale) label = `${likelihood.term}: ${bandText(likelihood.band)} on the ${scale.name}`;
  else label = `${likelihood.term}: ${bandText(likelihood.band)} on the ${likelihood.scaleName}, not a term of the ${scale.name}`;
  let svg = `<svg class="brief-yardstick-bar" role="img" aria-label="${esc(label)}" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false" xmlns="http://www.w3.org/2000/svg">`;
  svg += `<rect class="brief-yardstick-track" x="0" y="0" width="100" height="10"></rect>`;
  for (const t of scale.terms) {
    const row = rows.indexOf(t.row ?? 1);
    const width = Math.max(0.8, t.band[1] - t.band[0]);
    const x = Math.min(t.band[0], 100 - width);
    const on = t.term === active;
    svg +=
      `<rect class="brief-yardstick-seg${on ? ' brief-yardstick-active' : ''}" data-term="${esc(t.term)}"${on ? ' data-active="true"' : ''}` +
      ` x="${pct(x)}" y="${pct(row * rowHeight + 0.6)}" width="${pct(width)}" height="${pct(rowHeight - 1.2)}" vector-effect="non-scaling-stroke">` +
      `<title>${esc(`${t.term}: ${t.label}`)}</title></rect>`;
  }
  if (likelihood && !likelihood.onScale) {
    const width = Math.max(0.8, likelihood.band[1] - likelihood.band[0]);
    svg += `<rect class="brief-yardstick-offscale" x="${pct(Math.min(likelihood.band[0], 100 - width))}" y="0.3" width="${pct(width)}" height="9.4" vector-effect="non-scaling-stroke"><title>${esc(`${likelihood.phrase}: ${likelihood.label} (${likelihood.scaleName})`)}</title></rect>`;
  }
  svg += '</svg>';
  const axis = '<div class="brief-yardstick-axis" aria-hidden="true"><span>0%</span><span>50%</span><span>100%</span></div>';
  return `<div class="brief-yardstick" data-scale="${esc(scale.id)}">${svg}${axis}</div>`;
}

/**
 * Whether the Summary restates each judgement with the same band. "disagrees" comes from
 * the summary-mismatch findings (their related location points into the judgement);
 * "agrees" when a Summary sentence is best matched to the judgement (the rule's content
 * word matching) and carries a term of the judgement's band.
 */
export function summaryCrossCheck(doc: BriefDocument, summaries: JudgementSummary[], findings: readonly Finding[]): SummaryStatus[] {
  const status: SummaryStatus[] = summaries.map(() => (doc.summary ? 'absent' : 'no-summary'));
  for (const f of findings) {
    if (f.ruleId !== 'summary-mismatch') continue;
    for (const r of f.related ?? []) {
      summaries.forEach((s, i) => {
        if (r.start >= s.start && r.start <= s.end) status[i] = 'disagrees';
      });
    }
  }
  const blocks = summaryBlocks(doc);
  if (!blocks.length) return status;
  const judgements = doc.judgements;
  const words = judgements.map((j) => (j.statement ? contentWords(j.statement.masked.slice(j.statement.start - j.statement.base, j.statement.end - j.statement.base)) : new Set<string>()));
  const units: Array<{words: Set<string>; bands: Array<[number, number]>}> = [];
  for (const b of blocks) {
    for (const sentence of b.facts.sentences) {
      for (const clause of clauses(b.masked, sentence, b.facts.terms)) {
        const bands: Array<[number, number]> = [];
        for (const t of b.facts.terms) {
          if (t.start < clause.start || t.end > clause.end) continue;
          const reading = readForm(doc.lexicon, doc.scale, t.form);
          if (reading) bands.push(reading.term.band);
        }
        if (bands.length) units.push({words: contentWords(b.masked.slice(clause.start, clause.end)), bands});
      }
    }
  }
  if (!units.length) return status;
  const weights = idf([...words, ...units.map((u) => u.words)]);
  for (const u of units) {
    let best = -1;
    let bestScore = 0;
    let second = 0;
    words.forEach((w, i) => {
      const score = similarity(u.words, w, weights);
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = i;
      } else if (score > second) second = score;
    });
    if (best < 0 || bestScore < 0.3 || second > bestScore * 0.85) continue;
    const l = summaries[best]?.likelihood;
    if (status[best] !== 'absent' || !l) continue;
    if (u.bands.some((b) => b[0] === l.band[0] && b[1] === l.band[1])) status[best] = 'agrees';
  }
  return status;
}

/**
 * A sentence cut at clause boundaries between likelihood terms ("X is highly likely…,
 * and Y is unlikely…" restates two judgements), as the summary-mismatch rule does.
 */
function clauses(masked: string, sentence: {start: number; end: number}, terms: ReadonlyArray<{start: number; end: number}>): Array<{start: number; end: number}> {
  const text = masked.slice(sentence.start, sentence.end);
  const re = /;|:|—|\s–\s|,?\s+(?:but|while|whilst|whereas|although|and|instead)\s/g;
  const hasTerm = (p: {start: number; end: number}) => terms.some((t) => t.start >= p.start && t.end <= p.end);
  const out: Array<{start: number; end: number}> = [];
  let pending: {start: number; end: number} | undefined;
  let from = 0;
  const take = (end: number) => {
    const cur = {start: pending ? pending.start : sentence.start + from, end};
    pending = undefined;
    if (hasTerm(cur)) out.push(cur);
    else if (out.length) out[out.length - 1].end = cur.end;
    else pending = cur;
  };
  for (const m of text.matchAll(re)) {
    take(sentence.start + m.index);
    from = m.index + m[0].length;
  }
  take(sentence.end);
  if (pending) out.push(pending);
  return out;
}

const SUMMARY_TEXT: Record<SummaryStatus, string> = {
  agrees: 'Summary agrees',
  disagrees: 'Summary disagrees',
  absent: 'Not restated in the Summary',
  'no-summary': 'No Summary section',
};

export interface CardContext {
  doc: BriefDocument;
  /** Sorted by start. */
  findings: readonly Finding[];
  /** Anchor line of an offset: the line of the block that shows it. */
  anchorLine(offset: number): number;
}

/** The judgement cards: `before` + the cards (`items`, one `li` each) + `after`. */
export function judgementCards({doc, findings, anchorLine}: CardContext): {before: string; items: string[]; after: string} {
  const summaries = judgementSummaries(doc);
  const title = '<h2 class="brief-panel-title" id="brief-judgements-title">Key judgements</h2>';
  if (!summaries.length) {
    const before = `<section class="brief-judgements" aria-labelledby="brief-judgements-title">${title}<p class="brief-empty">No key judgements found. Put each under a "Key Judgement 1" heading, or list them in a "Key Judgements" section.</p></section>`;
    return {before, items: [], after: ''};
  }
  const checks = summaryCrossCheck(doc, summaries, findings);
  const before = `<section class="brief-judgements" aria-labelledby="brief-judgements-title">${title}<ol class="brief-cards" data-keyed="cards">`;
  const items: string[] = [];
  // Findings are sorted by start, so each judgement's are a run found by binary search.
  summaries.forEach((s, i) => {
    const own: Finding[] = [];
    for (let k = firstAtOrAfter(findings, s.start, startOf); k < findings.length && findings[k].start <= s.end; k++) own.push(findings[k]);
    const line = anchorLine(s.start);
    const l = s.likelihood;
    const classes = ['brief-card'];
    if (own.length) classes.push('brief-card-has-findings', `brief-card-${worst(own)}`);
    const number = s.number ?? i + 1;
    let out = `<li class="${classes.join(' ')}" data-judgement="${i}" data-target-line="${line}">`;
    out += `<a class="brief-card-link" href="#L${line}"><span class="brief-card-number">${esc(number)}</span> <span class="brief-card-name">${esc(s.name)}</span></a>`;
    out += s.text ? `<p class="brief-card-statement">${esc(s.text)}</p>` : '<p class="brief-card-statement brief-missing">No statement under this heading.</p>';
    out += yardstick(doc.scale, l);
    out += '<ul class="brief-card-meta">';
    if (l) {
      out += `<li class="brief-card-likelihood">${esc(l.phrase)} <span class="brief-card-band">${esc(l.label)}</span>`;
      if (!l.onScale) out += ` <span class="brief-badge brief-badge-offscale">Not on the ${esc(doc.scale.name)}</span>`;
      out += '</li>';
    } else {
      out += '<li class="brief-card-likelihood"><span class="brief-badge brief-badge-missing">No likelihood stated</span></li>';
    }
    out += s.timeframe
      ? `<li class="brief-card-timeframe">${esc(s.timeframe)}</li>`
      : '<li class="brief-card-timeframe"><span class="brief-badge brief-badge-missing">No time frame</span></li>';
    if (s.layout === 'heading') {
      const unsourced = s.evidenceCount - s.sourcedEvidenceCount;
      out += `<li class="brief-card-evidence" data-evidence="${s.evidenceCount}" data-sourced="${s.sourcedEvidenceCount}">${s.evidenceCount} evidence ${s.evidenceCount === 1 ? 'item' : 'items'}, ${s.sourcedEvidenceCount} sourced`;
      if (s.evidenceCount === 0) out += ' <span class="brief-badge brief-badge-missing">No evidence</span>';
      else if (unsourced > 0) out += ` <span class="brief-badge brief-badge-warn">${unsourced} unsourced</span>`;
      out += '</li>';
    } else {
      out += '<li class="brief-card-evidence">Evidence in the body of the brief</li>';
    }
    if (s.confidence) out += `<li class="brief-card-confidence">${esc(s.confidence)}</li>`;
    out += `<li class="brief-card-summary brief-summary-${checks[i]}" data-summary="${checks[i]}">${SUMMARY_TEXT[checks[i]]}</li>`;
    if (own.length) out += `<li class="brief-card-findings" data-severity="${worst(own)}">${own.length} ${own.length === 1 ? 'finding' : 'findings'}</li>`;
    out += '</ul></li>';
    items.push(out);
  });
  return {before, items, after: '</ol></section>'};
}
