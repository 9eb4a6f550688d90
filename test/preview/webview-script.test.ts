/// <reference lib="dom" />
/** The preview's webview script in a real browser: content updates without reload, scroll sync both ways, open-line. */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {build} from 'esbuild';
import type {Browser, Page} from 'playwright-core';
import {launch, webviewPage} from './browser.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
let browser: Browser;
let script: string;

const blocks = (n: number, from = 0) => Array.from({length: n}, (_, i) => `<p data-line="${(from + i) * 2}">Block ${from + i}</p>`).join('\n');

before(async () => {
  const out = await build({entryPoints: [resolve(root, 'client', 'preview-src', 'preview.ts')], bundle: true, format: 'iife', platform: 'browser', write: false});
  script = out.outputFiles[0].text;
  browser = await launch();
});
after(() => browser?.close());

async function page(body: string): Promise<Page> {
  const p = await browser.newPage({viewport: {width: 800, height: 600}});
  // Styles come from the nonce'd stylesheet: the CSP blocks style attributes, as in the webview.
  await p.setContent(webviewPage(body, 'body{margin:0} p{height:200px;margin:0}', script));
  await p.waitForFunction(() => (window as unknown as {__posted: Array<{type: string}>}).__posted.some((m) => m.type === 'ready'));
  return p;
}

const posted = (p: Page) => p.evaluate(() => (window as unknown as {__posted: Array<{type: string; line?: number}>}).__posted);
const send = (p: Page, message: unknown) => p.evaluate((m) => window.postMessage(m, '*'), message);

/** A patch whose one keyed list holds blocks `texts` (item ids `b<i>`; html left out for ids in `shown`). */
function patchOf(texts: string[], version: number, shown: Set<string> = new Set()) {
  return {
    type: 'patch',
    version,
    segments: ['<div class="frame" data-keyed="blocks">', '</div><p class="after">after</p>'],
    lists: [{name: 'blocks', items: texts.map((t, i) => (shown.has(`b${i}:${t}`) ? {id: `b${i}:${t}`} : {id: `b${i}:${t}`, html: `<p data-line="${i * 2}">${t}</p>`}))}],
  };
}
const texts = (n: number) => Array.from({length: n}, (_, i) => `Block ${i}`);

test('a patch swaps the content without reloading the page and keeps the scroll position', async () => {
  const p = await page(blocks(20));
  await p.evaluate(() => {
    (window as unknown as {__marker: number}).__marker = 42;
    window.scrollTo(0, 1000);
  });
  const seven = texts(20);
  seven[7] = 'Block seven';
  await send(p, patchOf(seven, 2));
  await p.waitForFunction(() => document.body.textContent!.includes('Block seven'));
  assert.equal(await p.evaluate(() => (window as unknown as {__marker: number}).__marker), 42, 'same page: no reload');
  assert.equal(await p.evaluate(() => window.scrollY), 1000);
  assert.equal(await p.evaluate(() => document.querySelectorAll('.frame > p[data-line]').length), 20);
  assert.ok((await posted(p)).some((m) => m.type === 'rendered' && (m as {version?: number}).version === 2), 'tells the extension what it shows');
  // A stale version never replaces fresher content.
  await send(p, {...patchOf(['stale'], 1)});
  const eight = [...seven];
  eight[8] = 'Block eight';
  await send(p, patchOf(eight, 3));
  await p.waitForFunction(() => document.body.textContent!.includes('Block eight'));
  assert.ok(!(await p.evaluate(() => document.body.textContent!.includes('stale'))));
  await p.close();
});

