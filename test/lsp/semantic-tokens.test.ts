/**
 * Semantic tokens as deltas: the encoding matches the LSP library's own builder, the edits
 * between two encodings rebuild the second from the first, and over stdio a client that
 * names its last answer gets a delta that, applied, gives the new version's tokens (over stdio
 * and over Node IPC, as VS Code's client starts the server).
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {SemanticTokensBuilder, type SemanticTokensEdit} from 'vscode-languageserver/node';
import {SemanticTokensDeltaRequest, SemanticTokensRequest, type SemanticTokens, type SemanticTokensDelta} from 'vscode-languageserver-protocol/node';
import {lintText} from '../../core/src/index.js';
import {semanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES} from '../../core/src/service/index.js';
import {encodeTokens, tokenEdits} from '../../server/src/features.js';
import {TestClient} from './harness.js';
import {FERRY} from './fixtures.js';

function apply(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...data];
  // Later edits first, so that earlier starts stay valid (the protocol's edits do not overlap).
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

test('encodeTokens gives what the LSP library builder gives for the same tokens', () => {
  for (const text of [FERRY, FERRY.replace(/highly likely/g, 'probably'), '', '# Title\n']) {
    const {doc} = lintText(text);
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(doc)) {
      const p = doc.lines.positionAt(t.start);
      let bits = 0;
      for (const m of t.modifiers) bits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
      builder.push(p.line, p.character, t.end - t.start, SEMANTIC_TOKEN_TYPES.indexOf(t.type), bits);
    }
    assert.deepEqual(encodeTokens(doc), builder.build().data);
  }
  assert.ok(encodeTokens(lintText(FERRY).doc).length > 20, 'the fixture has tokens');
});

test('tokenEdits rebuilds the new tokens from the old, in whole tokens, with one edit at most', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const tokens = (n: number) => Array.from({length: n * 5}, () => random(4));
  for (let i = 0; i < 500; i++) {
    const before = tokens(random(12));
    const after = [...before];
    // Remove and insert whole tokens somewhere (or nothing); equal neighbours make the cut ambiguous.
    const at = random(before.length / 5 + 1) * 5;
    after.splice(at, Math.min(random(3), (before.length - at) / 5) * 5, ...tokens(random(3)));
    const edits = tokenEdits(before, after);
    assert.deepEqual(apply(before, edits), after, JSON.stringify({before, after, edits}));
    assert.ok(edits.length <= 1);
    for (const e of edits) assert.ok(e.start % 5 === 0 && e.deleteCount % 5 === 0 && (e.data?.length ?? 0) % 5 === 0, JSON.stringify(e));
    if (before.join() === after.join()) assert.deepEqual(edits, []);
  }
  // A token changed in the middle of many: the edit holds that token only.
  const many = tokens(1000);
  const changed = [...many];
  changed[2502] += 1;
  assert.deepEqual(tokenEdits(many, changed), [{start: 2500, deleteCount: 5, data: changed.slice(2500, 2505)}]);
});

for (const transport of ['stdio', 'ipc'] as const) test(`over ${transport}: a delta naming the last answer, applied, gives the new version's tokens; an unknown id gets them whole`, async () => {
  // Node IPC is how VS Code's client starts the server; stdio, other editors.
  const client = new TestClient({transport});
  try {
    const init = await client.initialize();
    const full = init.capabilities.semanticTokensProvider?.full;
    assert.ok(typeof full === 'object' && full.delta, 'the server offers deltas');
    const uri = 'file:///tmp/brief-test/tokens.brief.md';
    await client.open(uri, FERRY);
    const first = (await client.connection.sendRequest(SemanticTokensRequest.type, {textDocument: {uri}})) as SemanticTokens;
    assert.deepEqual(first.data, encodeTokens(lintText(FERRY).doc));
    assert.ok(first.resultId);

    // "very likely" → "probably" in Key Judgement 1: a term changes length and band.
    const line = FERRY.split('\n').findIndex((l) => l.includes('are very likely to resume'));
    const character = FERRY.split('\n')[line].indexOf('very likely');
    await client.change(uri, [{range: {start: {line, character}, end: {line, character: character + 'very likely'.length}}, text: 'probably'}]);
    const edited = FERRY.replace('are very likely to resume', 'are probably to resume');
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {textDocument: {uri}, previousResultId: first.resultId!})) as SemanticTokensDelta;
    assert.ok('edits' in delta, 'a delta');
    assert.ok(delta.edits.length === 1 && (delta.edits[0].data?.length ?? 0) < first.data.length / 2, JSON.stringify(delta.edits));
    assert.deepEqual(apply(first.data, delta.edits), encodeTokens(lintText(edited).doc));

    // Unchanged since: an empty delta.
    const same = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {textDocument: {uri}, previousResultId: delta.resultId!})) as SemanticTokensDelta;
    assert.deepEqual(same.edits, []);
    // An id the server did not give last (a client that lost an answer): the tokens whole.
    const whole = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {textDocument: {uri}, previousResultId: first.resultId!})) as SemanticTokens;
    assert.deepEqual(whole.data, encodeTokens(lintText(edited).doc));
  } finally {
    await client.stop();
  }
});
