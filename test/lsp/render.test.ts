import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient} from './harness.js';

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
    const r = await client.connection.sendRequest<{body: string; css: string; version: number} | null>('brief/render', {uri});
    assert.ok(r);
    assert.equal(r.version, 1);
    assert.ok(r.css.length > 100);
    // Raw HTML is shown as escaped text, never as elements or attributes.
    assert.doesNotMatch(r.body, /<(?:script|iframe|img)[\s>]/i);
    assert.doesNotMatch(r.body, /<[a-z][^>]*\son\w+\s*=/i, 'no event-handler attribute on any element');
    assert.doesNotMatch(r.body, /href\s*=\s*["']?\s*javascript:/i);
    assert.match(r.body, /data-line="15"/, 'the key judgement paragraph keeps its source line');
    assert.match(r.body, /brief-yardstick/);
    await client.change(uri, [{range: {start: {line: 15, character: 18}, end: {line: 15, character: 24}}, text: 'highly likely'}]);
    const r2 = await client.connection.sendRequest<{body: string; version: number} | null>('brief/render', {uri});
    assert.equal(r2!.version, 2);
    assert.match(r2!.body, /highly likely/);
    assert.equal(await client.connection.sendRequest('brief/render', {uri: 'file:///nope.brief.md'}), null);
  } finally {
    await client.stop();
  }
});
