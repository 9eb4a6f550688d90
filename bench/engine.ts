/**
 * Engine benchmark: cold lint and per-keystroke re-lint (one character typed in a
 * middle section, with the section cache warm) for briefs of several sizes.
 *   npm run build && node out/bench/engine.js
 */
import {lintText, SectionCache, defaultConfig} from '../core/src/index.js';
import {generateBrief} from './generate.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

const sizes = [4_000, 64_000, 1_000_000, 10_000_000].filter((n) => !process.argv.includes('--quick') || n <= 1_000_000);
console.log('| size | sections | findings | cold lint (ms) | keystroke re-lint p50 (ms) | p95 (ms) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const size of sizes) {
  const text = generateBrief(size);
  const config = defaultConfig();
  const cache = new SectionCache();
  let t = performance.now();
  const first = lintText(text, {config, cache});
  const cold = performance.now() - t;
  const times: number[] = [];
  let current = text;
  const mid = current.indexOf('## Key Judgement', Math.floor(current.length / 2));
  const at = current.indexOf('\n', mid + 20) - 1;
  const runs = size > 2_000_000 ? 10 : 50;
  for (let i = 0; i < runs; i++) {
    current = current.slice(0, at) + (i % 2 ? '' : 'x') + current.slice(at + (i % 2 ? 1 : 0));
    t = performance.now();
    lintText(current, {config, cache});
    times.push(performance.now() - t);
  }
  console.log(`| ${(text.length / 1000).toFixed(0)} kB | ${first.doc.sections.length} | ${first.findings.length} | ${cold.toFixed(1)} | ${median(times).toFixed(2)} | ${p95(times).toFixed(2)} |`);
}
