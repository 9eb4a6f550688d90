/**
 * The server's preview renderer below the protocol: templates parsed in a worker thread are
 * the ones `brief render` parses in its own thread; cached pieces are not parsed again; a piece
 * over its time limit, or one the worker dies on, is shown as its text and the pieces after it
 * are still parsed; a job cancelled before its turn does nothing.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {renderSection} from '../../core/src/render/markdown.js';
import {renderUnrendered} from '../../core/src/render/template.js';
import type {Piece} from '../../core/src/render/template.js';
import {NOT_RENDERED, NO_RENDERER, PreviewRenderer, TOO_SLOW, pieceLimitMs} from '../../server/src/preview-renderer.js';

const piece = (text: string, definitions = ''): Piece => ({text, definitions, unrendered: false});
const SLOW = '*a **a '.repeat(1500) + 'b' + ' a** a*'.repeat(1500);
const PIECES = [
  piece('## Key Judgement 1\n\nThe ferry is **likely** to resume within three months.[^a]\n'),
  piece('- Crews were hired in [June][gazette].\n- | not | a table |\n', '[gazette]: https://example.org/gazette'),
  piece('[^a]: Gazette, 2026-01-01. Grade B2.\n\n```\ncode <b>\n```\n'),
];

test('templates from the worker are those parsed in this thread, and a cached piece is not sent again', async () => {
  const logs: string[] = [];
  const renderer = new PreviewRenderer((m) => logs.push(m));
  try {
    const source = await renderer.templates([...PIECES, PIECES[0]]);
    assert.ok(source);
    for (const p of PIECES) assert.deepEqual(source.get(p.text, p.definitions, false), renderSection(p.text, p.definitions));
    assert.deepEqual(source.get('never asked for', '', true), renderUnrendered('never asked for'), 'an unrendered piece is its text');
    assert.equal(renderer.started, 1);
    const again = await renderer.templates(PIECES);
    assert.ok(again);
    // Served from the cache: the same objects, not a second parse.
    for (const p of PIECES) assert.equal(again.get(p.text, p.definitions, false), source.get(p.text, p.definitions, false));
    assert.equal(renderer.givenUp, 0);
    assert.deepEqual(logs, []);
  } finally {
    renderer.dispose();
  }
});

test('a piece over its time limit is given up on, the worker is replaced and the next pieces are parsed', async () => {
  const logs: string[] = [];
  const renderer = new PreviewRenderer((m) => logs.push(m), {limitMs: (chars) => (chars > 10_000 ? 150 : 20_000)});
  try {
    const source = await renderer.templates([PIECES[0], piece(SLOW), PIECES[2]]);
    assert.ok(source);
    assert.deepEqual(source.get(SLOW, '', false), renderUnrendered(SLOW, TOO_SLOW));
    assert.deepEqual(source.get(PIECES[2].text, '', false), renderSection(PIECES[2].text));
    assert.deepEqual(source.get(PIECES[0].text, '', false), renderSection(PIECES[0].text));
    assert.equal(renderer.givenUp, 1);
    assert.equal(renderer.started, 2);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /took over 150 ms/);
  } finally {
    renderer.dispose();
  }
});

test('a piece the worker dies on is shown as its text, and a new worker parses the rest', async () => {
  const renderer = new PreviewRenderer(() => {}, {limitMs: () => 60_000});
  try {
    assert.ok(await renderer.templates([PIECES[0]]), 'the worker is up');
    const job = renderer.templates([piece(SLOW), PIECES[1]]);
    // Kill the worker in the middle of the slow piece (~4 s), as a crash would.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await (renderer as unknown as {worker: {terminate(): Promise<number>}}).worker.terminate();
    const source = await job;
    assert.ok(source);
    assert.deepEqual(source.get(SLOW, '', false), renderUnrendered(SLOW, NOT_RENDERED));
    assert.deepEqual(source.get(PIECES[1].text, PIECES[1].definitions, false), renderSection(PIECES[1].text, PIECES[1].definitions));
    assert.equal(renderer.started, 2);
  } finally {
    renderer.dispose();
  }
});

test('jobs run one at a time, and a job cancelled before its turn does nothing', async () => {
  const renderer = new PreviewRenderer(() => {});
  try {
    let cancelled = false;
    const first = renderer.templates([PIECES[0]]);
    const second = renderer.templates([PIECES[1]], () => cancelled);
    const third = renderer.templates([PIECES[0], PIECES[2]]);
    cancelled = true;
    const [a, b, c] = await Promise.all([first, second, third]);
    assert.ok(a && c);
    assert.equal(b, undefined);
    // The third job found the first one's template in the cache.
    assert.equal(c.get(PIECES[0].text, '', false), a.get(PIECES[0].text, '', false));
  } finally {
    renderer.dispose();
  }
});

test('the time limit grows with the piece, and BRIEF_PREVIEW_PIECE_LIMIT_MS fixes it for every piece', () => {
  assert.equal(pieceLimitMs(0, {}), 1000);
  assert.equal(pieceLimitMs(16 * 1024, {}), 1064);
  assert.equal(pieceLimitMs(1024 * 1024, {}), 1000 + 4096);
  assert.equal(pieceLimitMs(1024 * 1024, {BRIEF_PREVIEW_PIECE_LIMIT_MS: '250'}), 250);
  assert.equal(pieceLimitMs(0, {BRIEF_PREVIEW_PIECE_LIMIT_MS: 'soon'}), 1000, 'an unreadable value is ignored');
});

test('a worker that cannot start: every piece is shown as its text, said once, and no other worker is tried', async () => {
  const logs: string[] = [];
  const renderer = new PreviewRenderer((m) => logs.push(m), {workerFile: new URL('./no-such-render-worker.js', import.meta.url)});
  try {
    const source = await renderer.templates(PIECES);
    assert.ok(source);
    for (const p of PIECES) assert.deepEqual(source.get(p.text, p.definitions, false), renderUnrendered(p.text, NO_RENDERER));
    const again = await renderer.templates([piece('## Another\n\nText.\n')]);
    assert.deepEqual(again!.get('## Another\n\nText.\n', '', false), renderUnrendered('## Another\n\nText.\n', NO_RENDERER));
    assert.equal(renderer.started, 1);
    assert.equal(logs.filter((m) => /did not start/.test(m)).length, 1);
  } finally {
    renderer.dispose();
  }
});

test('an idle worker is stopped, and the next job starts another', async () => {
  const renderer = new PreviewRenderer(() => {}, {idleMs: 300});
  const worker = () => (renderer as unknown as {worker?: object}).worker;
  try {
    // Jobs one after another share the worker.
    assert.ok(await renderer.templates([PIECES[0]]));
    assert.ok(await renderer.templates([PIECES[1]]));
    assert.ok(worker(), 'running after a job');
    assert.equal(renderer.started, 1);
    const until = Date.now() + 10_000;
    while (worker() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(worker(), undefined, 'stopped once idle');
    const source = await renderer.templates([PIECES[2]]);
    assert.deepEqual(source!.get(PIECES[2].text, '', false), renderSection(PIECES[2].text));
    assert.equal(renderer.started, 2);
  } finally {
    renderer.dispose();
  }
});
