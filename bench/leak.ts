/**
 * Leak check: many incremental edits to one document through the real server, each
 * making new text (a counter written over a fixed-width field that moves from
 * section to section), each followed by a diagnostic pull so that every version is
 * analysed. Memory after a full GC is sampled along the way; the verdict compares
 * the heap at the end with the heap after the first fifth of the edits (warm caches).
 *   npm run build && node out/bench/leak.js [edits]     (or: npm run bench -- --only leak)
 */
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {BenchClient, type Memory} from './client.js';
import {mb, ms, table} from './stats.js';
import type {Input} from './inputs.js';

export interface LeakFigures {
  label: string;
  edits: number;
  samples: Array<{edits: number} & Memory>;
  elapsedMs: number;
  /** Heap growth (bytes) from the warm sample to the end, and as a share. */
  heapGrowth: number;
  heapGrowthShare: number;
  rssGrowthShare: number;
  verdict: 'no growth' | 'grows';
}

/** Heap growth allowed between the warm sample and the end: 5% or 2 MB, whichever is larger. */
export const LEAK_TOLERANCE = {share: 0.05, bytes: 2e6};

export async function leakCheck(input: Pick<Input, 'label' | 'file'>, edits: number, log: (s: string) => void): Promise<LeakFigures> {
  const text = readFileSync(input.file, 'utf8');
  // Fields to edit: the numbers after "sector " in judgement sentences, spread over the brief.
  const lines = text.split('\n');
  const targets: Array<{line: number; character: number}> = [];
  lines.forEach((l, i) => {
    const m = /sector (\d+)/.exec(l);
    if (m && l.startsWith('It is ')) targets.push({line: i, character: m.index + 'sector '.length});
  });
  if (targets.length === 0) throw new Error(`${input.label}: no judgement sentence to edit`);
  // Give every target a 6-digit field (edits then never change the line's length).
  const widths = new Map<number, number>();
  for (const t of targets) widths.set(t.line, /^\d+/.exec(lines[t.line].slice(t.character))![0].length);

  const client = new BenchClient({pull: true});
  await client.initialize();
  const uri = pathToFileURL(input.file).href.replace(/\.brief\.md$/, '.leak.brief.md');
  await client.open(uri, text);
  await client.pull(uri);
  for (const t of targets) {
    await client.change(uri, [{range: {start: t, end: {line: t.line, character: t.character + widths.get(t.line)!}}, text: '000000'}]);
  }
  await client.pull(uri);
  const checkpoints = new Set([0, Math.round(edits / 10), Math.round(edits / 5), Math.round(edits / 2), Math.round((edits * 4) / 5), edits]);
  const samples: LeakFigures['samples'] = [{edits: 0, ...(await client.memory())}];
  const start = performance.now();
  for (let i = 1; i <= edits; i++) {
    const t = targets[i % targets.length];
    await client.change(uri, [{range: {start: t, end: {line: t.line, character: t.character + 6}}, text: String(i % 1_000_000).padStart(6, '0')}]);
    await client.pull(uri);
    if (checkpoints.has(i)) {
      samples.push({edits: i, ...(await client.memory())});
      log(`  leak ${input.label}: ${i} edits, heap ${mb(samples[samples.length - 1].heapUsed / 1024)} MB`);
    }
  }
  const elapsedMs = performance.now() - start;
  await client.stop();
  const warm = samples.find((s) => s.edits === Math.round(edits / 5))!;
  const end = samples[samples.length - 1];
  const heapGrowth = end.heapUsed - warm.heapUsed;
  const heapGrowthShare = heapGrowth / warm.heapUsed;
  const rssGrowthShare = (end.rss - warm.rss) / warm.rss;
  const verdict = heapGrowth <= Math.max(LEAK_TOLERANCE.bytes, LEAK_TOLERANCE.share * warm.heapUsed) ? 'no growth' : 'grows';
  return {label: input.label, edits, samples, elapsedMs, heapGrowth, heapGrowthShare, rssGrowthShare, verdict};
}

export function leakTable(rows: LeakFigures[]): string {
  const out: Array<Array<string | number>> = [];
  for (const r of rows) {
    for (const s of r.samples) out.push([r.label, s.edits, mb(s.heapUsed / 1024), mb(s.rss / 1024), mb(s.maxRssKiB), '']);
    out.push([
      r.label,
      `**verdict** (${ms(r.elapsedMs / r.edits)} ms/edit)`,
      `${r.heapGrowth >= 0 ? '+' : ''}${(r.heapGrowth / 1e6).toFixed(1)} MB (${(r.heapGrowthShare * 100).toFixed(1)}%) since ${r.edits / 5} edits`,
      `${(r.rssGrowthShare * 100).toFixed(1)}%`,
      '',
      `**${r.verdict}**`,
    ]);
  }
  return table(['brief', 'edits', 'heap after GC (MB)', 'RSS (MB)', 'peak RSS (MB)', 'verdict'], out);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {ensureInputs} = await import('./inputs.js');
  const {sizes} = ensureInputs(console.error);
  const edits = Number(process.argv[2] ?? 2000);
  const rows: LeakFigures[] = [];
  for (const s of sizes.filter((x) => x.label === 'page')) rows.push(await leakCheck(s, edits, console.error));
  console.log(leakTable(rows));
}
