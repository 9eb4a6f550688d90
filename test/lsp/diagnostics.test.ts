import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient} from './harness.js';
import {DocumentDiagnosticRequest, CodeActionRequest} from 'vscode-languageserver-protocol/node';

const BRIEF = `---
title: Ferries
scale: phia
---

# Ferries

## Summary

The operators are highly likely to resume the night ferry within three months.

## Key Judgement 1

The operators are very likely to resume the night ferry within three months.

- Crews were hired in June.[^a]

[^a]: Islands Gazette, 2026-10-01. Grade B2.
`;

test('push: diagnostics on open, with code, doc link, source, category and exact range', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/push.brief.md';
    await client.open(uri, BRIEF);
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    const d = p.diagnostics.find((x) => x.code === 'term-off-scale');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.equal(d.source, 'brief');
    assert.match(d.codeDescription!.href, /term-off-scale\.md$/);
    assert.deepEqual(d.data, {ruleId: 'term-off-scale', category: 'estimative', fixable: true});
    assert.deepEqual(d.range, {start: {line: 13, character: 18}, end: {line: 13, character: 29}});
    assert.equal(p.version, 1);
  } finally {
    await client.stop();
  }
});

test('push: an incremental edit with multi-byte text gives fresh diagnostics for the new version', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/brief-test/edit.brief.md';
    await client.open(uri, BRIEF);
    await client.waitForDiagnostics(uri, (x) => x.version === 1);
    // Replace "very likely" with "highly likely 🚢" on line 13.
    const version = await client.change(uri, [{range: {start: {line: 13, character: 18}, end: {line: 13, character: 29}}, text: 'highly likely 🚢'}]);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === version);
    assert.ok(!p.diagnostics.some((d) => d.code === 'term-off-scale'), JSON.stringify(p.diagnostics));
  } finally {
    await client.stop();
  }
});

test('pull: textDocument/diagnostic returns the same findings; quick fix applies and re-checks clean', async () => {
  const client = new TestClient({pull: true});
  try {
    const init = await client.initialize();
    assert.ok(init.capabilities.diagnosticProvider, 'server offers pull diagnostics to a client that supports them');
    const uri = 'file:///tmp/brief-test/pull.brief.md';
    await client.open(uri, BRIEF);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
    assert.equal(report.kind, 'full');
    const items = (report as {items: Array<{code?: unknown; range: unknown}>}).items;
    const d = items.find((x) => x.code === 'term-off-scale')!;
    assert.ok(d);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: d.range as never,
      context: {diagnostics: [d as never], only: ['quickfix']},
    });
    const fix = (actions ?? []).find((a) => 'isPreferred' in a && a.isPreferred) as {edit: {changes: Record<string, Array<{range: {start: {line: number; character: number}; end: {line: number; character: number}}; newText: string}>>}};
    assert.ok(fix, 'a preferred quick fix');
    const edit = fix.edit.changes[uri][0];
    assert.equal(edit.newText, 'highly likely');
    await client.change(uri, [{range: edit.range, text: edit.newText}]);
    const after = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
    assert.ok(!(after as {items: Array<{code?: unknown}>}).items.some((x) => x.code === 'term-off-scale'));
  } finally {
    await client.stop();
  }
});
