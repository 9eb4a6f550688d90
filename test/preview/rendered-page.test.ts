/// <reference lib="dom" />
/**
 * The engine's rendered preview in a real browser, inside the same CSP and script as the
 * webview: hostile briefs run nothing, the theme follows VS Code's variables, and
 * screenshots of the example brief (light and dark) are saved to artifacts/ to look at.
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {build} from 'esbuild';
import type {Browser, Page} from 'playwright-core';
import {lintText, renderBrief} from '../../core/src/index.js';
import {launch, webviewPage} from './browser.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
const artifacts = resolve(root, 'artifacts');
let browser: Browser;
let script: string;

const HOSTILE = `---
title: "<script>alert('t')</script>"
scale: phia
---

# Hostile <script>alert(1)</script>

## Summary

The operators are likely to resume the ferry within three months. <img src=x onerror="alert(2)"> [click](javascript:alert(3))

<svg><script>alert(4)</script></svg>

## Key Judgement 1

The operators are likely to resume the ferry within three months <a href="#" onclick="alert(5)">x</a>.

- Crews were hired in June.[^a] <iframe src="javascript:alert(6)"></iframe>
- <style>body{display:none}</style><object data="x"></object>

[^a]: Gazette <b onmouseover="alert(7)">2026</b>. Grade B2.
`;

before(async () => {
  const out = await build({entryPoints: [resolve(root, 'client', 'preview-src', 'preview.ts')], bundle: true, format: 'iife', platform: 'browser', write: false});
  script = out.outputFiles[0].text;
  browser = await launch();
});
after(() => browser?.close());

function rendered(text: string) {
  const r = lintText(text);
  return renderBrief(r.doc, r.findings);
}

async function open(text: string, vars: Record<string, string> = {}, bodyClass = 'vscode-light'): Promise<{page: Page; events: string[]}> {
  const page = await browser.newPage({viewport: {width: 900, height: 1200}});
  const events: string[] = [];
  page.on('dialog', (d) => {
    events.push(`dialog:${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (req) => {
    if (!req.url().startsWith('data:') && req.url() !== 'about:blank') events.push(`request:${req.url()}`);
  });
  page.on('pageerror', (e) => events.push(`error:${e.message}`));
  const r = rendered(text);
  const style = Object.entries(vars).map(([k, v]) => `${k}:${v}`).join(';');
  const html = webviewPage(r.body, r.css, script).replace('<html>', `<html style="${style}">`).replace('class="vscode-light"', `class="${bodyClass}"`);
  await page.setContent(html);
  await page.waitForFunction(() => (window as unknown as {__posted: Array<{type: string}>}).__posted.some((m) => m.type === 'ready'));
  return {page, events};
}

test('a hostile brief runs no script, loads nothing and keeps its text visible as text', async () => {
  const {page, events} = await open(HOSTILE);
  // Try to trigger every planted handler.
  for (const sel of ['a', 'b', 'img', 'svg']) {
    for (const el of await page.$$(sel)) await el.click({force: true, trial: false}).catch(() => undefined);
  }
  await page.hover('body');
  await page.waitForTimeout(300);
  assert.deepEqual(events, [], 'no dialog, no request, no page error');
  const html = await page.content();
  assert.doesNotMatch(html, /<(?:iframe|object|img)[\s>]/i);
  assert.ok(await page.evaluate(() => document.body.innerText.includes('Crews were hired in June')));
  assert.ok(await page.evaluate(() => getComputedStyle(document.body).display !== 'none'), 'a <style> in the brief has no effect');
  await page.close();
});

test('the preview follows the VS Code theme variables (light, dark, high contrast)', async () => {
  const light = await open(readFileSync(resolve(root, 'examples', 'clean.brief.md'), 'utf8'), {'--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#1f1f1f'});
  const dark = await open(readFileSync(resolve(root, 'examples', 'clean.brief.md'), 'utf8'), {'--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#d4d4d4'}, 'vscode-dark');
  const colours = (p: Page) => p.evaluate(() => {
    const el = document.querySelector('.brief-root')!;
    const cs = getComputedStyle(el);
    return {fg: cs.color, bg: getComputedStyle(document.body).backgroundColor + '|' + cs.backgroundColor};
  });
  const l = await colours(light.page);
  const d = await colours(dark.page);
  assert.notEqual(l.fg, d.fg, `foreground follows the theme: ${JSON.stringify({l, d})}`);
  assert.equal(d.fg, 'rgb(212, 212, 212)');
  await light.page.close();
  await dark.page.close();
});

test('judgement cards: one per key judgement, with a labelled yardstick; keyboard reachable', async () => {
  const {page} = await open(readFileSync(resolve(root, 'examples', 'defects.brief.md'), 'utf8'));
  const cards = await page.$$('.brief-card');
  assert.equal(cards.length, 7, 'key judgements 1, 2, 4, 5, 6, 7 and 8');
  const labels = await page.$$eval('.brief-yardstick [role="img"]', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.equal(labels.length, 7, JSON.stringify(labels));
  assert.ok(labels.every((l) => /%|No likelihood stated/.test(l ?? '')), JSON.stringify(labels));
  assert.ok(labels.some((l) => /not a term of the US ODNI ICD 203/.test(l ?? '')), 'an off-scale term is said to be off the scale');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('.brief-card') && document.activeElement?.tagName === 'A');
  }
  assert.ok(reached, 'the card links are reachable with the keyboard');
  await page.close();
});

test('screenshots of the example brief, light and dark (artifacts/preview-*.png)', async () => {
  mkdirSync(artifacts, {recursive: true});
  const text = readFileSync(resolve(root, 'examples', 'defects.brief.md'), 'utf8');
  const light = await open(text, {'--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#1f1f1f'});
  await light.page.screenshot({path: resolve(artifacts, 'preview-light.png'), fullPage: false});
  const dark = await open(text, {'--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#d4d4d4'}, 'vscode-dark');
  await dark.page.screenshot({path: resolve(artifacts, 'preview-dark.png'), fullPage: false});
  await light.page.close();
  await dark.page.close();
});

test('a part the preview could not render says why, visibly, above its text', async () => {
  const {renderPage, RenderCache, PREVIEW_CSS} = await import('../../core/src/render/index.js');
  const {renderUnrendered} = await import('../../core/src/render/template.js');
  const {TOO_SLOW} = await import('../../server/src/preview-renderer.js');
  const text = HOSTILE.replace('## Key Judgement 1', '## Annex\n\nSLOW *part* here.\n\n## Key Judgement 1');
  const r = lintText(text);
  const cache = new RenderCache();
  // As the server's renderer gives a piece it gave up on.
  const body = renderPage(r.doc, r.findings, {cache: {get: (t, d, u) => (t.includes('SLOW') ? renderUnrendered(t, TOO_SLOW) : cache.get(t, d, u))}}).body;
  const page = await browser.newPage({viewport: {width: 900, height: 1200}});
  await page.setContent(webviewPage(body, PREVIEW_CSS, script));
  const shown = await page.evaluate(() => {
    const pre = document.querySelector('pre.brief-unrendered')!;
    return {before: getComputedStyle(pre, '::before').content, text: pre.textContent};
  });
  assert.equal(shown.before, JSON.stringify(TOO_SLOW));
  assert.match(shown.text!, /SLOW \*part\* here\./, 'the text itself, not rendered');
  await page.close();
});
