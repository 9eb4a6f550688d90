/**
 * Large documents get reduced checking rather than none: above LARGE_DOCUMENT_CHARS
 * the server checks on open, on save and after a long pause in typing (and says so
 * once); above MAX_DOCUMENT_CHARS it publishes one notice instead of an analysis.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient, applyEdits, positionAt, quiet} from './harness.js';
import {FERRY, expected, actual, scratchUri} from './fixtures.js';
import {LARGE_DOCUMENT_CHARS, LARGE_DOCUMENT_DEBOUNCE_MS, MAX_DOCUMENT_CHARS} from '../../server/src/server.js';

/** FERRY with neutral paragraphs before its Sources, to just over `chars`. */
function bulk(chars: number): string {
  const paragraph = 'The harbour office logged another delayed sailing on the northern route, and the crews blamed the weather.\n\n';
  return FERRY.replace('## Sources', paragraph.repeat(Math.ceil(chars / paragraph.length)) + '## Sources');
}

const largeNotices = (client: TestClient) =>
  client.notifications.filter((n) => n.method === 'window/showMessage' && /is large/.test(String((n.params as {message: string}).message)));

describe('large documents (push)', () => {
  const client = new TestClient({settings: {debounceMs: 0}});
  before(() => client.initialize());
  after(() => client.stop());

  test('the limits are ordered: soft limit, long debounce, hard limit', () => {
    assert.ok(LARGE_DOCUMENT_CHARS < MAX_DOCUMENT_CHARS);
    assert.ok(LARGE_DOCUMENT_DEBOUNCE_MS >= 1000);
  });

  test('a document under the soft limit is checked on every change, with no notice', async () => {
    const uri = scratchUri('small');
    let text = bulk(100 * 1024);
    await client.openAndWait(uri, text);
    const at = positionAt(text, text.indexOf('## Sources'));
    const edit = {range: {start: at, end: at}, text: 'Fees rose 45%.\n\n'};
    text = applyEdits(text, [{range: edit.range, newText: edit.text}]);
    assert.deepEqual(actual(await client.changeAndWait(uri, [edit], 1500)), expected(text), 'checked within the normal debounce');
    assert.equal(largeNotices(client).length, 0);
    await client.close(uri);
  });

  test('a document over the soft limit: checked on open, not on each keystroke, checked on save; told once', async () => {
    const uri = scratchUri('large');
    let text = bulk(LARGE_DOCUMENT_CHARS + 1024);
    assert.ok(text.length > LARGE_DOCUMENT_CHARS && text.length < MAX_DOCUMENT_CHARS);
    const opened = await client.openAndWait(uri, text, 'brief', 60000);
    assert.deepEqual(actual(opened), expected(text), 'fully checked when opened');
    const notice = await client.waitForNotification('window/showMessage', (p: {message: string}) => /is large/.test(p.message));
    assert.match(notice.message, /large\.brief\.md is large \(2\.0 MB\).*checked when you save or stop typing for 2 seconds/);

    // Typing: the normal debounce (0 ms here) no longer applies.
    const at = positionAt(text, text.indexOf('## Sources'));
    const edit = {range: {start: at, end: at}, text: 'A late note: fees rose 45%.\n\n'};
    text = applyEdits(text, [{range: edit.range, newText: edit.text}]);
    const version = await client.change(uri, [edit]);
    await quiet(600);
    assert.equal(client.published(uri).filter((p) => p.version === version).length, 0, 'not checked on the keystroke');

    // Saving checks it now, with the new finding in place.
    await client.save(uri);
    const saved = await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
    assert.deepEqual(actual(saved.diagnostics), expected(text));
    assert.ok(saved.diagnostics.some((d) => d.code === 'uncited-claim' && d.range.start.line === at.line));

    // A second edit is checked after the long pause without a save; no second notice.
    const edit2 = {range: {start: at, end: at}, text: 'Crews were hired in June.\n\n'};
    text = applyEdits(text, [{range: edit2.range, newText: edit2.text}]);
    const v2 = await client.change(uri, [edit2]);
    const typed = await client.waitForDiagnostics(uri, (p) => p.version === v2, 60000);
    assert.deepEqual(actual(typed.diagnostics), expected(text));
    assert.equal(largeNotices(client).length, 1, 'the user is told once per document');
    await client.close(uri);
    await client.assertAlive();
  });

  test('over the hard limit: one notice instead of an analysis, and the server keeps working', async () => {
    const uri = scratchUri('huge');
    const diags = await client.openAndWait(uri, FERRY + 'x'.repeat(MAX_DOCUMENT_CHARS + 1));
    assert.deepEqual(diags.map((d) => d.code), ['brief/file']);
    assert.match(String(diags[0].message), /too large.*limit is 20 MB/);
    await client.close(uri);
    const ok = scratchUri('after-huge');
    assert.deepEqual(actual(await client.openAndWait(ok, FERRY)), expected(FERRY));
  });
});

describe('large documents (pull)', () => {
  const client = new TestClient({pull: true, settings: {debounceMs: 0}});
  before(() => client.initialize());
  after(() => client.stop());

  test('a pull for a large document answers for the latest text once typing pauses', async () => {
    const uri = scratchUri('large-pull');
    let text = bulk(LARGE_DOCUMENT_CHARS + 1024);
    await client.open(uri, text);
    assert.deepEqual(actual(await client.pullItems(uri)), expected(text), 'no edit yet: answered at once');
    const at = positionAt(text, text.indexOf('## Sources'));
    const edit = {range: {start: at, end: at}, text: 'A late note: fees rose 45%.\n\n'};
    text = applyEdits(text, [{range: edit.range, newText: edit.text}]);
    await client.change(uri, [edit]);
    const pending = client.pullItems(uri);
    // Another edit while the pull waits: the answer is for the text after both.
    const edit2 = {range: {start: at, end: at}, text: 'Crews were hired in June.\n\n'};
    text = applyEdits(text, [{range: edit2.range, newText: edit2.text}]);
    await client.change(uri, [edit2]);
    assert.deepEqual(actual(await pending), expected(text));
    await client.close(uri);
    await client.assertAlive();
  });
});
