/**
 * Typing as VS Code does it: the requests VS Code 1.100 sends the server around a keystroke,
 * replayed over Node IPC (the transport VS Code's client uses) at a typist's pace. Recorded from the extension in a real VS Code
 * (test/vscode's runner, every LSP message logged) while typing in the 1 MB brief:
 * - on opening: a diagnostic pull, then together semantic tokens, folding ranges, document
 *   links, document symbols and code lenses;
 * - each keystroke (~130 ms apart): didChange and a pull naming the report held; a space
 *   (a trigger character) also asks for completions, sent before the pull;
 * - while typing: semantic tokens again about every half second, just after a pull is answered
 *   (as a delta of the last result when the server offers deltas);
 * - on a pause: a code action at the cursor, folding ranges, document symbols twice (outline
 *   and breadcrumbs), code lenses and document links.
 * The bench's other keystroke figures (lsp.ts) send only didChange and the pull, back to back;
 * here the pull may wait behind the other requests, as it does in the editor.
 * With the preview open (`preview: true`), the extension also asks for the page (`brief/render`,
 * naming its last answer) 150 ms after the last change: typing slower than that, each key's
 * preview is made while the next key comes in.
 *   npm run build && node out/bench/rhythm.js [--quick] [--preview-only]     (or: npm run bench -- --only rhythm)
 */
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import type {InitializeResult, Position, SemanticTokens, SemanticTokensDelta} from 'vscode-languageserver-protocol/node';
import {middleCursor} from './cursor.js';
import {BenchClient, typist} from './client.js';
import {median, p95, ms, table} from './stats.js';
import type {Input} from './inputs.js';

/** Start to start, as typed in the recording. */
const KEYSTROKE_MS = 130;
/** The extension asks for the preview this long after the last change (client/src/preview.ts). */
const PREVIEW_DELAY_MS = 150;

export interface RhythmOptions {
  /** A preview of the brief is open. */
  preview?: boolean;
  /** Start to start (default 130, as recorded). */
  keystrokeMs?: number;
}
/** Semantic tokens are asked for again once this long has passed since the last time. */
const TOKENS_EVERY_MS = 500;

export interface RhythmFigures {
  label: string;
  preview: boolean;
  keystrokeMs: number;
  /** With the preview open: each preview request → its answer. */
  previewP50: number;
  previewMax: number;
  previews: number;
  /** didOpen → first pull answered. */
  openMs: number;
  /** After the first pull: the five requests VS Code sends on opening, sent together → all answered. */
  openFeaturesMs: number;
  openFeaturesBytes: number;
  keystrokes: number;
  /** didChange → its pull answered (behind a completion on a space, or semantic tokens). */
  pullP50: number;
  pullP95: number;
  pullMax: number;
  completionP50: number;
  completions: number;
  /** Semantic tokens while typing: request → answer. */
  tokensP50: number;
  tokensMax: number;
  tokensBytes: number;
  tokensRequests: number;
  /** Whether the server answered them as deltas. */
  tokensDelta: boolean;
  /** After the typing: the requests of a pause, sent together → all answered. */
  pauseMs: number;
  pauseBytes: number;
}

const size = (x: unknown) => JSON.stringify(x ?? null).length;
const sleep = (msValue: number) => new Promise((resolve) => setTimeout(resolve, msValue));

