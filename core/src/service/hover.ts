import {findScale, type BriefDocument, type Citation, type SourceEntry} from '../parse/document.js';
import type {Scale, ScaleTerm} from '../scales/index.js';
import {equivalentTerms} from '../scales/lexicon.js';
import {FRONT_MATTER_KEYS} from '../rules/structure/frontmatter-keys.js';
import {
  bandBar, blockAt, explainGrade, findSorted, md, over, relatedIds, serviceIndex, shorten, sourceIdRange,
  type LikelihoodHit,
} from './context.js';
import {frontMatterLineAt, selectableScales} from './frontmatter.js';
import type {HoverResult} from './types.js';

/**
 * What to show when the pointer rests at `offset`: a likelihood term (its band on the
 * brief's scale), a confidence phrase (what the level means), a citation (its source),
 * a source's id or grade, a front-matter key (its meaning) or the `scale:` value.
 */
export function hover(doc: BriefDocument, offset: number): HoverResult | undefined {
  if (offset < 0 || offset > doc.text.length) return undefined;
  const fm = frontMatterLineAt(doc, offset);
  if (fm) return frontMatterHover(doc, offset, fm);
  return citationHover(doc, offset) ?? sourceHover(doc, offset) ?? likelihoodHover(doc, offset) ?? confidenceHover(doc, offset);
}

// ---------------------------------------------------------------- likelihood

function scaleOrigin(doc: BriefDocument): string {
  switch (doc.scaleOrigin) {
    case 'front-matter':
      return 'set by `scale:` in the front matter';
    case 'config':
      return 'set in .briefrc.yaml';
    default:
      return 'the default; choose another with `scale:` in the front matter';
  }
}

function termLine(term: ScaleTerm, scale: Scale): string {
  const row = term.row ? ` (row ${term.row})` : '';
  return `**${md(term.term)}**${row} · ${md(term.label)} on the ${md(scale.name)}`;
}

function bar(band: readonly [number, number]): string {
  return '`' + bandBar(band) + '`';
}

function provisional(scale: Scale): string {
  return scale.verified ? '' : ' The figures of this scale are provisional (unverified).';
}

export function likelihoodMarkdown(doc: BriefDocument, hit: Pick<LikelihoodHit, 'text' | 'term' | 'scale' | 'onScale'>): string {
  const written = hit.text.replace(/\s+/g, ' ');
  const parts: string[] = [];
  if (hit.onScale) {
    const as = written.toLowerCase() !== hit.term.term ? `*${md(written)}* expresses ` : '';
    parts.push(`${as}${termLine(hit.term, hit.scale)}`);
    parts.push(bar(hit.term.band));
    parts.push(`This brief's scale (${scaleOrigin(doc)}). Source: ${md(hit.scale.source)}.${provisional(hit.scale)}`);
    return parts.join('\n\n');
  }
  const entry = doc.lexicon.lookup(written);
  const home = entry && entry.homes.length > 0
    ? `a term of the ${entry.homes.map((h) => md(h.scale.name)).join(' / ')}: ${md(hit.term.label)}`
    : `on no published scale (commonly read as about ${md(hit.term.label)})`;
  parts.push(`*${md(written)}* is **not on this brief's scale** (${md(doc.scale.name)}). It is ${home}.`);
  parts.push(bar(hit.term.band));
  const equivalents = equivalentTerms(doc.scale, hit.term.band);
  if (equivalents.length) {
    const list = equivalents.map((t) => `**${md(t.term)}** (${md(t.label)})`).join(' or ');
    parts.push(`Equivalent on the ${md(doc.scale.name)}: ${list}`);
    parts.push(bar(equivalents[0].band));
  }
  parts.push(`Source of the band: ${md(hit.scale.source)}.${provisional(hit.scale)}`);
  return parts.join('\n\n');
}

function likelihoodHover(doc: BriefDocument, offset: number): HoverResult | undefined {
  const hit = findSorted(serviceIndex(doc).likelihood, offset, over);
  if (!hit) return undefined;
  return {start: hit.start, end: hit.end, markdown: likelihoodMarkdown(doc, hit)};
}

// ---------------------------------------------------------------- confidence

export type ConfidenceLevel = 'high' | 'moderate' | 'low';

/** The level a confidence phrase states ("fairly confident" → moderate), if it states one. */
export function confidenceLevel(phrase: string): ConfidenceLevel | undefined {
  const p = phrase.toLowerCase();
  if (/\bhigh(?:ly)?\b/.test(p)) return 'high';
  if (/\b(?:moderate(?:ly)?|medium|fairly|reasonably)\b/.test(p)) return 'moderate';
  if (/\blow\b/.test(p)) return 'low';
  return undefined;
}

