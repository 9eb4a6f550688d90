/**
 * Pull diagnostics: textDocument/diagnostic for open documents (through edits, CRLF and
 * multi-byte text, settings) and workspace/diagnostic for briefs that are not open.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {WorkspaceDocumentDiagnosticReport} from 'vscode-languageserver-protocol/node';
import {TestClient, applyEdits, itemsOf, positionAt, quiet} from './harness.js';
import {FERRY, CLEAN, expected, actual, scratchUri, tempDir, fileUri} from './fixtures.js';

const root = tempDir('brief-lsp-pull-');
const openPath = join(root, 'open.brief.md');
const closedPath = join(root, 'closed.brief.md');
const nestedPath = join(root, 'desk', 'nested.brief.md');
writeFileSync(openPath, FERRY);
writeFileSync(closedPath, FERRY.replace('12%', '12% and 30%'));
mkdirSync(join(root, 'desk'));
writeFileSync(nestedPath, CLEAN);
writeFileSync(join(root, 'notes.md'), 'Not a brief: very likely 12%.\n');

function reportsByUri(items: WorkspaceDocumentDiagnosticReport[]) {
  return new Map(items.map((r) => [r.uri, r]));
}

describe('pull diagnostics over stdio', () => {
  const client = new TestClient({
    pull: true,
    rootUri: fileUri(root),
    settings: (scopeUri) => (scopeUri?.includes('/disabled-') ? {enable: false} : {}),
  });
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    rmSync(root, {recursive: true, force: true});
  });

  test('textDocument/diagnostic follows incremental CRLF and multi-byte edits; nothing is pushed for documents', async () => {
    const uri = scratchUri('pull-edits');
    let text = FERRY.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    assert.deepEqual(actual(await client.pullItems(uri)), expected(text));
    const edits = [
      {at: '## Summary', text: '🚢 ‏שלום‏ 𝒜𝒷𝒸 مرحبا\r\n\r\n', insert: true},
      {at: 'very likely', text: 'highly likely 🌊'},
      {at: 'Crews were hired in June.[^crews]\r\n- Harbour', text: 'Crews 👩‍✈️ were hired.\r\n- Harbour'},
    ];
    for (const e of edits) {
      const i = text.indexOf(e.at);
      const range = {start: positionAt(text, i), end: positionAt(text, e.insert ? i : i + e.at.length)};
      text = applyEdits(text, [{range, newText: e.text}]);
      const version = await client.change(uri, [{range, text: e.text}]);
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      assert.equal((report as {resultId?: string}).resultId, String(version), 'the resultId names the version');
      assert.deepEqual(actual(itemsOf(report)), expected(text), `after replacing ${JSON.stringify(e.at)}`);
    }
    assert.equal(client.published(uri).length, 0, 'a pull client gets no publishDiagnostics for a brief');
  });

  test('a pull right after a burst of edits answers for the last version', async () => {
    const uri = scratchUri('pull-burst');
    let text = FERRY;
    await client.open(uri, text);
    const sends: Array<Promise<number>> = [];
    for (const ch of ' Harbour fees rose 40%.') {
      const end = positionAt(text, text.length);
      text += ch;
      sends.push(client.change(uri, [{range: {start: end, end}, text: ch}]));
    }
    const pulled = client.pull(uri); // sent after every change, without waiting for them
    const final = (await Promise.all(sends)).at(-1)!;
    const report = await pulled;
    assert.equal((report as {resultId?: string}).resultId, String(final));
    assert.deepEqual(actual(itemsOf(report)), expected(text));
  });

  test('a pull naming the result id the client holds is answered "unchanged", until an edit or a settings change', async () => {
    const uri = scratchUri('pull-unchanged');
    let text = FERRY;
    await client.open(uri, text);
    const first = await client.pull(uri);
    assert.equal((first as {resultId?: string}).resultId, '1');
    const items = itemsOf(first);
    assert.ok(items.length > 0);
    assert.deepEqual(await client.pull(uri, '1'), {kind: 'unchanged', resultId: '1'});
    // No result id, or one the server did not give for this version: the full report again.
    assert.deepEqual(itemsOf(await client.pull(uri)), items);
    assert.deepEqual(itemsOf(await client.pull(uri, '7')), items);

    const at = text.indexOf('very likely');
    const range = {start: positionAt(text, at), end: positionAt(text, at + 'very likely'.length)};
    text = applyEdits(text, [{range, newText: 'probably'}]);
    const version = await client.change(uri, [{range, text: 'probably'}]);
    const edited = await client.pull(uri, '1');
    assert.equal(edited.kind, 'full', 'a new version is reported in full');
    assert.equal((edited as {resultId?: string}).resultId, String(version));
    assert.deepEqual(actual(itemsOf(edited)), expected(text));
    assert.deepEqual(await client.pull(uri, String(version)), {kind: 'unchanged', resultId: String(version)});

    // Settings changed: the same version is analysed again and reported in full once, under a new id.
    await client.configurationChanged();
    const refreshed = await client.pull(uri, String(version));
    assert.equal(refreshed.kind, 'full', 'after a settings change the report is full');
    const refreshedId = (refreshed as {resultId: string}).resultId;
    assert.notEqual(refreshedId, String(version));
    assert.deepEqual(actual(itemsOf(refreshed)), expected(text));
    assert.deepEqual(await client.pull(uri, refreshedId), {kind: 'unchanged', resultId: refreshedId});
    assert.equal((await client.pull(uri, String(version))).kind, 'full', 'the id of the report before the change is not current');
  });

  test('after an edit that leaves every diagnostic as it was, a pull naming the last report is answered "unchanged"', async () => {
    const uri = scratchUri('pull-unchanged-edit');
    let text = FERRY;
    await client.open(uri, text);
    const first = await client.pull(uri);
    const firstId = (first as {resultId: string}).resultId;
    // A word typed at the end of the last line: no finding moves in lines and characters.
    const end = positionAt(text, text.length);
    text = applyEdits(text, [{range: {start: end, end}, newText: '\nNothing more.'}]);
    await client.change(uri, [{range: {start: end, end}, text: '\nNothing more.'}]);
    assert.deepEqual(expected(text), actual(itemsOf(first)), 'the edit leaves the findings where they were');
    assert.deepEqual(await client.pull(uri, firstId), {kind: 'unchanged', resultId: firstId});
    // Without the id, or with one the server did not give last, the report is full.
    const again = await client.pull(uri);
    assert.deepEqual(actual(itemsOf(again)), expected(text));
    const againId = (again as {resultId: string}).resultId;
    assert.notEqual(againId, firstId, 'each version analysed has its own id');
    // An edit that moves findings (a line added at the top): full, under a new id.
    const top = {line: 0, character: 0};
    text = applyEdits(text, [{range: {start: top, end: top}, newText: '\n'}]);
    await client.change(uri, [{range: {start: top, end: top}, text: '\n'}]);
    const moved = await client.pull(uri, againId);
    assert.equal(moved.kind, 'full');
    assert.notEqual((moved as {resultId: string}).resultId, againId);
    assert.deepEqual(actual(itemsOf(moved)), expected(text));
  });

  test('brief.enable false: the pull report is empty', async () => {
    const uri = scratchUri('disabled-pull');
    await client.open(uri, FERRY);
    assert.deepEqual(await client.pullItems(uri), []);
  });

  test('workspace/diagnostic reports briefs that are not open, then "unchanged" for the same result ids', async () => {
    await client.open(fileUri(openPath), FERRY);
    const first = await client.workspaceDiagnostics();
    const byUri = reportsByUri(first.items);
    assert.deepEqual([...byUri.keys()].sort(), [fileUri(closedPath), fileUri(nestedPath)].sort(), 'only the unopened briefs (not the open one, not notes.md)');
    const closed = byUri.get(fileUri(closedPath))!;
    assert.equal(closed.kind, 'full');
    assert.equal(closed.version, null);
    assert.deepEqual(actual(itemsOf(closed)), expected(FERRY.replace('12%', '12% and 30%')));
    assert.deepEqual(itemsOf(byUri.get(fileUri(nestedPath))), []);

    const previous = first.items.map((r) => ({uri: r.uri, value: (r as {resultId: string}).resultId}));
    assert.ok(previous.every((p) => typeof p.value === 'string' && p.value.length > 0), 'every full report has a resultId');
    const second = await client.workspaceDiagnostics(previous);
    assert.deepEqual(
      second.items.map((r) => [r.uri, r.kind]).sort(),
      [
        [fileUri(closedPath), 'unchanged'],
        [fileUri(nestedPath), 'unchanged'],
      ].sort(),
    );

    // The file changes on disk: its report is full again, the other stays unchanged.
    await quiet(20); // a distinct modification time
    const changed = FERRY.replace('12%', '12%, 30% and 45%');
    writeFileSync(closedPath, changed);
    const third = reportsByUri((await client.workspaceDiagnostics(previous)).items);
    assert.equal(third.get(fileUri(closedPath))!.kind, 'full');
    assert.deepEqual(actual(itemsOf(third.get(fileUri(closedPath)))), expected(changed));
    assert.equal(third.get(fileUri(nestedPath))!.kind, 'unchanged');

    // Closing the open brief hands it back to the workspace report.
    await client.close(fileUri(openPath));
    const fourth = reportsByUri((await client.workspaceDiagnostics()).items);
    assert.ok(fourth.has(fileUri(openPath)), 'a closed brief is reported by workspace/diagnostic again');
    assert.deepEqual(actual(itemsOf(fourth.get(fileUri(openPath)))), expected(FERRY));
  });
});
