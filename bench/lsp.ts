/**
 * Language server benchmark over a real stdio connection: time from didChange to the
 * answer of a textDocument/diagnostic pull for that version (the analysis cost), for a
 * keystroke in the middle of a brief; and didChange → publishDiagnostics (push, with the
 * server's debounce). Prints a table.
 *   npm run build && node out/bench/lsp.js [--quick]
 */
import {DocumentDiagnosticRequest} from 'vscode-languageserver-protocol/node';
import {TestClient} from '../test/lsp/harness.js';
import {generateBrief} from './generate.js';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
}

async function pullLatency(size: number, runs: number) {
  const client = new TestClient({pull: true});
  await client.initialize();
  const text = generateBrief(size);
  const uri = `file:///tmp/brief-bench/pull-${size}.brief.md`;
  let t = performance.now();
  await client.open(uri, text);
  await client.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
  const open = performance.now() - t;
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('It is '));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const insert = i % 2 === 0;
    t = performance.now();
    await client.change(uri, [{range: {start: {line, character: 3}, end: {line, character: insert ? 3 : 4}}, text: insert ? 'x' : ''}]);
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
    times.push(performance.now() - t);
  }
  await client.stop();
  return {open, p50: pct(times, 0.5), p95: pct(times, 0.95)};
}

async function pushLatency(size: number, runs: number) {
  const client = new TestClient();
  await client.initialize();
  const text = generateBrief(size);
  const uri = `file:///tmp/brief-bench/push-${size}.brief.md`;
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 60000);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('It is '));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const insert = i % 2 === 0;
    const t = performance.now();
    const version = await client.change(uri, [{range: {start: {line, character: 3}, end: {line, character: insert ? 3 : 4}}, text: insert ? 'x' : ''}]);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    times.push(performance.now() - t);
  }
  await client.stop();
  return {p50: pct(times, 0.5), p95: pct(times, 0.95)};
}

const quick = process.argv.includes('--quick');
const sizes = quick ? [4_000, 1_000_000] : [4_000, 64_000, 1_000_000];
console.log('| brief | cold open + first pull (ms) | keystroke → pull p50 (ms) | p95 (ms) | keystroke → publish p50 (ms, incl. debounce) | p95 (ms) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const size of sizes) {
  const runs = size >= 1_000_000 ? 30 : 100;
  const pull = await pullLatency(size, runs);
  const push = await pushLatency(size, Math.min(runs, 30));
  console.log(`| ${(size / 1000).toFixed(0)} kB | ${pull.open.toFixed(0)} | ${pull.p50.toFixed(1)} | ${pull.p95.toFixed(1)} | ${push.p50.toFixed(1)} | ${push.p95.toFixed(1)} |`);
}
