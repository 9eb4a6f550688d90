/**
 * Pathological inputs: Markdown that makes parsers backtrack or compare everything with
 * everything (cmark's pathological tests, test/pathological_tests.py in commonmark/cmark),
 * and brief-specific runs of one thing (reference definitions, code blocks between
 * definition-like lines, citations, author–date citations, figures, estimative words). Each is linted at `n` and
 * `4n` repetitions, in an evidence bullet and as the body of a section; k near 1 is linear,
 * near 2 quadratic.
 *   npm run build && node out/bench/pathological.js [--quick]     (or: npm run bench -- --only growth)
 */
import {pathToFileURL} from 'node:url';
import {lintText, SectionCache, defaultConfig} from '../core/src/index.js';
import {exponent, ms, table} from './stats.js';

export const PATHOLOGICAL: ReadonlyArray<readonly [string, (n: number) => string]> = [
  ['nested strong emphasis', (n) => '*a **a '.repeat(n) + 'b' + ' a** a*'.repeat(n)],
  ['emphasis closers with no openers', (n) => 'a_ '.repeat(n)],
  ['emphasis openers with no closers', (n) => '_a '.repeat(n)],
  ['mismatched openers and closers', (n) => '*a_ '.repeat(n)],
  ['openers and closers, multiple of 3', (n) => 'a**b' + 'c* '.repeat(n)],
  ['link closers with no openers', (n) => 'a]'.repeat(n)],
  ['link openers with no closers', (n) => '[a'.repeat(n)],
  ['link openers and emphasis closers', (n) => '[ a_'.repeat(n)],
  ['"[ (](" repeated', (n) => '[ (]('.repeat(n)],
  ['nested brackets', (n) => '['.repeat(n) + 'a' + ']'.repeat(n)],
  ['nested block quotes', (n) => '> '.repeat(n) + 'a'],
  ['deeply nested lists (to 3,000)', (n) => Array.from({length: Math.min(n, 3000)}, (_, i) => '  '.repeat(i) + '* a\n').join('')],
  ['backtick runs of every length', (n) => Array.from({length: n}, (_, i) => 'e' + '`'.repeat(i % 200)).join('')],
  ['unclosed links "[a](<b"', (n) => '[a](<b'.repeat(n)],
  ['unclosed links "[a](b"', (n) => '[a](b'.repeat(n)],
  ['unclosed "<?", "<!--", "<![CDATA[", "<!A"', (n) => 'a <?a <!--a <![CDATA[a <!A'.repeat(n)],
  ['straight and curly quotes, unclosed', (n) => '"a “a '.repeat(n)],
  ['footnote references, unclosed', (n) => '[^a'.repeat(n)],
  ['footnote references, undefined', (n) => 'x[^a] '.repeat(n)],
  ['reference definitions', (n) => Array.from({length: n}, (_, i) => `[r${i}]: https://example.org/${i}\n`).join('')],
  ['code blocks between "[" lines', (n) => '    code\n\n[x] y\n\n'.repeat(n)],
  ['author–date citations of as many References', (n) => {
    const name = (i: number) => 'Harbour ' + i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26))).replace(/^./, (c) => c.toUpperCase());
    const cites = Array.from({length: n}, (_, i) => `Crossings fell in May (${name(i)}, 2026). `).join('');
    return `${cites}\n\n## References\n\n${Array.from({length: n}, (_, i) => `- ${name(i)}, 2026. Monthly return. B2.\n`).join('')}`;
  }],
  ['disable / enable pairs, each around a finding', (n) => '<!-- brief-disable uncited-claim -- from the ledger -->\n\n- Sailings fell by 40% in May.\n\n<!-- brief-enable uncited-claim -->\n\n'.repeat(n)],
  ['figures', (n) => '1 2.5% $3bn '.repeat(n)],
  ['estimative words', (n) => 'likely probably possibly may might could '.repeat(n)],
  ['timeframes', (n) => 'by 3 March 2027 within weeks '.repeat(n)],
  ['sentences', (n) => 'a. '.repeat(n)],
  ['a table row of many cells (to 5,000)', (n) => '| a '.repeat(Math.min(n, 5000)) + '|\n' + '| - '.repeat(Math.min(n, 5000)) + '|\n'],
  ['headings', (n) => Array.from({length: n}, (_, i) => `#### h${i}\n`).join('')],
  ['an unclosed fence', (n) => '```\n' + 'a\n'.repeat(n)],
];

const HEAD = '---\ntitle: Ferries\ndate: 2026-11-20\n---\n\n# Ferries\n\n## Summary\n\nThe strike is likely to end within a month.\n\n## Key Judgement 1\n\nThe strike is likely to end within a month.\n\n';

export interface PathologicalFigures {
  name: string;
  n: number;
  /** Fastest of two lints (new caches), in an evidence bullet and as the section's body. */
  bulletMs: number;
  bodyMs: number;
  bytes: number;
}

export function measurePathological(n: number): PathologicalFigures[] {
  const config = defaultConfig();
  const time = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      lintText(text, {config, cache: new SectionCache()});
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  // The JIT first, on every case at the small size.
  for (const [, make] of PATHOLOGICAL) time(`${HEAD}- ${make(n / 4)}\n`);
  const out: PathologicalFigures[] = [];
  for (const [name, make] of PATHOLOGICAL) {
    for (const size of [n, 4 * n]) {
      const body = make(size);
      out.push({name, n: size, bulletMs: time(`${HEAD}- ${body}\n`), bodyMs: time(`${HEAD}${body}\n`), bytes: body.length});
    }
  }
  return out;
}

export function pathologicalTable(rows: PathologicalFigures[]): string {
  return table(
    ['input', 'repetitions', 'bytes', 'in a bullet (ms)', 'as the body (ms)', 'k, bullet', 'k, body'],
    rows.map((r, i) => {
      const before = rows[i - 1]?.name === r.name ? rows[i - 1] : undefined;
      const k = (a: number, b: number) => (before && before.bytes !== r.bytes ? exponent(before.bytes, a, r.bytes, b).toFixed(2) : '');
      return [r.name, r.n, r.bytes.toLocaleString('en-GB'), ms(r.bulletMs), ms(r.bodyMs), before ? k(before.bulletMs, r.bulletMs) : '', before ? k(before.bodyMs, r.bodyMs) : ''];
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(pathologicalTable(measurePathological(process.argv.includes('--quick') ? 1000 : 5000)));
}