export async function measureRhythm(input: Pick<Input, 'label' | 'file'>, keystrokes: number, options: RhythmOptions = {}): Promise<RhythmFigures> {
  const keystrokeMs = options.keystrokeMs ?? KEYSTROKE_MS;
  const text = readFileSync(input.file, 'utf8');
  const uri = pathToFileURL(input.file).href;
  // Over Node IPC, as VS Code's client starts the server (other editors use stdio, as lsp.ts measures).
  const client = new BenchClient({pull: true, transport: 'ipc'});
  const init = (await client.initialize()) as InitializeResult;
  const full = init.capabilities.semanticTokensProvider?.full;
  const deltas = typeof full === 'object' && !!full.delta;
  const send = <R>(method: string, params: object = {}) => client.connection.sendRequest<R>(method, {textDocument: {uri}, ...params});
  const together = async (requests: Array<() => Promise<unknown>>) => {
    const t = performance.now();
    const answers = await Promise.all(requests.map((r) => r()));
    return {ms: performance.now() - t, bytes: answers.reduce((sum: number, a) => sum + size(a), 0)};
  };

  let t = performance.now();
  await client.open(uri, text);
  let report = await client.pull(uri);
  const openMs = performance.now() - t;
  let tokensId: string | undefined;
  const tokens = async () => {
    const answer = deltas && tokensId !== undefined ? await send<SemanticTokens | SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {previousResultId: tokensId}) : await send<SemanticTokens>('textDocument/semanticTokens/full');
    tokensId = answer?.resultId;
    return answer;
  };
  const opened = await together([tokens, () => send('textDocument/foldingRange'), () => send('textDocument/documentLink'), () => send('textDocument/documentSymbol'), () => send('textDocument/codeLens')]);
  // The preview, as the extension asks for it: naming the last answer.
  let previewId: string | undefined;
  const previewTimes: number[] = [];
  const preview = async () => {
    const t0 = performance.now();
    const answer = await client.connection.sendRequest<{resultId: string} | null>('brief/render', {uri, previousResultId: previewId});
    previewId = answer?.resultId ?? previewId;
    return performance.now() - t0;
  };
  if (options.preview) await preview();
  let previewTimer: NodeJS.Timeout | undefined;
  // The analyst reads before typing.
  await sleep(1000);

  const cursor = middleCursor(text);
  const type = typist(cursor);
  const pulls: number[] = [];
  const completions: number[] = [];
  const tokenTimes: number[] = [];
  const tokenBytes: number[] = [];
  const inFlight: Array<Promise<unknown>> = [];
  let lastTokens = performance.now();
  let position = cursor;
  for (let i = 0; i < keystrokes; i++) {
    const start = performance.now();
    const change = type() as {range: {start: Position; end: Position}; text: string};
    position = {line: change.range.end.line, character: change.range.end.character + change.text.length};
    await client.change(uri, [change]);
    const asked: Array<Promise<unknown>> = [];
    if (change.text === ' ') {
      asked.push(
        send('textDocument/completion', {position, context: {triggerKind: 2, triggerCharacter: ' '}}).then(() => completions.push(performance.now() - start)),
      );
    }
    asked.push(
      client.pull(uri, report.resultId).then((r) => {
        report = r;
        pulls.push(performance.now() - start);
      }),
    );
    await Promise.all(asked);
    if (options.preview) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => inFlight.push(preview().then((ms) => previewTimes.push(ms))), PREVIEW_DELAY_MS);
    }
    if (performance.now() - lastTokens >= TOKENS_EVERY_MS) {
      lastTokens = performance.now();
      const sent = performance.now();
      inFlight.push(
        tokens().then((answer) => {
          tokenTimes.push(performance.now() - sent);
          tokenBytes.push(size(answer));
        }),
      );
    }
    await sleep(Math.max(0, keystrokeMs - (performance.now() - start)));
  }
  await sleep(PREVIEW_DELAY_MS + 50);
  await Promise.all(inFlight);
  await sleep(500);
  const range = {start: position, end: position};
  const pause = await together([
    () => send('textDocument/codeAction', {range, context: {diagnostics: []}}),
    () => send('textDocument/foldingRange'),
    () => send('textDocument/documentSymbol'),
    () => send('textDocument/documentSymbol'),
    () => send('textDocument/codeLens'),
    () => send('textDocument/documentLink'),
  ]);
  await client.stop();
  return {
    label: input.label,
    preview: !!options.preview,
    keystrokeMs,
    previewP50: median(previewTimes),
    previewMax: Math.max(...previewTimes),
    previews: previewTimes.length,
    openMs,
    openFeaturesMs: opened.ms,
    openFeaturesBytes: opened.bytes,
    keystrokes,
    pullP50: median(pulls),
    pullP95: p95(pulls),
    pullMax: Math.max(...pulls),
    completionP50: median(completions),
    completions: completions.length,
    tokensP50: median(tokenTimes),
    tokensMax: Math.max(...tokenTimes),
    tokensBytes: median(tokenBytes),
    tokensRequests: tokenTimes.length,
    tokensDelta: deltas,
    pauseMs: pause.ms,
    pauseBytes: pause.bytes,
  };
}

/** kB, or bytes under one kB (a delta is tens of bytes). */
const kb = (chars: number) => (!Number.isFinite(chars) ? '—' : chars < 1024 ? `${Math.round(chars)} B` : `${(chars / 1024).toFixed(chars < 10_240 ? 1 : 0)} kB`);

export function rhythmTable(rows: RhythmFigures[]): string {
  return table(
    [
      'brief',
      'a key every (ms)',
      'open → first pull (ms)',
      "opening's editor requests → all answered (ms)",
      'their answers',
      'keystroke → pull p50 (ms)',
      'p95 (ms)',
      'max (ms)',
      'keystrokes',
      'completion on a space p50 (ms)',
      'semantic tokens while typing p50 (ms)',
      'max (ms)',
      'answer, median',
      'asked',
      "a pause's requests → all answered (ms)",
      'their answers',
      'preview open: preview after a key p50 (ms)',
      'max (ms)',
      'previews',
    ],
    rows.map((r) => [
      r.preview ? `${r.label}, preview open` : r.label,
      r.keystrokeMs,
      ms(r.openMs),
      ms(r.openFeaturesMs),
      kb(r.openFeaturesBytes),
      ms(r.pullP50),
      ms(r.pullP95),
      ms(r.pullMax),
      r.keystrokes,
      ms(r.completionP50),
      ms(r.tokensP50),
      ms(r.tokensMax),
      `${kb(r.tokensBytes)}${r.tokensDelta ? ' (deltas)' : ''}`,
      r.tokensRequests,
      ms(r.pauseMs),
      kb(r.pauseBytes),
      r.preview ? ms(r.previewP50) : '—',
      r.preview ? ms(r.previewMax) : '—',
      r.preview ? r.previews : '—',
    ]),
  );
}

// Standalone: node out/bench/rhythm.js [--quick]
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {ensureInputs} = await import('./inputs.js');
  const {sizes} = ensureInputs(console.error);
  const quick = process.argv.includes('--quick');
  const rows: RhythmFigures[] = [];
  const picked = sizes.filter((x) => (quick ? ['page', '1 MB'] : ['page', '64 kB', '1 MB', '2 MB']).includes(x.label));
  if (!process.argv.includes('--preview-only')) for (const s of picked) rows.push(await measureRhythm(s, quick ? 40 : 80));
  for (const s of picked.filter((x) => x.label !== 'page')) rows.push(await measureRhythm(s, quick ? 20 : 40, {preview: true, keystrokeMs: 250}));
  console.log(rhythmTable(rows));
}
