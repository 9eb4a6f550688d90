/**
 * Language server over a real stdio connection (bench/client.ts):
 * - cold open: didOpen → answer of the first textDocument/diagnostic pull;
 * - keystroke → pull: didChange (one character typed in the middle of the brief)
 *   → answer of a pull for that version: the analysis cost the editor waits for. Each pull
 *   names the report the client holds, as VS Code does; where no diagnostic moved, the
 *   answer is "unchanged" (counted in the table). Every other keystroke's pull names no
 *   report: the figure with a full report every time, under the same JIT and heap;
 * - keystroke → publish: didChange → publishDiagnostics for that version (push
 *   clients), including the server's debounce;
 * - memory: peak RSS (VmHWM) and heap after GC, after open and after the keystrokes;
 * - the preview (`--preview`): the first render, keystrokes pulled while it renders, and a
 *   render after each keystroke, each naming the last answer as the extension does (only the
 *   items that changed come with their HTML).
 *   npm run build && node out/bench/lsp.js [--quick] [--preview]     (or: npm run bench -- --only lsp)
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {middleCursor} from './cursor.js';
import {BenchClient, typist, type Memory} from './client.js';
import {ROOT} from './proc.js';
import {median, p95, ms, mb, table} from './stats.js';
import type {Input} from './inputs.js';
import type {RenderResult} from '../server/src/protocol.js';

const kb = (chars: number) => (chars / 1024).toFixed(chars < 10_240 ? 1 : 0);

export interface LspFigures {
  label: string;
  bytes: number;
  /** Process start → initialize answered. */
  startMs: number;
  /** didOpen → first pull answered. */
  openMs: number;
  pullP50: number;
  pullP95: number;
  pulls: number;
  /** Pulls answered "unchanged" (the diagnostics the client held were still right). */
  unchanged: number;
  /** Keystroke → pull naming no report: a full report every time. */
  fullP50: number;
  fullP95: number;
  pushP50: number;
  pushP95: number;
  pushes: number;
  afterOpen: Memory;
  afterEdits: Memory;
  findings: number;
}

/** The server's default debounce (package.json contributes brief.debounceMs). */
export function defaultDebounceMs(): number {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return pkg.contributes?.configuration?.properties?.['brief.debounceMs']?.default ?? NaN;
}

export async function measureLsp(input: Pick<Input, 'label' | 'file' | 'bytes'>, keystrokes: number, pushKeystrokes: number): Promise<LspFigures> {
  const text = readFileSync(input.file, 'utf8');
  const uri = pathToFileURL(input.file).href;
  const cursor = middleCursor(text);

  // Pull: the analysis cost.
  let t = performance.now();
  const pull = new BenchClient({pull: true});
  await pull.initialize();
  const startMs = performance.now() - t;
  t = performance.now();
  await pull.open(uri, text);
  const first = await pull.pull(uri);
  const openMs = performance.now() - t;
  const findings = first.kind === 'full' ? first.items.length : NaN;
  const afterOpen = await pull.memory();
  const type = typist(cursor);
  const times: number[] = [];
  // Keystrokes alternate (so that both kinds meet the same JIT and heap): a pull naming the
  // result id of the report the client holds, as VS Code's client does, and a pull naming
  // none, answered in full every time.
  let resultId = first.resultId;
  let unchanged = 0;
  const fullTimes: number[] = [];
  for (let i = 0; i < 2 * keystrokes; i++) {
    const named = i % 2 === 0;
    t = performance.now();
    await pull.change(uri, [type()]);
    const report = await pull.pull(uri, named ? resultId : undefined);
    (named ? times : fullTimes).push(performance.now() - t);
    resultId = report.resultId;
    if (report.kind === 'unchanged') unchanged++;
  }
  const afterEdits = await pull.memory();
  await pull.stop();

  // Push: what an editor without pull support sees, debounce included.
  const pushTimes: number[] = [];
  if (pushKeystrokes > 0) {
    const push = new BenchClient({pull: false});
    await push.initialize();
    const opened = push.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
    await push.open(uri, text);
    await opened;
    const typePush = typist(cursor);
    for (let i = 0; i < pushKeystrokes; i++) {
      const version = i + 2;
      const published = push.waitForDiagnostics(uri, (p) => p.version === version, 120_000);
      t = performance.now();
      await push.change(uri, [typePush()]);
      await published;
      pushTimes.push(performance.now() - t);
    }
    await push.stop();
  }
  return {
    label: input.label,
    bytes: input.bytes,
    startMs,
    openMs,
    pullP50: median(times),
    pullP95: p95(times),
    pulls: keystrokes,
    unchanged,
    fullP50: median(fullTimes),
    fullP95: p95(fullTimes),
    pushP50: median(pushTimes),
    pushP95: p95(pushTimes),
    pushes: pushKeystrokes,
    afterOpen,
    afterEdits,
    findings,
  };
}

