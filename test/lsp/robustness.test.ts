/**
 * The server survives anything a client sends: unknown URIs, edits out of range,
 * huge documents, invalid settings, random bytes, malformed and cancelled requests.
 * After each, the process is alive and a normal request still gets the right answer.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {CancellationTokenSource, CodeActionRequest, DocumentDiagnosticRequest, ErrorCodes, ResponseError} from 'vscode-languageserver-protocol/node';
import {TestClient, applyEdits, positionAt, quiet} from './harness.js';
import {FERRY, CLEAN, expected, actual, scratchUri} from './fixtures.js';
import {JUDGEMENTS_REQUEST} from '../../server/src/protocol.js';

/** Settings by URI, for the documents that test invalid settings. */
const badSettings = new Map<string, unknown>();

describe('robustness over stdio', () => {
  const client = new TestClient({
    settings: (scopeUri) => {
      if (scopeUri && badSettings.has(scopeUri)) {
        const s = badSettings.get(scopeUri);
        if (s === 'throw') throw new Error('the client cannot read its settings');
        return s as Record<string, unknown>;
      }
      return {debounceMs: 0};
    },
  });
  let n = 0;
  before(() => client.initialize());
  after(async () => {
    assert.equal(client.process.exitCode, null, 'the server is still running at the end');
    await client.stop();
  });

  /** The process is up and a fresh brief gets exactly its findings. */
  async function stillWorks() {
    await client.assertAlive();
    const uri = scratchUri(`alive-${++n}`);
    assert.deepEqual(actual(await client.openAndWait(uri, FERRY)), expected(FERRY), 'a normal brief still gets its diagnostics');
    await client.close(uri);
  }

  /** A request either answers or fails with an error response; it never goes unanswered. */
  async function answers(p: Promise<unknown>): Promise<unknown> {
    try {
      return await p;
    } catch (error) {
      assert.ok(error instanceof ResponseError, `an error response, not ${error}`);
      return error;
    }
  }

  test('requests for unknown URIs answer without crashing', async () => {
    const unknown = 'file:///nowhere/never-opened.brief.md';
    const range = {start: {line: 0, character: 0}, end: {line: 3, character: 0}};
    assert.deepEqual(await client.codeActions(unknown, range, [], ['quickfix']), []);
    assert.equal(await client.connection.sendRequest(JUDGEMENTS_REQUEST, {uri: unknown}), null);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri: unknown}});
    assert.deepEqual(report, {kind: 'full', items: []});
    for (const weird of ['untitled:Untitled-1', 'not a uri at all', '', 'file://', 'vscode-notebook-cell:/x#y']) {
      await answers(client.codeActions(weird, range));
      await answers(client.connection.sendRequest(JUDGEMENTS_REQUEST, {uri: weird}));
    }
    // Notifications for documents that were never opened are ignored.
    await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri: unknown, version: 7}, contentChanges: [{text: 'x'}]});
    await client.connection.sendNotification('textDocument/didSave', {textDocument: {uri: unknown}});
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri: unknown}});
    await stillWorks();
  });

  test('documents with other schemes (untitled:) are linted without a config file', async () => {
    const uri = 'untitled:Untitled-1';
    assert.deepEqual(actual(await client.openAndWait(uri, FERRY)), expected(FERRY));
    await client.close(uri);
    await stillWorks();
  });

  test('didChange ranges beyond the end of the document are clamped, and the text stays in sync', async () => {
    const uri = scratchUri('out-of-range');
    let text = FERRY;
    await client.openAndWait(uri, text);
    const cases = [
      {range: {start: {line: 9999, character: 0}, end: {line: 9999, character: 5}}, text: '\nAppended: fees rose 30%.\n'},
      {range: {start: {line: 2, character: 500}, end: {line: 2, character: 900}}, text: ' (draft)'},
      {range: {start: {line: 10, character: 0}, end: {line: 100000, character: 100000}}, text: 'The operators are very likely to return.\n'},
    ];
    for (const c of cases) {
      text = applyEdits(text, [{range: c.range, newText: c.text}]); // clamped as LSP editors clamp
      const diags = await client.changeAndWait(uri, [c]);
      assert.deepEqual(actual(diags), expected(text), `after ${JSON.stringify(c.range)}`);
    }
    // Reversed and negative positions: the server must not fall over (what it makes of them is its business).
    const version = await client.change(uri, [
      {range: {start: {line: 5, character: 3}, end: {line: 1, character: 0}}, text: 'x'},
      {range: {start: {line: -4, character: -2}, end: {line: -1, character: -1}}, text: 'y'},
    ]);
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    await stillWorks();
  });

  test('a 5 MB document is analysed, edited and re-analysed', async () => {
    const uri = scratchUri('five-mb');
    const paragraph = 'The harbour office logged another delayed sailing on the northern route, and the crews blamed the weather.\n\n';
    let text = FERRY.replace('## Sources', paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)) + '## Sources');
    assert.ok(text.length >= 5 * 1024 * 1024);
    const t0 = performance.now();
    const diags = await client.openAndWait(uri, text, 'brief', 60000);
    const openMs = performance.now() - t0;
    assert.deepEqual(
      actual(diags).filter((d) => !d.startsWith('source-unused')),
      expected(FERRY).filter((d) => !d.startsWith('source-unused')),
      'the findings of the brief around the bulk',
    );
    // Edit near the end: the new version is analysed and published, with the finding in the right place.
    const at = positionAt(text, text.lastIndexOf('## Sources'));
    const edit = {range: {start: at, end: at}, text: 'A late note: fees rose 45%.\n\n'};
    text = applyEdits(text, [{range: edit.range, newText: edit.text}]);
    const after = await client.changeAndWait(uri, [edit], 60000);
    const added = after.filter((d) => d.range.start.line === at.line);
    assert.deepEqual(added.map((d) => d.code), ['uncited-claim']);
    assert.equal(after.length, diags.length + 1);
    await client.close(uri);
    assert.ok(openMs < 30000, `open to diagnostics took ${openMs.toFixed(0)} ms`);
    await stillWorks();
  });

  test('a document over the size limit gets one notice instead of an analysis', async () => {
    const uri = scratchUri('too-large');
    const text = FERRY + 'x'.repeat(21 * 1024 * 1024);
    const diags = await client.openAndWait(uri, text);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'brief/file');
    assert.match(String(diags[0].message), /too large/);
    await client.close(uri);
    await stillWorks();
  });

  test('invalid settings from workspace/configuration fall back to the defaults', async () => {
    const cases: unknown[] = [
      {enable: 'yes', lintOnType: 1, debounceMs: 'fast', scale: 42, rules: [1, 2, 3], requireSuppressionReason: 'no'},
      {rules: {'term-off-scale': 'loud', 'no-such-rule': 'error', 'vague-hedge': null}, debounceMs: -50},
      {debounceMs: Number.NaN, scale: '   ', rules: 'all'},
      null,
      'brief',
      [1, 2],
      42,
      'throw', // the client answers workspace/configuration with an error
    ];
    for (const s of cases) {
      const uri = scratchUri(`bad-settings-${++n}`);
      badSettings.set(uri, s);
      assert.deepEqual(actual(await client.openAndWait(uri, FERRY)), expected(FERRY), `settings ${JSON.stringify(s)}`);
      await client.close(uri);
    }
    // A scale that does not exist is not applied (the default scale is used).
    const uri = scratchUri('bad-scale');
    badSettings.set(uri, {scale: 'no-such-scale'});
    const noScale = FERRY.replace('scale: phia\n', '');
    assert.deepEqual(actual(await client.openAndWait(uri, noScale)), expected(noScale));
    // Invalid settings pushed with didChangeConfiguration.
    for (const settings of [{brief: 5}, {brief: null}, 'x', null, {brief: {enable: 'off', debounceMs: {}}}]) {
      await client.configurationChanged(settings);
    }
    await stillWorks();
  });

  test('random bytes, NUL characters and lone surrogates', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let junk = '';
    for (let i = 0; i < 200000; i++) junk += String.fromCharCode(Math.floor(random() * 0x10000));
    const texts = [
      '\0'.repeat(1000),
      junk,
      `---\n\0title: \uD800\n---\n# \uDFFF\n\n## Summary\n\nIt is \0 very likely\uD83D that\n`,
      FERRY.replace(/e/g, '\0'),
      Buffer.from(Array.from({length: 100000}, () => Math.floor(random() * 256))).toString('latin1'),
    ];
    for (const text of texts) {
      const uri = scratchUri(`junk-${++n}`);
      await client.openAndWait(uri, text);
      const whole = {start: {line: 0, character: 0}, end: positionAt(text, text.length)};
      await answers(client.codeActions(uri, whole));
      await answers(client.connection.sendRequest(JUDGEMENTS_REQUEST, {uri}));
      const version = await client.change(uri, [{range: {start: {line: 0, character: 1}, end: {line: 3, character: 2}}, text: '\0\uD800x'}]);
      await client.waitForDiagnostics(uri, (p) => p.version === version);
      await client.close(uri);
    }
    await stillWorks();
  });

  test('malformed, unknown and cancelled requests get an answer', async () => {
    // Missing or wrong params: an error response is fine, silence or a crash is not.
    await answers(client.connection.sendRequest('textDocument/codeAction', {}));
    await answers(client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: 5}, range: null, context: null}));
    await answers(client.connection.sendRequest('brief/judgements', null));
    await answers(client.connection.sendRequest('brief/judgements', {uri: {}}));
    await answers(client.connection.sendRequest('textDocument/diagnostic', {}));
    await answers(client.connection.sendRequest('workspace/diagnostic', {}));
    const unknown = await answers(client.connection.sendRequest('brief/no-such-request', {}));
    assert.ok(unknown instanceof ResponseError && unknown.code === ErrorCodes.MethodNotFound);
    // Malformed notifications.
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles']) {
      await client.connection.sendNotification(method, {});
    }
    await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri: scratchUri('nothing'), version: 2}, contentChanges: null});
    // A request cancelled as soon as it is sent.
    const uri = scratchUri('cancelled');
    await client.openAndWait(uri, FERRY);
    for (let i = 0; i < 10; i++) {
      const source = new CancellationTokenSource();
      const p = client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 30, character: 0}}, context: {diagnostics: []}}, source.token);
      source.cancel();
      await answers(p);
    }
    await client.close(uri);
    await stillWorks();
  });

  test('many documents opened at once all get their diagnostics', async () => {
    const uris = Array.from({length: 60}, (_, i) => scratchUri(`many-${i}`));
    const results = await Promise.all(uris.map((u, i) => client.openAndWait(u, i % 2 ? FERRY : CLEAN)));
    results.forEach((d, i) => assert.deepEqual(actual(d), expected(i % 2 ? FERRY : CLEAN)));
    await Promise.all(uris.map((u) => client.close(u)));
    await quiet(50);
    await stillWorks();
  });

  test('no error escaped to the process-level handlers', () => {
    const escaped = client.logMessages().filter((m) => /uncaught|unhandled rejection/i.test(m));
    assert.deepEqual(escaped, []);
    assert.doesNotMatch(client.stderr, /Error|uncaught/i);
  });
});
