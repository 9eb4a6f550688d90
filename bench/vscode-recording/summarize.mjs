#!/usr/bin/env node
// Summarises a recording (record.sh): for each LSP method the server received while the analyst
// typed (from the first didChange on), how often, how long each took to answer, how large the answers were.
// Usage: node bench/vscode-recording/summarize.mjs <recording dir> [--sequence]
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: summarize.mjs <recording dir> [--sequence]');
const files = readdirSync(dir).filter((f) => f.startsWith('server-') && f.endsWith('.jsonl'));
if (files.length === 0) throw new Error(`no server-*.jsonl in ${dir}`);
const entries = readFileSync(join(dir, files.sort()[files.length - 1]), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

const firstChange = entries.find((e) => e.in === 'textDocument/didChange')?.t ?? 0;
const pending = new Map();
const byMethod = new Map();
const sequence = [];
for (const e of entries) {
  if (e.in && e.in !== 'response' && e.id !== undefined) pending.set(e.id, e);
  else if (e.in && e.id === undefined && e.t >= firstChange) {
    const m = byMethod.get(e.in) ?? {times: [], bytes: []};
    m.notifications = (m.notifications ?? 0) + 1;
    byMethod.set(e.in, m);
    sequence.push(`${e.t.toFixed(0).padStart(7)} ms  ${e.in}`);
  } else if (e.out === 'response' && pending.has(e.id)) {
    const request = pending.get(e.id);
    pending.delete(e.id);
    if (request.t < firstChange) continue;
    const m = byMethod.get(request.in) ?? {times: [], bytes: []};
    m.times.push(e.t - request.t);
    m.bytes.push(e.bytes);
    byMethod.set(request.in, m);
    sequence.push(`${request.t.toFixed(0).padStart(7)} ms  ${request.in}: answered in ${(e.t - request.t).toFixed(1)} ms, ${e.bytes} bytes`);
  }
}
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log('| method | count | answer time p50 (ms) | max (ms) | answer, median (bytes) |\n| --- | --- | --- | --- | --- |');
for (const [method, m] of [...byMethod].sort((a, b) => (b[1].times.length || b[1].notifications) - (a[1].times.length || a[1].notifications))) {
  if (m.times.length === 0) console.log(`| ${method} | ${m.notifications} | | | |`);
  else console.log(`| ${method} | ${m.times.length} | ${median(m.times).toFixed(1)} | ${Math.max(...m.times).toFixed(1)} | ${median(m.bytes)} |`);
}
if (process.argv.includes('--sequence')) console.log('\n' + sequence.join('\n'));