test('an item sent by id alone is the very element already shown; new HTML is parsed, a repeated item copied', async () => {
  const p = await page('');
  const first = texts(5);
  await send(p, patchOf(first, 1));
  await p.waitForFunction(() => document.querySelectorAll('.frame > p').length === 5);
  // Mark the elements in place: a kept element keeps its mark, a re-parsed one would lose it.
  await p.evaluate(() => document.querySelectorAll('.frame > p').forEach((el, i) => ((el as unknown as {__mark: number}).__mark = i)));
  const shown = new Set(first.map((t, i) => `b${i}:${t}`));
  const second = [...first];
  second[2] = 'Block two, edited';
  await send(p, patchOf(second, 2, shown));
  await p.waitForFunction(() => document.body.textContent!.includes('two, edited'));
  const marks = await p.evaluate(() => Array.from(document.querySelectorAll('.frame > p')).map((el) => (el as unknown as {__mark?: number}).__mark ?? null));
  assert.deepEqual(marks, [0, 1, null, 3, 4]);
  // The same id twice (the same HTML twice in a page): both shown.
  await send(p, {type: 'patch', version: 3, segments: ['<div data-keyed="blocks">', '</div>'], lists: [{name: 'blocks', items: [{id: 'b0:Block 0'}, {id: 'b0:Block 0'}]}]});
  await p.waitForFunction(() => document.querySelectorAll('[data-keyed] > p').length === 2);
  assert.deepEqual(await p.evaluate(() => Array.from(document.querySelectorAll('[data-keyed] > p')).map((el) => el.textContent)), ['Block 0', 'Block 0']);
  // A new frame is parsed, and the kept element moved into it (the copy is a new element).
  assert.deepEqual(await p.evaluate(() => Array.from(document.querySelectorAll('[data-keyed] > p')).map((el) => (el as unknown as {__mark?: number}).__mark ?? null)), [0, null]);
  assert.equal(await p.evaluate(() => document.querySelector('.after')), null, 'the frame is the new one');
  await p.close();
});

test('an item moved by some lines is the element shown, its line numbers moved in place', async () => {
  const p = await page('');
  const html = (i: number, line: number) => `<div class="s" data-line="${line}" id="L${line}"><p data-line="${line + 2}">Section ${i} says data-line="1" <a href="#L${line + 2}">here</a> <a href="#fn">note</a></p></div>`;
  await send(p, {type: 'patch', version: 1, segments: ['<div data-keyed="s">', '</div>'], lists: [{name: 's', items: [0, 1, 2].map((i) => ({id: `a${i}`, html: html(i, i * 10)}))}]});
  await p.waitForFunction(() => document.querySelectorAll('.s').length === 3);
  await p.evaluate(() => document.querySelectorAll('.s').forEach((el, i) => ((el as unknown as {__mark: number}).__mark = i)));
  // A line added in section 0: it is new, sections 1 and 2 move by one; section 2 is also shown a second time, kept.
  const items = [{id: 'b0', html: html(0, 0).replace('Section 0', 'Section 0, longer')}, {id: 'b1', from: 'a1', shift: 1}, {id: 'b2', from: 'a2', shift: 1}, {id: 'a2'}];
  await send(p, {type: 'patch', version: 2, segments: ['<div data-keyed="s">', '</div>'], lists: [{name: 's', items}]});
  await p.waitForFunction(() => document.body.textContent!.includes('longer'));
  const shown = await p.evaluate(() =>
    Array.from(document.querySelectorAll('.s')).map((el) => ({
      mark: (el as unknown as {__mark?: number}).__mark ?? null,
      html: el.outerHTML,
    })),
  );
  assert.deepEqual(
    shown.map((s) => s.html),
    [html(0, 0).replace('Section 0', 'Section 0, longer'), html(1, 11), html(2, 21), html(2, 20)],
  );
  assert.deepEqual((await posted(p)).filter((m) => m.type === 'rendered').at(-1), {type: 'rendered', version: 2, items: {parsed: 1, moved: 2, kept: 1}});
  // Section 1 is the same element; section 2, used twice, was copied before moving, so the kept one is untouched.
  assert.deepEqual(
    shown.map((s) => s.mark),
    [null, 1, null, 2],
  );
  await p.close();
});