const LEVEL_MEANING: Record<ConfidenceLevel, string> = {
  high:
    'The judgement rests on good-quality information from several independent sources, or the nature of the issue allows a solid judgement. High confidence is not certainty: the judgement can still turn out wrong.',
  moderate:
    'The information is credibly sourced and plausible, but not of a quality, or not corroborated enough, to warrant high confidence. There are gaps, or other readings of the evidence remain open.',
  low:
    'The information is scant, fragmented, poorly corroborated or of doubtful credibility, or there are serious concerns about the sources. New information could well change the judgement.',
};

export function confidenceMarkdown(phrase: string): string {
  const level = confidenceLevel(phrase);
  const parts: string[] = [];
  if (level) {
    parts.push(`**${md(phrase.replace(/\s+/g, ' '))}** — analytic confidence: **${level}**`);
    parts.push(LEVEL_MEANING[level]);
  } else {
    parts.push(`**${md(phrase.replace(/\s+/g, ' '))}** — analytic confidence, level not stated`);
    parts.push('Say which level: high, moderate or low.');
  }
  parts.push(
    'Confidence rates the *basis* of a judgement — the quality and corroboration of its sources, the soundness of the reasoning, the gaps — not how likely the outcome is; a likelihood term says that (PHIA analytical confidence ratings; ICD 203). ICD 203 asks that a confidence level and a likelihood term not be combined in the same sentence.',
  );
  return parts.join('\n\n');
}

function confidenceHover(doc: BriefDocument, offset: number): HoverResult | undefined {
  const hit = findSorted(serviceIndex(doc).confidence, offset, over);
  if (hit) return {start: hit.start, end: hit.end, markdown: confidenceMarkdown(hit.text)};
  // Anywhere else in prose (evidence quoting an assessment's confidence, for instance).
  const at = blockAt(doc, offset);
  if (!at) return undefined;
  for (const c of at.block.facts.confidence) {
    const r = {start: at.block.base + c.start, end: at.block.base + c.end};
    if (over(r, offset)) return {...r, markdown: confidenceMarkdown(c.text)};
  }
  return undefined;
}

// ---------------------------------------------------------------- citations and sources

function citationLabel(doc: BriefDocument, c: Citation): string {
  return doc.text.slice(c.start, c.end).replace(/\s+/g, ' ');
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function sourceMarkdown(doc: BriefDocument, source: SourceEntry, heading: string): string {
  const parts: string[] = [heading];
  const text = source.text.trim();
  parts.push(text ? text.split('\n').map((l) => '> ' + md(shorten(l, 600))).join('\n>\n') : '*(the definition has no text)*');
  const grade = source.grade && explainGrade(source.grade);
  if (grade) parts.push(grade);
  else if (source.kind !== 'link') parts.push('No Admiralty grade (such as B2) given for this source.');
  if (source.date) parts.push(`Dated **${md(source.date)}**${sourceAge(doc, source.date)}.`);
  else if (source.kind !== 'link') parts.push('No date given for this source.');
  const cited = relatedIds(doc, {kind: 'definition', source, range: sourceIdRange(source) ?? source, family: source.kind === 'footnote' ? 'footnote' : 'label', id: source.id ?? ''}).citations.length;
  parts.push(cited ? `Cited ${times(cited)} in this brief.` : 'Not cited anywhere in this brief.');
  return parts.join('\n\n');
}

/** Day number of a full date ("2026-10-01", "3 Sep 2026"); undefined for a bare year or month. */
function dayOf(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000;
  const dmy = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text.trim());
  if (dmy) {
    const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(dmy[2].toLowerCase());
    if (month >= 0) return Date.UTC(Number(dmy[3]), month, Number(dmy[1])) / 86_400_000;
  }
  return undefined;
}

/** " — 31 days before the brief's date (2026-11-01)", when both dates are full dates. */
function sourceAge(doc: BriefDocument, date: string): string {
  const raw = doc.frontMatter?.data.date;
  const briefDate = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim() : undefined;
  if (!briefDate) return '';
  const a = dayOf(date);
  const b = dayOf(briefDate);
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return '';
  const days = Math.round(b - a);
  if (days === 0) return ` — the brief's date`;
  const n = Math.abs(days);
  const span = n < 60 ? `${n} day${n === 1 ? '' : 's'}` : n < 730 ? `about ${Math.round(n / 30.44)} months` : `about ${Math.round(n / 365.25)} years`;
  return ` — ${span} ${days > 0 ? 'before' : 'after'} the brief's date (${briefDate.slice(0, 10)})`;
}

