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
