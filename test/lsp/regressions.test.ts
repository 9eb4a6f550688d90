// @ts-nocheck -- regression tests ported from a plain-JS reproduction; the behaviour, not the types, is under test.
// Failing tests for server bugs (kept out of the committed suite). Run: node --test /tmp/lsp-scratch/known-bugs.test.mjs
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {TestClient} from './harness.js';
import {FERRY, tempDir, fileUri, scratchUri} from './fixtures.js';

test('workspace/diagnostic honours the config "ignores", as brief lint does', async () => {
  const root = tempDir('bug1-');
  writeFileSync(join(root, 'a.brief.md'), FERRY);
  mkdirSync(join(root, 'archive'));
  writeFileSync(join(root, 'archive', 'old.brief.md'), FERRY);
  writeFileSync(join(root, '.briefrc.yaml'), 'ignores:\n  - "archive/**"\n');
  const c = new TestClient({pull: true, rootUri: fileUri(root)});
  try {
    await c.initialize();
    const r = await c.workspaceDiagnostics();
    assert.deepEqual(r.items.map((i) => i.uri), [fileUri(join(root, 'a.brief.md'))]);
  } finally { await c.stop(); }
});

test('after a .briefrc change, workspace/diagnostic does not answer "unchanged" with stale findings', async () => {
  const root = tempDir('bug2-');
  writeFileSync(join(root, 'a.brief.md'), FERRY);
  const c = new TestClient({pull: true, rootUri: fileUri(root)});
  try {
    await c.initialize();
    const first = await c.workspaceDiagnostics();
    assert.ok(first.items[0].items.some((d) => d.code === 'term-off-scale'));
    writeFileSync(join(root, '.briefrc.yaml'), 'rules:\n  term-off-scale: "off"\n');
    await c.watchedFilesChanged([fileUri(join(root, '.briefrc.yaml'))], 1);
    const second = await c.workspaceDiagnostics(first.items.map((i) => ({uri: i.uri, value: i.resultId})));
    assert.equal(second.items[0].kind, 'full');
    assert.ok(!second.items[0].items.some((d) => d.code === 'term-off-scale'));
  } finally { await c.stop(); }
});

test('one "Disable <rule> for this line" action per rule and line', async () => {
  const c = new TestClient({});
  try {
    await c.initialize();
    const uri = scratchUri('bug3');
    const text = FERRY.replace('The operators are very likely to resume the night ferry within three months.', 'The operators are very likely to resume the night ferry, and very likely to add a second one, within three months.');
    const diags = await c.openAndWait(uri, text);
    const line = diags.find((d) => d.code === 'term-off-scale').range.start.line;
    const actions = await c.codeActions(uri, {start: {line, character: 0}, end: {line, character: 200}}, diags.filter((d) => d.range.start.line === line), ['quickfix']);
    const titles = actions.map((a) => a.title).filter((t) => t.startsWith('Disable'));
    assert.deepEqual(titles, [...new Set(titles)]);
  } finally { await c.stop(); }
});

test('an open document is published once, not twice', async () => {
  const c = new TestClient({settings: {debounceMs: 50}});
  try {
    await c.initialize();
    const uri = scratchUri('bug4');
    await c.openAndWait(uri, FERRY);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.published(uri).length, 1, `publishes for version 1: ${c.published(uri).length}`);
  } finally { await c.stop(); }
});

test('the server survives a brief with 6000 headings all numbered "Key Judgement 1" (0.55 MB)', {timeout: 180000}, async () => {
  let text = '---\ntitle: T\nscale: phia\n---\n\n# T\n\n## Summary\n\nThe port is likely to reopen by 2027.\n\n';
  for (let i = 0; i < 6000; i++) text += '## Key Judgement 1\n\nThe port is likely to reopen by 2027.\n\n- Crews were hired in June.[^a]\n\n';
  text += '## Sources\n\n[^a]: Gazette, notice, 2026-10-01. Grade B2.\n';
  const c = new TestClient({});
  try {
    await c.initialize();
    await c.openAndWait(scratchUri('bug5'), text, 'brief', 120000);
    await c.assertAlive();
  } finally { await c.stop(); }
});

test('workspace/diagnostic treats binary / non-UTF-8 files as brief lint does', async () => {
  const root = tempDir('bug6-');
  writeFileSync(join(root, 'bin.brief.md'), Buffer.concat([Buffer.from(FERRY), Buffer.from([0, 0, 0xff])]));
  const c = new TestClient({pull: true, rootUri: fileUri(root)});
  try {
    await c.initialize();
    const r = await c.workspaceDiagnostics();
    assert.deepEqual(r.items[0].items.map((d) => d.code), ['brief/file'], 'the CLI reports one brief/file problem: "File contains NUL bytes … skipped"');
  } finally { await c.stop(); }
});
