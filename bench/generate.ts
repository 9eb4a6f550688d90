/** Generates synthetic briefs of a given size for benchmarks (own text, varied, with citations and some defects). */

const TOPICS = ['the port authority', 'the northern militia', 'the central bank', 'the grain exporters', 'the coastal guard', 'the mining consortium', 'the rail union', 'the border police'];
const TERMS = ['likely', 'highly likely', 'unlikely', 'a realistic possibility', 'almost certain', 'highly unlikely'];
const TIMES = ['over the next 12 months', 'by the end of 2027', 'before the March election', 'within six months', 'whilst the current council remains in power'];

export function generateBrief(targetBytes: number, seed = 1): string {
  let s = seed;
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const pick = <T>(a: T[]) => a[rand(a.length)];
  const parts: string[] = [
    '---\ntitle: Synthetic Benchmark Brief\ndate: 2026-11-01\nscale: phia\nclassification: OFFICIAL\n---\n\n# Synthetic Benchmark Brief\n\n## Summary\n\n',
    `${pick(TOPICS)} is likely to expand operations ${pick(TIMES)}.\n`,
  ];
  let size = parts.join('').length;
  const defs: string[] = [];
  let k = 0;
  while (size < targetBytes) {
    k++;
    const topic = pick(TOPICS);
    const term = pick(TERMS);
    const when = pick(TIMES);
    const sec =
      `\n## Key Judgement ${k}\n\n` +
      `It is ${term === 'a realistic possibility' ? term + ' that ' + topic + ' will' : term + ' that ' + topic + ' will'} change its posture in sector ${k} ${when}.\n\n` +
      `- Reporting from sector ${k} shows ${rand(900) + 10} new arrivals since June, up ${rand(60) + 5}% on last year.[^s${k}a]\n` +
      `- Officials said the change "reflects a long-planned shift in priorities" for ${topic}.[^s${k}b]\n` +
      `- Satellite imagery from ${2020 + rand(6)} shows new construction near the depot, which may indicate preparation.[^s${k}a]\n` +
      `- Local traders reportedly expect further movement in the coming weeks.\n`;
    defs.push(`[^s${k}a]: Sector ${k} field report, 2026-0${1 + rand(9)}-1${rand(9)}. Grade B2.`, `[^s${k}b]: Ministry statement on sector ${k}, 2026-10-0${1 + rand(9)}. Grade A2.`);
    parts.push(sec);
    size += sec.length + defs[defs.length - 1].length * 2;
  }
  parts.push('\n## Sources\n\n' + defs.join('\n') + '\n');
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Report-shaped briefs and a corpus (the issue's shape: a 1 MB brief has about
// 250 key judgements and 9,400 lines, i.e. ~4 kB and ~37 lines per judgement with
// its sources). `generateBrief` above is kept unchanged: it is the "dense" shape
// (~640 bytes per judgement, 1,560 judgements per MB) that tests and the engine
// benchmark's history use.
// ---------------------------------------------------------------------------

/** A small, good pseudo-random generator (mulberry32), so inputs are the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

export type ScaleId = 'phia' | 'icd203' | 'kent' | 'nato';

/** Likelihood phrases that read as "It is <term> that …" on each scale. */
const SCALE_TERMS: Record<ScaleId, string[]> = {
  phia: ['highly unlikely', 'unlikely', 'a realistic possibility', 'likely', 'highly likely', 'almost certain'],
  icd203: ['very unlikely', 'unlikely', 'likely', 'very likely', 'almost certain'],
  kent: ['almost certain', 'probable'],
  nato: ['highly unlikely', 'unlikely', 'likely', 'highly likely'],
};
const ACTORS = [
  'the port authority', 'the northern militia', 'the central bank', 'the grain exporters', 'the coastal guard', 'the mining consortium',
  'the rail union', 'the border police', 'the ferry operators', 'the river commission', 'the health ministry', 'the hill tribes council',
  'the customs service', 'the fishing cooperative', 'the power utility', 'the transport regulator', 'the state broadcaster', 'the water board',
];
const OUTCOMES = [
  'expand its operations in the eastern districts', 'raise tariffs on imported fuel', 'suspend the night ferry service', 'withdraw from the joint patrols',
  'announce a new leadership team', 'reopen the southern crossing to freight', 'cut staff at the regional offices', 'seek emergency funding from the treasury',
  'sign the draft memorandum with its neighbours', 'delay the planned privatisation', 'restrict exports of unprocessed ore', 'resume talks with the striking workers',
];
const TIMEFRAMES = [
  'over the next 12 months', 'by the end of 2027', 'before the March election', 'within six months', 'in the next three months',
  'whilst the current council remains in power', 'by mid-2027', 'before the rainy season',
];
const PLACES = ['Harbourside', 'the upper valley', 'the capital region', 'the eastern districts', 'the border towns', 'the delta', 'the northern plateau', 'the island chain'];
const ANALYSIS = [
  'This judgement rests mainly on the pattern of hiring and spending recorded since the spring, which matches what we saw before the last expansion.',
  'The main alternative explanation is that the activity reflects routine maintenance; we consider this less consistent with the scale and timing of the moves.',
  'Our confidence is limited by the small number of independent sources and by gaps in reporting from the outlying districts during the floods.',
  'Recent statements by senior figures are consistent with this view, although they have also been used in the past to signal intent without follow-through.',
  'We would revise this assessment if funding were withdrawn or if the regional elections were brought forward, both of which remain possible.',
  'Regional partners share this reading, but their reporting draws on some of the same local contacts, so it does not count as fully independent corroboration.',
  'The timing is driven by the budget cycle: commitments made before the financial year closes are hard to reverse without public cost.',
  'Indicators to watch include new procurement notices, changes to shift patterns at the depots and the tone of the weekly press briefings.',
];
const EVIDENCE = [
  (r: Rng, c: string) => `Reporting from ${r.pick(PLACES)} shows ${10 + r.int(900)} new arrivals since June, up ${5 + r.int(60)}% on last year.${c}`,
  (r: Rng, c: string) => `Officials said the change "reflects a long-planned shift in priorities" and would be completed in stages.${c}`,
  (r: Rng, c: string) => `Satellite imagery from ${2020 + r.int(6)} shows new construction near the depot at ${r.pick(PLACES)}, covering about ${2 + r.int(30)} hectares.${c}`,
  (r: Rng, c: string) => `Procurement notices published in ${r.pick(['April', 'May', 'June', 'July', 'August', 'September'])} list ${3 + r.int(40)} contracts for vehicles, fuel and temporary housing.${c}`,
  (r: Rng, c: string) => `Budget documents allocate ${10 + r.int(400)} million for the programme, ${r.pick(['double', 'three times', 'half'])} the amount set aside last year.${c}`,
  (r: Rng, c: string) => `A trade association survey of ${50 + r.int(500)} members found that most expect disruption to continue into next year.${c}`,
  (r: Rng, c: string) => `Staff at the regional office were told in writing to prepare for new shift patterns from the first of the month.${c}`,
  (r: Rng, c: string) => `Freight volumes through ${r.pick(PLACES)} fell by ${5 + r.int(40)}% in the third quarter, the steepest fall since the port reopened.${c}`,
  (r: Rng, c: string) => `Local media reported that two senior managers resigned after disagreements over the pace of the changes.${c}`,
  (r: Rng, c: string) => `The ministry's annual plan names the programme as a priority and sets a completion date within the current parliament.${c}`,
];
/** Evidence without a citation, some with hedges or attributions (so the sourcing and hedge rules find something). */
const UNCITED = [
  'Local traders reportedly expect further movement in the coming weeks.',
  'The change may indicate preparation for a wider reorganisation, although it could also be routine.',
  'Diplomats said privately that the talks had stalled over the question of compensation.',
  'Several long-serving staff have left, which might suggest the decision has already been taken.',
];

function judgementSentence(r: Rng, scale: ScaleId, k: number): string {
  const term = r.pick(SCALE_TERMS[scale]);
  const actor = r.pick(ACTORS);
  const outcome = r.pick(OUTCOMES);
  // About one judgement in twelve has a defect: no time bound, a vague hedge, or an off-scale term.
  const defect = r.int(12);
  if (defect === 0) return `It is ${term} that ${actor} will ${outcome} in sector ${k}.`;
  if (defect === 1) return `${cap(actor)} may ${outcome} in sector ${k} ${r.pick(TIMEFRAMES)}.`;
  if (defect === 2 && scale === 'phia') return `It is very probable that ${actor} will ${outcome} in sector ${k} ${r.pick(TIMEFRAMES)}.`;
  return `It is ${term} that ${actor} will ${outcome} in sector ${k} ${r.pick(TIMEFRAMES)}.`;
}
function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

interface SectionOut {
  body: string;
  defs: string[];
}

/** One key judgement section (heading layout) of about `bytes` bytes with its source definitions. */
function judgementSection(r: Rng, scale: ScaleId, k: number, bytes: number): SectionOut {
  const ids = [`k${k}a`, `k${k}b`, `k${k}c`];
  const lines: string[] = [`## Key Judgement ${k}`, '', judgementSentence(r, scale, k), ''];
  let size = lines.join('\n').length;
  // Two short paragraphs of reasoning, then evidence bullets up to the size.
  for (let p = 0; p < 2; p++) {
    const para = [r.pick(ANALYSIS), r.pick(ANALYSIS)].join(' ');
    lines.push(para, '');
    size += para.length + 2;
  }
  const defs = ids.map((id, i) => {
    const grade = r.chance(0.9) ? ` Grade ${'ABC'[r.int(3)]}${1 + r.int(3)}.` : '';
    const kind = ['Field report', 'Ministry statement', 'Open-source summary'][i];
    return `[^${id}]: ${kind} on sector ${k}, 2026-${String(1 + r.int(9)).padStart(2, '0')}-${String(10 + r.int(18))}.${grade}`;
  });
  size += defs.reduce((n, d) => n + d.length + 1, 0);
  let bullets = 0;
  while (size < bytes - 60 || bullets < 3) {
    const line = r.chance(0.12) ? `- ${r.pick(UNCITED)}` : `- ${r.pick(EVIDENCE)(r, `[^${r.pick(ids)}]`)}`;
    lines.push(line);
    size += line.length + 1;
    bullets++;
  }
  lines.push('');
  return {body: lines.join('\n'), defs};
}

function frontMatter(title: string, scale: ScaleId, r: Rng): string {
  return (
    `---\ntitle: ${title}\ndate: 2026-${String(1 + r.int(11)).padStart(2, '0')}-${String(10 + r.int(18))}\nscale: ${scale}\n` +
    `classification: OFFICIAL\nauthors: [${r.pick(['Regional Desk', 'Economics Team', 'Security Desk', 'Islands Desk'])}]\n---\n\n# ${title}\n\n`
  );
}

/**
 * A brief shaped like the issue's: ~`perJudgement` bytes (default 4 kB) and ~37 lines per
 * key judgement including its sources, cited and uncited evidence, hedges and a few
 * defective judgements, footnote sources with Admiralty grades (some missing).
 */
export function generateReportBrief(targetBytes: number, seed = 1, scale: ScaleId = 'phia', perJudgement = 4000): string {
  const r = rng(seed);
  const head = frontMatter(`Synthetic Assessment ${seed}`, scale, r);
  const summary = `## Summary\n\n${judgementSentence(r, scale, 1).replace(/ in sector \d+/, '')} ${r.pick(ANALYSIS)}\n\n`;
  const parts = [head, summary];
  const defs: string[] = [];
  let size = head.length + summary.length + 12;
  let k = 0;
  while (size < targetBytes) {
    k++;
    const want = Math.min(perJudgement, Math.max(700, targetBytes - size));
    const s = judgementSection(r, scale, k, want * (0.8 + r.next() * 0.4));
    parts.push(s.body + '\n');
    defs.push(...s.defs);
    size += s.body.length + 1 + s.defs.reduce((n, d) => n + d.length + 1, 0);
  }
  parts.push('## Sources\n\n' + defs.join('\n') + '\n');
  return parts.join('');
}

/** `count` small briefs (1–4 judgements, 1.5–12 kB), mixed scales, some with defects. Names are stable. */
export function generateCorpus(count: number, seed = 7): Array<{name: string; text: string}> {
  const r = rng(seed);
  const scales: ScaleId[] = ['phia', 'phia', 'phia', 'icd203', 'kent', 'nato'];
  const out: Array<{name: string; text: string}> = [];
  for (let i = 0; i < count; i++) {
    const judgements = 1 + r.int(4);
    const per = 1500 + r.int(1500);
    out.push({
      name: `brief-${String(i + 1).padStart(4, '0')}.brief.md`,
      text: generateReportBrief(judgements * per, seed * 100_003 + i, r.pick(scales), per),
    });
  }
  return out;
}

/** Shapes that grow one part of a brief alone: where a step quadratic in that part would show. */
export const SHAPES = ['long evidence list', 'long paragraph', 'numbered judgements', 'many sections'] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * A brief whose one growing part has `n` pieces, each with a cited figure: `n` evidence bullets
 * under one key judgement, `n` sentences in one paragraph, `n` judgements in one numbered list,
 * or `n` key judgement sections. Every piece cites its own footnote; the sources follow.
 */
export function generateShape(shape: Shape, n: number): string {
  const parts = [`---\ntitle: Harbour Capacity Review\ndate: 2026-11-20\nscale: phia\n---\n\n# Harbour Capacity Review\n\n## Summary\n\nFreight volumes through the eastern harbours are likely to fall within the next six months.\n\n`];
  const cargo = (i: number) => `Berth ${i} handled ${40 + (i % 50)}% fewer containers in October`;
  if (shape === 'long evidence list') {
    parts.push('## Key Judgement 1\n\nFreight volumes through the eastern harbours are likely to fall within the next six months.\n\n');
    for (let i = 0; i < n; i++) parts.push(`- ${cargo(i)}.[^h${i}]\n`);
  } else if (shape === 'long paragraph') {
    parts.push('## Key Judgement 1\n\nFreight volumes through the eastern harbours are likely to fall within the next six months.\n\n');
    for (let i = 0; i < n; i++) parts.push(`${cargo(i)}, the port office said.[^h${i}] `);
    parts.push('\n');
  } else if (shape === 'numbered judgements') {
    parts.push('## Key Judgements\n\n');
    for (let i = 0; i < n; i++) parts.push(`${i + 1}. Freight through berth ${i} is likely to fall within the next six months.\n   - ${cargo(i)}.[^h${i}]\n`);
  } else {
    for (let i = 0; i < n; i++) parts.push(`## Key Judgement ${i + 1}\n\nFreight through berth ${i} is likely to fall within the next six months.\n\n- ${cargo(i)}.[^h${i}]\n\n`);
  }
  parts.push('\n## Sources\n\n');
  for (let i = 0; i < n; i++) parts.push(`[^h${i}]: Harbour office, berth ${i} monthly return, 2026-11-02. Grade B2.\n`);
  return parts.join('');
}
