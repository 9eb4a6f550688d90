/**
 * The preview's webview script in headless Chromium (Debian's, as in test/preview): how long
 * the page takes to show a preview answer, handler and layout included, for
 * - the first answer (every item parsed into an empty page);
 * - an answer after a keystroke: one section and one judgement card new, the frame and every
 *   other item kept (the common case: the webview swaps those two elements in place);
 * - an answer after an Enter in the middle: the sections and cards below moved by a line (their
 *   line numbers changed in place), the findings below new (their text says "Line N");
 * - an answer where every item is new (e.g. a line added near the top moves every line number
 *   below it);
 * - the whole body set as innerHTML, which is what every update cost before session 10.
 *   npm run build && node out/bench/webview.js     (or: npm run bench -- --only preview)
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {launch, webviewPage} from '../test/preview/browser.js';
import {defaultConfig, lintText, renderBrief, RenderCache, SectionCache} from '../core/src/index.js';
import {ROOT} from './proc.js';
import {median, ms, table} from './stats.js';
import type {Input} from './inputs.js';

export interface WebviewFigures {
  label: string;
  items: number;
  firstMs: number;
  keystrokeMs: number;
  enterMs: number;
  everyItemMs: number;
  innerHtmlMs: number;
  runs: number;
}

export async function measureWebview(inputs: Array<Pick<Input, 'label' | 'file'>>, runs: number): Promise<WebviewFigures[]> {
  const script = (await build({entryPoints: [join(ROOT, 'client', 'preview-src', 'preview.ts')], bundle: true, format: 'iife', platform: 'browser', write: false})).outputFiles[0].text;
  const browser = await launch();
  const rows: WebviewFigures[] = [];
  try {
    for (const input of inputs) {
      const text = readFileSync(input.file, 'utf8');
      const lint = lintText(text, {config: defaultConfig(), cache: new SectionCache()});
      const out = renderBrief(lint.doc, lint.findings, {cache: new RenderCache()});
      const {segments, lists} = out.parts;
      const page = await browser.newPage({viewport: {width: 1000, height: 800}});
      await page.setContent(webviewPage('', out.css, script));
      // Posts a message to the script and resolves after the next frame's layout.
      const timed = (message: unknown) =>
        page.evaluate(
          (m) =>
            new Promise<number>((resolve) => {
              const t = performance.now();
              window.postMessage(m, '*');
              setTimeout(() =>
                requestAnimationFrame(() => {
                  void document.body.offsetHeight;
                  resolve(performance.now() - t);
                }),
              );
            }),
          message,
        );
      const innerHtml = () =>
        page.evaluate(
          (body) =>
            new Promise<number>((resolve) => {
              const t = performance.now();
              document.getElementById('brief-root')!.innerHTML = body;
              requestAnimationFrame(() => {
                void document.body.offsetHeight;
                resolve(performance.now() - t);
              });
            }),
          out.body,
        );
      let version = 0;
      // Every item under a fresh id (so sent with its HTML), or under its stable id with only `changed` new.
      const patch = (fresh: boolean, changed: (list: number, item: number) => boolean = () => false) => {
        version++;
        return {
          type: 'patch',
          version,
          segments,
          lists: lists.map((l, k) => ({
            name: l.name,
            items: l.items.map((html, i) => (fresh ? {id: `${k}.${i}.${version}`, html} : changed(k, i) ? {id: `${k}.${i}.${version}`, html: html.replace('</p>', ' typed</p>')} : {id: `${k}.${i}`})),
          })),
        };
      };
      const stable = () => {
        version++;
        return {type: 'patch', version, segments, lists: lists.map((l, k) => ({name: l.name, items: l.items.map((html, i) => ({id: `${k}.${i}`, html}))}))};
      };
      const firstMs = await timed(stable());
      const middle = Math.floor(lists[2].items.length / 2);
      const card = Math.floor(lists[1].items.length / 2);
      const keystroke: number[] = [];
      const enter: number[] = [];
      const every: number[] = [];
      const inner: number[] = [];
      for (let r = 0; r < runs; r++) {
        every.push(await timed(patch(true)));
        await timed(stable());
        keystroke.push(await timed(patch(false, (k, i) => (k === 2 && i === middle) || (k === 1 && i === card))));
        // Enter in the middle: the sections and cards below move by a line, the findings below are new.
        await timed(stable());
        version++;
        enter.push(
          await timed({
            type: 'patch',
            version,
            segments,
            lists: lists.map((l, k) => {
              const half = Math.floor(l.items.length / 2);
              return {
                name: l.name,
                items: l.items.map((html, i) => (i < half ? {id: `${k}.${i}`} : l.name === 'findings' ? {id: `${k}.${i}.${version}`, html} : {id: `${k}.${i}.${version}`, from: `${k}.${i}`, shift: 1})),
              };
            }),
          }),
        );
        inner.push(await innerHtml());
        // Back to a page the script knows (after innerHTML it holds no element of the page).
        await timed(stable());
      }
      rows.push({
        label: input.label,
        items: lists.reduce((n, l) => n + l.items.length, 0),
        firstMs,
        keystrokeMs: median(keystroke),
        enterMs: median(enter),
        everyItemMs: median(every),
        innerHtmlMs: median(inner),
        runs,
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

export function webviewTable(rows: WebviewFigures[]): string {
  return table(
    ['brief', 'items (findings, cards, sections)', 'first answer (ms)', 'after a keystroke: one section and one card new, median (ms)', 'after an Enter in the middle: the sections and cards below moved, the findings below new, median (ms)', 'every item new, median (ms)', 'whole body as innerHTML (before session 10), median (ms)', 'runs'],
    rows.map((r) => [r.label, r.items, ms(r.firstMs), ms(r.keystrokeMs), ms(r.enterMs), ms(r.everyItemMs), ms(r.innerHtmlMs), r.runs]),
  );
}

// Standalone: node out/bench/webview.js
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {ensureInputs} = await import('./inputs.js');
  const {sizes} = ensureInputs(console.error);
  const pick = sizes.filter((s) => ['page', '64 kB', '1 MB'].includes(s.label));
  console.log(webviewTable(await measureWebview(pick, 7)));
}
