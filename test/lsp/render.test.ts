import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient} from './harness.js';
import {renderBody, renderItems, type RenderResult} from '../../server/src/protocol.js';
import {defaultConfig, lintText, renderBrief, RenderCache, SectionCache} from '../../core/src/index.js';

const HOSTILE = `---
title: Hostile
scale: phia
---

# Hostile <script>alert(1)</script>

## Summary

The operators are likely to resume the ferry within three months. <img src=x onerror="alert(2)"> [click](javascript:alert(3))

## Key Judgement 1

The operators are likely to resume the ferry within three months.

- Crews were hired in June.[^a]

<iframe src="https://example.org"></iframe>

[^a]: Gazette, 2026-01-01. Grade B2.
`;

test('brief/render returns sanitized HTML for the current version, with judgement cards and source lines', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/render.brief.md';
    await client.open(uri, HOSTILE);
    const r = await render(client, uri);
    assert.ok(r);
    assert.equal(r.version, 1);
    assert.ok(r.css && r.css.length > 100);
    // Raw HTML is shown as escaped text, never as elements or attributes.
    assert.doesNotMatch(r.body, /<(?:script|iframe|img)[\s>]/i);
    assert.doesNotMatch(r.body, /<[a-z][^>]*\son\w+\s*=/i, 'no event-handler attribute on any element');
    assert.doesNotMatch(r.body, /href\s*=\s*["']?\s*javascript:/i);
    assert.match(r.body, /data-line="15"/, 'the key judgement paragraph keeps its source line');
    assert.match(r.body, /brief-yardstick/);
    await client.change(uri, [{range: {start: {line: 15, character: 18}, end: {line: 15, character: 24}}, text: 'highly likely'}]);
    const r2 = await render(client, uri);
    assert.equal(r2!.version, 2);
    assert.match(r2!.body, /highly likely/);
    assert.equal(await client.connection.sendRequest('brief/render', {uri: 'file:///nope.brief.md'}), null);
  } finally {
    await client.stop();
  }
});

const SLOW_HEAD = `---
title: Slow
scale: phia
---

# Slow

## Summary

The operators are likely to resume the ferry within three months.

## Key Judgement 1

The operators are likely to resume the ferry within three months.

- Crews were hired in June.[^a]

## Annex

`;
// Nested strong emphasis: remark takes seconds over 1,000 runs (micromark's attention
// resolution is quadratic), the engine a few milliseconds.
const SLOW_PIECE = '*a **a '.repeat(1000) + 'b' + ' a** a*'.repeat(1000);
const SLOW = `${SLOW_HEAD}${SLOW_PIECE}\n\n## Sources\n\nAfter the slow part, **rendered** as usual.\n\n[^a]: Gazette, 2026-01-01. Grade B2.\n`;

/** A render request (naming no earlier answer, unless `previous`), with the body its answer makes. */
async function render(client: TestClient, uri: string, previous?: {result: RenderResult; items: Map<string, string>}) {
  const result = await client.connection.sendRequest<RenderResult | null>('brief/render', {uri, previousResultId: previous?.result.resultId});
  if (!result) return null;
  const items = renderItems(result, previous?.items ?? new Map());
  assert.ok(items, 'every item is in the answer or in the answer it names');
  return {...result, result, items, body: renderBody(result, items)};
}

test('the server answers other requests while a preview renders (the Markdown is parsed in a worker thread)', async () => {
  const client = new TestClient({pull: true});
  try {
    await client.initialize();
    // A first preview loads the renderer.
    const warm = 'file:///tmp/brief-test/warm.brief.md';
    await client.open(warm, HOSTILE);
    assert.ok(await render(client, warm));
    const uri = 'file:///tmp/brief-test/slow.brief.md';
    await client.open(uri, SLOW);
    await client.pull(uri);
    const order: string[] = [];
    const rendering = render(client, uri).then((r) => (order.push('render'), r));
    const pulled = client.pull(uri).then((r) => (order.push('pull'), r));
    const hover = client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 13, character: 20}}).then(() => order.push('hover'));
    const [r] = await Promise.all([rendering, pulled, hover]);
    // In the server's own thread, remark would hold both answers back behind the render.
    assert.deepEqual(order, ['pull', 'hover', 'render']);
    assert.ok(r);
    assert.match(r.body, /<strong>rendered<\/strong>/);
  } finally {
    await client.stop();
  }
});