function sourceKindName(s: SourceEntry): string {
  return s.kind === 'footnote' ? 'footnote' : s.kind === 'link' ? 'link definition' : 'Sources entry';
}

function citationHover(doc: BriefDocument, offset: number): HoverResult | undefined {
  const c = findSorted(doc.citations, offset, over);
  if (!c || (c.kind !== 'footnote' && c.kind !== 'bracket' && c.kind !== 'reference')) return undefined;
  const label = md(citationLabel(doc, c));
  if (c.source) {
    const where = doc.lines.positionAt(c.source.start).line + 1;
    return {start: c.start, end: c.end, markdown: sourceMarkdown(doc, c.source, `**${label}** · ${sourceKindName(c.source)} (line ${where})`)};
  }
  const fix = c.kind === 'footnote'
    ? `Add a line \`[^${c.id}]: source, date, grade\` under the Sources heading, or correct the id.`
    : 'Add it to the Sources section, or correct the id.';
  return {start: c.start, end: c.end, markdown: `**${label}** is **not defined** in this brief. ${fix}`};
}

function sourceHover(doc: BriefDocument, offset: number): HoverResult | undefined {
  for (const s of doc.sources) {
    if (offset < s.start || offset > s.end) continue;
    const id = sourceIdRange(s);
    if (id && over(id, offset)) {
      return {...id, markdown: sourceMarkdown(doc, s, `**${md(s.id!)}** · ${sourceKindName(s)}`)};
    }
    if (s.grade) {
      // The grade token as written in the entry.
      const text = doc.text.slice(s.start, s.end);
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.grade}(?![\\p{L}\\p{N}])`, 'u');
      const m = re.exec(text);
      if (m) {
        const r = {start: s.start + m.index, end: s.start + m.index + m[0].length};
        const grade = explainGrade(s.grade);
        if (grade && over(r, offset)) return {...r, markdown: grade};
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- front matter

export function scaleMarkdown(scale: Scale, current = false): string {
  const parts: string[] = [`**${md(scale.name)}** (\`${scale.id}\`)${current ? ' — this brief\'s scale' : ''}`];
  parts.push(`Source: ${md(scale.source)}.${provisional(scale)}`);
  const rows = scale.terms
    .slice()
    .sort((a, b) => a.band[0] - b.band[0] || a.band[1] - b.band[1])
    .map((t) => `| ${md(t.term)}${t.row ? ` (row ${t.row})` : ''} | ${md(t.label)} | \`${bandBar(t.band).slice(3, -5)}\` |`);
  parts.push(['| Term | Band | 0–100% |', '|---|---|---|', ...rows].join('\n'));
  if (scale.notes) parts.push(md(scale.notes));
  return parts.join('\n\n');
}

function frontMatterHover(doc: BriefDocument, offset: number, line: NonNullable<ReturnType<typeof frontMatterLineAt>>): HoverResult | undefined {
  if (!line.key) return undefined;
  if (offset >= line.keyStart && offset < line.keyEnd) {
    const info = FRONT_MATTER_KEYS.find((k) => k.key === line.key);
    const markdown = info
      ? `**${info.key}** · front matter\n\n${info.description}\n\nExample: \`${info.key}: ${info.example}\``
      : `**${md(line.key)}** is not a front-matter key the linter knows, so nothing reads it. Known keys: ${FRONT_MATTER_KEYS.map((k) => k.key).join(', ')}.`;
    return {start: line.keyStart, end: line.keyEnd, markdown};
  }
  if (line.key === 'scale' && line.hasColon && offset >= line.valueStart && offset < line.valueEnd) {
    let value = doc.text.slice(line.valueStart, line.valueEnd);
    value = value.replace(/^(["'])(.*)\1$/, '$2').trim();
    const scale = findScale(value.toLowerCase(), doc.config);
    const range = {start: line.valueStart, end: line.valueEnd};
    if (scale) return {...range, markdown: scaleMarkdown(scale, scale === doc.scale)};
    const valid = selectableScales(doc).map((s) => `\`${s.id}\` (${md(s.name)})`).join(', ');
    return {...range, markdown: `**${md(value)}** is not a known estimative scale; the brief is checked against the ${md(doc.scale.name)} until it is fixed. Valid scales: ${valid}.`};
  }
  return undefined;
}