test('a patch naming an item the page does not have changes nothing and asks for everything', async () => {
  const p = await page('');
  await send(p, patchOf(texts(3), 1));
  await p.waitForFunction(() => document.querySelectorAll('.frame > p').length === 3);
  await send(p, {type: 'patch', version: 2, segments: ['<div data-keyed="blocks">', '</div>'], lists: [{name: 'blocks', items: [{id: 'b0:Block 0'}, {id: 'never-sent'}]}]});
  await p.waitForFunction(() => (window as unknown as {__posted: Array<{type: string}>}).__posted.some((m) => m.type === 'resync'));
  assert.equal(await p.evaluate(() => document.querySelectorAll('.frame > p').length), 3, 'the page is unchanged');
  assert.ok(!(await posted(p)).some((m) => m.type === 'rendered' && (m as {version?: number}).version === 2));
  await p.close();
});

test('scrollTo from the editor scrolls to the block of that source line, without echoing a revealLine', async () => {
  const p = await page(blocks(20));
  await send(p, {type: 'scrollTo', line: 21}); // between block 10 (line 20) and block 11 (line 22): block 10
  await p.waitForFunction(() => window.scrollY > 0);
  const top = await p.evaluate(() => document.querySelector<HTMLElement>('[data-line="20"]')!.getBoundingClientRect().top);
  assert.ok(Math.abs(top - 8) <= 2, `block of line 20 at the top (${top})`);
  await p.waitForTimeout(200);
  assert.ok(!(await posted(p)).some((m) => m.type === 'revealLine'), 'no echo to the editor');
  await p.close();
});

test('scrolling the preview tells the editor which source line is at the top', async () => {
  const p = await page(blocks(20));
  await p.mouse.wheel(0, 1300);
  await p.waitForFunction(() => (window as unknown as {__posted: Array<{type: string}>}).__posted.some((m) => m.type === 'revealLine'));
  const reveal = (await posted(p)).filter((m) => m.type === 'revealLine').at(-1)!;
  assert.equal(reveal.line, 12, 'block 6 (line 12) is the first visible after scrolling 1300px of 200px blocks');
  await p.close();
});

test('double-clicking a block asks to open its source line; links do not', async () => {
  const p = await page(blocks(3) + '<p data-line="40"><a href="#L0">a link</a></p>');
  await p.dblclick('text=Block 1');
  await p.dblclick('text=a link');
  const opens = (await posted(p)).filter((m) => m.type === 'openLine');
  assert.deepEqual(opens.map((m) => m.line), [2]);
  await p.close();
});

test('malformed messages are ignored', async () => {
  const p = await page(blocks(2));
  const bad = [
    null,
    'x',
    {type: 'patch'},
    {type: 'patch', version: 9, segments: ['<p>x</p>'], lists: [{name: 'a', items: []}]},
    {type: 'patch', version: 9, segments: [5], lists: []},
    {type: 'patch', version: 9, segments: ['<p data-keyed="a">', '</p>'], lists: [{name: 'a', items: [{id: 1, html: '<b>x</b>'}]}]},
    {type: 'patch', version: 9, segments: ['<p data-keyed="a">', '</p>'], lists: [{name: 'a', items: [{id: 'x', from: 'y', shift: 'one'}]}]},
    {type: 'update', body: '<p>x</p>', version: 9},
    {type: 'scrollTo', line: 'x'},
    {type: 'nope'},
  ];
  for (const m of bad) await send(p, m);
  await p.waitForTimeout(100);
  assert.ok(await p.evaluate(() => document.body.textContent!.includes('Block 1')));
  await p.close();
});

test('the webview script is the one the extension ships', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {main: string};
  assert.equal(manifest.main, './dist/extension.cjs');
  const bundler = readFileSync(resolve(root, 'scripts', 'bundle.mjs'), 'utf8');
  assert.match(bundler, /client\/preview-src\/preview\.ts/);
});