test('a piece over its time limit is shown as its text with the reason, and the pieces after it still render', async () => {
  const client = new TestClient({env: {...process.env, BRIEF_PREVIEW_PIECE_LIMIT_MS: '400'}});
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/slow-limit.brief.md';
    await client.open(uri, SLOW);
    const r = await render(client, uri);
    assert.ok(r);
    const unrendered = /<pre class="brief-raw-html brief-unrendered" data-line="(\d+)"[^>]* title="([^"]+)"><code>([^<]*)<\/code>/.exec(r.body);
    assert.ok(unrendered, 'the slow piece is shown as preformatted text');
    assert.equal(unrendered[1], '17', 'at its own line (the Annex section is one piece)');
    assert.match(unrendered[2], /took too long to render/);
    assert.ok(unrendered[3].startsWith('## Annex\n\n*a **a *a **a'), 'the text itself, not parsed');
    // The worker that gave up was replaced: the Sources section and the judgement render as HTML.
    assert.match(r.body, /After the slow part, <strong>rendered<\/strong> as usual\./);
    assert.match(r.body, /<p data-line="13"[^>]*>The operators are likely/);
    assert.ok(client.logMessages().some((m) => /preview: a piece took over 400 ms to render/.test(m)));
    // Given up on once: the same text is not sent to the renderer again.
    await client.change(uri, [{range: {start: {line: 13, character: 0}, end: {line: 13, character: 3}}, text: 'Our'}]);
    const r2 = await render(client, uri);
    assert.match(r2!.body, /Our operators/);
    assert.match(r2!.body, /took too long to render/);
    assert.equal(client.logMessages().filter((m) => /took over/.test(m)).length, 1);
  } finally {
    await client.stop();
  }
});

test('a render naming the last answer sends only the items that changed, and makes the same page', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/delta.brief.md';
    const sections = Array.from({length: 30}, (_, i) => `## Key Judgement ${i + 2}\n\nThe operators are likely to resume ferry ${i} within three months.\n\n- Crews were hired in June.[^a]\n`).join('\n');
    let text = `${HOSTILE.replace('[^a]: Gazette', `${sections}\n[^a]: Gazette`)}`;
    await client.open(uri, text);
    const first = await render(client, uri);
    assert.ok(first);
    const sent = (r: RenderResult) => r.lists.flatMap((l) => l.items).filter((i) => i.html !== undefined).length;
    const total = (r: RenderResult) => r.lists.flatMap((l) => l.items).length;
    assert.equal(sent(first.result), total(first.result), 'naming no answer: every item with its HTML');
    assert.ok(total(first.result) > 60);
    // One word in one evidence line (no line moves): that section's item alone.
    const line = text.split('\n').findIndex((l) => l.includes('resume ferry 7 '));
    await client.change(uri, [{range: {start: {line: line + 2, character: 2}, end: {line: line + 2, character: 7}}, text: 'Sailors'}]);
    text = text.replace(/(resume ferry 7 [^]*?- )Crews/, '$1Sailors');
    const second = await render(client, uri, first);
    assert.ok(second);
    assert.equal(sent(second.result), 1, 'one item changed');
    assert.equal(second.result.css, undefined, 'the stylesheet the client holds is not sent again');
    assert.match(second.result.lists.flatMap((l) => l.items).find((i) => i.html)!.html!, /Sailors were hired/);
    // The page is the one the engine renders for that text.
    const lint = lintText(text, {config: defaultConfig(), cache: new SectionCache()});
    assert.equal(second.body, renderBrief(lint.doc, lint.findings, {cache: new RenderCache()}).body);
    // Naming an answer that is not the last: everything again.
    const third = await render(client, uri, first);
    assert.equal(sent(third!.result), total(third!.result));
    assert.ok(third!.result.css);
    assert.equal(third!.body, second.body);
  } finally {
    await client.stop();
  }
});

test('a preview asked for before a keystroke that lands while it renders shows the newer version', async () => {
  const client = new TestClient({pull: true});
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/typed-on.brief.md';
    await client.open(uri, HOSTILE);
    // Version 1 analysed: the render goes straight to the worker, which this request starts (~70 ms
    // bundled, ~200 from out/, before it parses anything): the change 20 ms later lands while it works.
    await client.pull(uri);
    const rendering = render(client, uri);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = HOSTILE.split('\n').findIndex((l) => l.startsWith('- Crews were hired'));
    await client.change(uri, [{range: {start: {line, character: 2}, end: {line, character: 7}}, text: 'Sailors'}]);
    const r = await rendering;
    assert.ok(r);
    assert.equal(r.result.version, 2, 'the version typed while it rendered');
    assert.match(r.body, /Sailors were hired/);
    const lint = lintText(HOSTILE.replace('- Crews were hired', '- Sailors were hired'), {config: defaultConfig(), cache: new SectionCache()});
    assert.equal(r.body, renderBrief(lint.doc, lint.findings, {cache: new RenderCache()}).body);
  } finally {
    await client.stop();
  }
});