export function lspTable(rows: LspFigures[]): string {
  const debounce = defaultDebounceMs();
  return table(
    ['brief', 'findings', 'server start (ms)', 'cold open → first pull (ms)', 'keystroke → pull p50 (ms)', 'p95 (ms)', 'pulls answered "unchanged"', 'same, full report every time: p50 (ms)', 'p95 (ms)', `keystroke → publish p50 (ms, incl. ${debounce} ms debounce)`, 'p95 (ms)', 'keystrokes (each kind of pull / push)'],
    rows.map((r) => [r.label, r.findings, ms(r.startMs), ms(r.openMs), ms(r.pullP50), ms(r.pullP95), `${r.unchanged} / ${r.pulls}`, ms(r.fullP50), ms(r.fullP95), ms(r.pushP50), ms(r.pushP95), `${r.pulls} / ${r.pushes}`]),
  );
}

export function serverMemoryTable(rows: LspFigures[]): string {
  return table(
    ['brief', 'peak RSS (MB)', 'RSS after open (MB)', 'heap after open, GC (MB)', 'RSS after keystrokes (MB)', 'heap after keystrokes, GC (MB)'],
    rows.map((r) => [
      r.label,
      mb(Math.max(r.afterOpen.maxRssKiB, r.afterEdits.maxRssKiB)),
      mb(r.afterOpen.rss / 1024),
      mb(r.afterOpen.heapUsed / 1024),
      mb(r.afterEdits.rss / 1024),
      mb(r.afterEdits.heapUsed / 1024),
    ]),
  );
}

export interface PreviewFigures {
  label: string;
  /** Render request → answer, the first preview of a freshly opened brief (the parser's worker starts, every piece is parsed). */
  coldMs: number;
  /** Keystroke → pull answered, typed while that first preview rendered. */
  pullDuringP50: number;
  pullDuringMax: number;
  pullsDuring: number;
  /** Keystroke, then render request → answer: the preview following the typing (one piece parsed again). */
  warmP50: number;
  warmP95: number;
  warm: number;
  /** A line added in the middle (Enter), then render request → answer: p50, and the answer's median size. */
  enterP50: number;
  enterBytes: number;
  enters: number;
  /** Size of the first answer and median size of the answers after a keystroke (JSON characters). */
  firstBytes: number;
  warmBytes: number;
  /** Peak RSS of the server process (its worker threads included) after the previews. */
  maxRssKiB: number;
  /** The server's heap after a full GC, after open and after the previews (what stays). */
  heapOpen: number;
  heapAfter: number;
}

/**
 * The preview over the same connection: the first render of the brief, with keystrokes typed
 * and pulled while it renders (the server parses the Markdown in a worker thread, so the
 * pulls need not wait for it), then a render after each of `keystrokes` keystrokes.
 */
