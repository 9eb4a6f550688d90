/**
 * The custom protocol the preview and status item use: the `brief/judgements` request
 * (key judgements with their likelihood bands) and the `brief/status` notification.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {DiagnosticSeverity} from 'vscode-languageserver-protocol/node';
import {TestClient, positionAt} from './harness.js';
import {FERRY, CLEAN, scratchUri} from './fixtures.js';
import {JUDGEMENTS_REQUEST, STATUS_NOTIFICATION, type JudgementInfo, type StatusParams} from '../../server/src/protocol.js';

const lineOf = (text: string, needle: string) => positionAt(text, text.indexOf(needle)).line;

describe('brief/judgements and brief/status over stdio', () => {
  const client = new TestClient({settings: (uri) => (uri?.includes('/disabled-') ? {enable: false} : {debounceMs: 0})});
  before(() => client.initialize());
  after(() => client.stop());

  const judgements = (uri: string) => client.connection.sendRequest<JudgementInfo[] | null>(JUDGEMENTS_REQUEST, {uri});

  test('brief/judgements lists each key judgement with its band on the document scale', async () => {
    const uri = scratchUri('judgements-clean');
    await client.openAndWait(uri, CLEAN);
    const list = await judgements(uri);
    assert.ok(list);
    assert.equal(list.length, 1);
    const [j] = list;
    assert.equal(j.index, 0);
    assert.equal(j.number, 1);
    assert.equal(j.line, lineOf(CLEAN, 'The delta authority is highly likely to raise the bridge toll before the 2027 budget.\n\n-'));
    assert.equal(j.text, 'The delta authority is highly likely to raise the bridge toll before the 2027 budget.');
    assert.equal(j.likelihood?.term, 'highly likely');
    assert.deepEqual(j.likelihood?.band, [80, 90]);
    assert.equal(j.likelihood?.onScale, true);
    assert.equal(j.likelihood?.scaleName, 'UK PHIA Probability Yardstick');
    assert.equal(j.timeframe, 'before the 2027 budget');
    assert.equal(j.evidenceCount, 2);
    assert.equal(j.sourcedEvidenceCount, 2);
  });

  test('off-scale terms say so, judgements without a term have no band, and edits are reflected', async () => {
    const uri = scratchUri('judgements-ferry');
    await client.openAndWait(uri, FERRY);
    const list = (await judgements(uri))!;
    assert.deepEqual(
      list.map((j) => [j.number, j.line, j.evidenceCount, j.sourcedEvidenceCount]),
      [
        [1, lineOf(FERRY, 'The operators are very likely'), 2, 1],
        [2, lineOf(FERRY, 'Fuel costs may'), 1, 1],
      ],
    );
    assert.equal(list[0].likelihood?.term, 'very likely');
    assert.deepEqual(list[0].likelihood?.band, [80, 95]);
    assert.equal(list[0].likelihood?.onScale, false, '‘very likely’ is not a PHIA term');
    assert.equal(list[1].likelihood, undefined, '‘may’ is not a likelihood term');

    const at = lineOf(FERRY, 'The operators are very likely');
    await client.changeAndWait(uri, [{range: {start: {line: at, character: 18}, end: {line: at, character: 29}}, text: 'highly likely'}]);
    const edited = (await judgements(uri))!;
    assert.equal(edited[0].likelihood?.term, 'highly likely');
    assert.deepEqual(edited[0].likelihood?.band, [80, 90]);
    assert.equal(edited[0].likelihood?.onScale, true);
  });

  test('brief/judgements on a brief with no key judgements is an empty list', async () => {
    const uri = scratchUri('judgements-none');
    await client.openAndWait(uri, '# Notes\n\nNothing here yet.\n');
    assert.deepEqual(await judgements(uri), []);
  });

  test('brief/status arrives after each analysis with the version, counts and scale', async () => {
    const uri = scratchUri('status-ferry');
    const diags = await client.openAndWait(uri, FERRY);
    const s1 = await client.waitForNotification<StatusParams>(STATUS_NOTIFICATION, (s) => s.uri === uri && s.version === 1);
    const count = (sev: DiagnosticSeverity) => diags.filter((d) => d.severity === sev).length;
    assert.deepEqual(s1.counts, {error: count(DiagnosticSeverity.Error), warning: count(DiagnosticSeverity.Warning), info: count(DiagnosticSeverity.Information), hint: count(DiagnosticSeverity.Hint)});
    assert.ok(s1.counts.error > 0 && s1.counts.warning > 0);
    assert.equal(s1.scale, 'phia');
    assert.equal(s1.scaleName, 'UK PHIA Probability Yardstick');
    assert.equal(s1.scaleOrigin, 'front-matter');
    assert.deepEqual(s1.configFiles, []);
    assert.ok(typeof s1.elapsedMs === 'number' && s1.elapsedMs >= 0);

    // An edit that removes the off-scale term: a new status for the new version, one warning fewer.
    const at = lineOf(FERRY, 'The operators are very likely');
    const v = await client.change(uri, [{range: {start: {line: at, character: 18}, end: {line: at, character: 29}}, text: 'highly likely'}]);
    const s2 = await client.waitForNotification<StatusParams>(STATUS_NOTIFICATION, (s) => s.uri === uri && s.version === v);
    assert.equal(s2.counts.warning, s1.counts.warning - 1);

    // No scale in the front matter and no config: the default scale.
    const plain = scratchUri('status-default');
    await client.openAndWait(plain, FERRY.replace('scale: phia\n', ''));
    const s3 = await client.waitForNotification<StatusParams>(STATUS_NOTIFICATION, (s) => s.uri === plain);
    assert.equal(s3.scaleOrigin, 'default');
    assert.equal(s3.scale, 'phia');

    // Linting turned off: zero counts.
    const off = scratchUri('disabled-status');
    await client.openAndWait(off, FERRY);
    const s4 = await client.waitForNotification<StatusParams>(STATUS_NOTIFICATION, (s) => s.uri === off);
    assert.deepEqual(s4.counts, {error: 0, warning: 0, info: 0, hint: 0});
  });
});
