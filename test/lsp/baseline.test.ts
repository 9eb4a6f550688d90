/**
 * Baselines over LSP: findings recorded in the nearest .brief-baseline.json are not
 * published (push, pull and workspace diagnostics); new ones are; a changed
 * baseline applies after didChangeWatchedFiles.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {TestClient} from './harness.js';
import {ServerBaselines} from '../../server/src/baseline.js';
import {FERRY, tempDir, fileUri} from './fixtures.js';
import {lintText} from '../../core/src/index.js';
import {entriesFor, filterByBaseline, fingerprintFinding, serializeBaseline} from '../../core/src/baseline.js';

function printed(text: string) {
  const {doc, findings} = lintText(text);
  return findings.map((f) => ({ruleId: f.ruleId, message: f.message, start: f.start, fingerprint: fingerprintFinding(doc, f)}));
}

/** A baseline recording every finding of `text` for `name`. */
function baselineFor(name: string, text: string): string {
  return serializeBaseline({version: 1, files: {[name]: entriesFor(printed(text))}});
}

/** The findings of `text` that a baseline of `base` does not record (rule ids, sorted). */
function newFindings(base: string, text: string): string[] {
  return filterByBaseline(printed(text), entriesFor(printed(base))).kept.map((f) => f.ruleId).sort();
}

const NEW_JUDGEMENT = `## Key Judgement 3

Harbour fees could possibly rise again next year.

- The port authority is consulting on fees.[^crews]

## Sources`;

describe('baselines over stdio (push)', () => {
  const dir = tempDir('brief-lsp-baseline-');
  mkdirSync(join(dir, '.git'));
  const client = new TestClient({rootUri: fileUri(dir)});
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  test('a baselined finding is not published; a new one is; an emptied baseline shows everything again', async () => {
    const all = lintText(FERRY).findings;
    assert.ok(all.length >= 3, 'the fixture has findings to hide');
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('reports/ferry.brief.md', FERRY));
    const uri = fileUri(join(dir, 'reports', 'ferry.brief.md'));
    assert.deepEqual(await client.openAndWait(uri, FERRY), []);

    // A new defect below the old ones: only it is published.
    const edited = FERRY.replace('## Sources', NEW_JUDGEMENT);
    const endLine = FERRY.split('\n').length - 1;
    const diags = await client.changeAndWait(uri, [{range: {start: {line: 0, character: 0}, end: {line: endLine, character: 0}}, text: edited}]);
    assert.ok(diags.length > 0, 'the new hedge is reported');
    const kj3 = edited.slice(0, edited.indexOf('## Key Judgement 3')).split('\n').length - 1;
    for (const d of diags) assert.ok(d.range.start.line >= kj3, `${d.code} at line ${d.range.start.line} is in the new judgement`);
    assert.deepEqual(diags.map((d) => String(d.code)).sort(), newFindings(FERRY, edited));
    assert.ok(diags.some((d) => d.code === 'stacked-hedge'));

    // The baseline loses its entries: after the change notice, every finding is published.
    writeFileSync(join(dir, '.brief-baseline.json'), '{"version": 1, "files": {}}\n');
    await client.watchedFilesChanged([fileUri(join(dir, '.brief-baseline.json'))]);
    const everything = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > diags.length);
    assert.equal(everything.diagnostics.length, lintText(edited).findings.length);
  });

  test('a broken baseline hides nothing and is reported once in the log', async () => {
    const sub = join(dir, 'broken');
    mkdirSync(sub);
    writeFileSync(join(sub, '.brief-baseline.json'), '{"version": 1, "files": ');
    const uri = fileUri(join(sub, 'ferry.brief.md'));
    const diags = await client.openAndWait(uri, FERRY);
    assert.equal(diags.length, lintText(FERRY).findings.length);
    const logged = await client.waitForNotification<{message: string}>('window/logMessage', (p) => /baseline/.test(p.message));
    assert.match(logged.message, /Not valid JSON/);
  });
});

describe('baselines over stdio (pull and workspace diagnostics)', () => {
  const dir = tempDir('brief-lsp-baseline-pull-');
  mkdirSync(join(dir, '.git'));
  const client = new TestClient({rootUri: fileUri(dir), pull: true});
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  test('document and workspace pulls leave baselined findings out', async () => {
    const edited = FERRY.replace('## Sources', NEW_JUDGEMENT);
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('ferry.brief.md', FERRY));
    writeFileSync(join(dir, 'ferry.brief.md'), edited);
    const expected = newFindings(FERRY, edited);
    assert.ok(expected.includes('stacked-hedge'), JSON.stringify(expected));

    const report = await client.workspaceDiagnostics();
    const item = report.items.find((i) => i.uri === fileUri(join(dir, 'ferry.brief.md')));
    assert.ok(item && item.kind === 'full');
    assert.deepEqual(item.items.map((d) => String(d.code)).sort(), expected);

    const uri = fileUri(join(dir, 'open.brief.md'));
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('open.brief.md', FERRY));
    await client.open(uri, FERRY);
    assert.deepEqual(await client.pullItems(uri), []);
  });
});

describe('the server looks for baseline files at most once a second per folder', () => {
  const dir = tempDir('brief-baseline-lookup-');
  mkdirSync(join(dir, '.git'));
  after(() => rmSync(dir, {recursive: true, force: true}));

  test('a new baseline applies after forget() or the time limit; an edited or deleted one at once', () => {
    let clock = 0;
    const warnings: string[] = [];
    const baselines = new ServerBaselines((m) => warnings.push(m), 1000, () => clock);
    const file = join(dir, 'ferry.brief.md');
    const uri = fileUri(file);
    const {doc, findings} = lintText(FERRY);
    const shown = () => baselines.filterFindings(uri, doc, findings).length;
    assert.equal(shown(), findings.length, 'no baseline yet');

    // Created between two keystrokes: the folder's lookup stands until forget() or a second has passed.
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('ferry.brief.md', FERRY));
    clock = 999;
    assert.equal(shown(), findings.length, 'the lookup made at 0 ms still stands');
    baselines.forget();
    assert.equal(shown(), 0, 'looked again after forget()');

    // The file found is checked on every use: emptied, then deleted, it stops hiding findings at once.
    writeFileSync(join(dir, '.brief-baseline.json'), '{"version": 1, "files": {}}\n');
    assert.equal(shown(), findings.length, 'an emptied baseline hides nothing');
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('ferry.brief.md', FERRY));
    assert.equal(shown(), 0);
    rmSync(join(dir, '.brief-baseline.json'));
    assert.equal(shown(), findings.length, 'a deleted baseline hides nothing');

    // Without forget(): the time limit.
    baselines.forget();
    assert.equal(shown(), findings.length);
    writeFileSync(join(dir, '.brief-baseline.json'), baselineFor('ferry.brief.md', FERRY));
    clock += 500;
    assert.equal(shown(), findings.length);
    clock += 600;
    assert.equal(shown(), 0, 'looked again once the second had passed');
    assert.deepEqual(warnings, []);
  });
});