export async function measurePreview(input: Pick<Input, 'label' | 'file'>, keystrokes: number): Promise<PreviewFigures> {
  const text = readFileSync(input.file, 'utf8');
  const uri = pathToFileURL(input.file).href;
  const client = new BenchClient({pull: true});
  await client.initialize();
  await client.open(uri, text);
  await client.pull(uri);
  const opened = await client.memory();
  const type = typist(middleCursor(text));
  // As the extension asks: naming the last answer, so that unchanged items come as ids.
  let resultId: string | undefined;
  const answered: number[] = [];
  const render = async () => {
    const r = await client.connection.sendRequest<RenderResult | null>('brief/render', {uri, previousResultId: resultId});
    resultId = r?.resultId;
    if (r) answered.push(JSON.stringify(r).length);
    return r;
  };
  let t = performance.now();
  let done = false;
  const first = render().then((r) => {
    done = true;
    return r;
  });
  const during: number[] = [];
  while (!done) {
    const k = performance.now();
    await client.change(uri, [type()]);
    await client.pull(uri);
    during.push(performance.now() - k);
    // About a keystroke every 20 ms, as a quick typist.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!(await first)) throw new Error(`no preview for ${input.label}`);
  const coldMs = performance.now() - t;
  const firstBytes = answered[0];
  const warm: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    await client.change(uri, [type()]);
    t = performance.now();
    await render();
    warm.push(performance.now() - t);
  }
  // Enter on the blank line before the middle judgement: every line below moves by one.
  const cursor = middleCursor(text);
  const enter: number[] = [];
  const enterFrom = answered.length;
  for (let i = 0; i < Math.min(keystrokes, 10); i++) {
    await client.change(uri, [{range: {start: {line: cursor.line - 1, character: 0}, end: {line: cursor.line - 1, character: 0}}, text: '\n'}]);
    t = performance.now();
    await render();
    enter.push(performance.now() - t);
  }
  const memory = await client.memory();
  await client.stop();
  return {
    label: input.label,
    enterP50: median(enter),
    enterBytes: median(answered.slice(enterFrom)),
    enters: enter.length,
    coldMs,
    pullDuringP50: median(during),
    pullDuringMax: Math.max(...during),
    pullsDuring: during.length,
    warmP50: median(warm),
    warmP95: p95(warm),
    warm: keystrokes,
    firstBytes,
    warmBytes: median(answered.slice(1)),
    maxRssKiB: memory.maxRssKiB,
    heapOpen: opened.heapUsed,
    heapAfter: memory.heapUsed,
  };
}

export function previewTable(rows: PreviewFigures[]): string {
  return table(
    ['brief', 'first preview: render → answer (ms)', 'answer (kB)', 'keystroke → pull while it renders: p50 (ms)', 'max (ms)', 'pulls during it', 'keystroke, then preview: p50 (ms)', 'p95 (ms)', 'answer, median (kB)', 'previews after a keystroke', 'Enter in the middle, then preview: p50 (ms)', 'answer, median (kB)', 'Enters', 'server peak RSS with the preview (MB)', 'server heap after GC: opened → after the previews (MB)'],
    rows.map((r) => [r.label, ms(r.coldMs), kb(r.firstBytes), ms(r.pullDuringP50), ms(r.pullDuringMax), r.pullsDuring, ms(r.warmP50), ms(r.warmP95), kb(r.warmBytes), r.warm, ms(r.enterP50), kb(r.enterBytes), r.enters, mb(r.maxRssKiB), `${mb(r.heapOpen / 1024)} → ${mb(r.heapAfter / 1024)}`]),
  );
}

// Standalone: node out/bench/lsp.js [--quick] [--preview]
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {ensureInputs} = await import('./inputs.js');
  const {sizes} = ensureInputs(console.error);
  const quick = process.argv.includes('--quick');
  const pick = sizes.filter((s) => (quick ? ['page', '1 MB'] : ['page', '64 kB', '1 MB']).includes(s.label));
  if (process.argv.includes('--preview')) {
    const rows: PreviewFigures[] = [];
    for (const s of pick) rows.push(await measurePreview(s, s.bytes >= 1_000_000 ? 20 : 50));
    console.log(previewTable(rows));
  } else {
    const rows: LspFigures[] = [];
    for (const s of pick) rows.push(await measureLsp(s, s.bytes >= 1_000_000 ? 30 : 100, quick ? 10 : 30));
    console.log(lspTable(rows) + '\n\n' + serverMemoryTable(rows));
  }
}
