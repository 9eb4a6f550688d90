/**
 * Configuration over LSP: .briefrc.yaml found from each document (as the CLI does),
 * errors shown in the config file itself, re-read on workspace/didChangeWatchedFiles,
 * client settings under the team's file, and multi-root workspaces with one config each.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DiagnosticSeverity} from 'vscode-languageserver-protocol/node';
import {TestClient} from './harness.js';
import {FERRY, expected, actual, tempDir, fileUri} from './fixtures.js';
import {loadConfig} from '../../core/src/index.js';
import {fsConfigHost} from '../../cli/src/host.js';
import type {StatusParams} from '../../server/src/protocol.js';

/** FERRY without a scale in its front matter (so the config's scale applies), and with a PHIA-only term. */
const NO_SCALE = FERRY.replace('scale: phia\n', '').replace('very likely', 'highly likely');

function configured(path: string, text: string) {
  return expected(text, loadConfig(fsConfigHost, {filePath: path}).config);
}

const statusFor = (uri: string, version = 1) => (s: StatusParams) => s.uri === uri && s.version === version;

describe('configuration over stdio', () => {
  const dir = tempDir('brief-lsp-config-');
  const client = new TestClient({rootUri: fileUri(dir)});
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  test('.briefrc.yaml scale and rule levels change the findings, as in the CLI', async () => {
    const sub = join(dir, 'scaled');
    mkdirSync(sub);
    writeFileSync(join(sub, '.briefrc.yaml'), 'scale: icd203\nrules:\n  term-off-scale: error\n  uncited-claim: "off"\n');
    const path = join(sub, 'a.brief.md');
    const uri = fileUri(path);
    const diags = await client.openAndWait(uri, NO_SCALE);
    assert.deepEqual(actual(diags), configured(path, NO_SCALE));
    const off = diags.find((d) => d.code === 'term-off-scale');
    assert.ok(off, '‘highly likely’ is off the ICD 203 scale the config names');
    assert.equal(off.severity, DiagnosticSeverity.Error, 'the level the config sets');
    assert.ok(!diags.some((d) => d.code === 'uncited-claim'), 'a rule the config turns off');
    const status = await client.waitForNotification<StatusParams>('brief/status', statusFor(uri));
    assert.equal(status.scale, 'icd203');
    assert.equal(status.scaleOrigin, 'config');
    assert.deepEqual(status.configFiles, [join(sub, '.briefrc.yaml')]);

    // The same text with no config file: the PHIA default, where ‘highly likely’ is on the scale.
    const plainPath = join(dir, 'plain.brief.md');
    const plain = await client.openAndWait(fileUri(plainPath), NO_SCALE);
    assert.ok(!plain.some((d) => d.code === 'term-off-scale'));
    assert.ok(plain.some((d) => d.code === 'uncited-claim'));
    assert.deepEqual(actual(plain), configured(plainPath, NO_SCALE));
  });

  test('an invalid .briefrc.yaml gets diagnostics in the config file; fixing it clears them and updates the brief', async () => {
    const sub = join(dir, 'broken');
    mkdirSync(sub);
    const rc = join(sub, '.briefrc.yaml');
    const rcUri = fileUri(rc);
    writeFileSync(rc, '# team settings\nscale: icd203\nrules:\n  term-off-scale: loud\n');
    const uri = fileUri(join(sub, 'b.brief.md'));
    const diags = await client.openAndWait(uri, NO_SCALE);
    const configDiag = await client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length > 0);
    assert.equal(configDiag.diagnostics.length, 1, JSON.stringify(configDiag.diagnostics));
    const cd = configDiag.diagnostics[0];
    assert.equal(cd.severity, DiagnosticSeverity.Error);
    assert.equal(cd.range.start.line, 3, 'on the line of the bad level (0-based line 3)');
    assert.equal(cd.range.start.character, '  term-off-scale: '.length, 'starting at the bad value');
    assert.match(String(cd.message), /loud/);
    assert.equal(cd.source, 'brief');
    // The user is told once, in a message that points to the Problems panel.
    const told = client.notifications.filter((n) => n.method === 'window/showMessage' && String((n.params as {message: string}).message).includes(rc));
    assert.equal(told.length, 1, JSON.stringify(client.notifications.filter((n) => n.method === 'window/showMessage')));
    assert.match((told[0].params as {message: string}).message, /1 problem; the rest of the configuration still applies/);
    // The valid rest of the file still applies: ICD 203, with the rule at its default level.
    const off = diags.find((d) => d.code === 'term-off-scale');
    assert.ok(off);
    assert.equal(off.severity, DiagnosticSeverity.Warning);

    // Fix the file and tell the server: the config diagnostics clear, the brief's update.
    writeFileSync(rc, '# team settings\nscale: icd203\nrules:\n  term-off-scale: error\n');
    await client.watchedFilesChanged([rcUri]);
    await client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length === 0);
    // (Wait on content, not on "the next publish": one from before the change may still be on its way.)
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.find((d) => d.code === 'term-off-scale')?.severity === DiagnosticSeverity.Error);

    // A YAML error (a duplicate key): reported at its line; then fixed again.
    writeFileSync(rc, 'rules:\n  term-off-scale: error\nscale: icd203\nscale: phia\n');
    await client.watchedFilesChanged([rcUri]);
    const syntax = await client.waitForDiagnostics(rcUri, (p) => p.diagnostics.some((d) => /YAML/i.test(String(d.message))));
    assert.ok(syntax.diagnostics.some((d) => d.range.start.line === 3), JSON.stringify(syntax.diagnostics));
    writeFileSync(rc, 'rules:\n  term-off-scale: error\nscale: icd203\n');
    const m = client.published(rcUri).length;
    await client.watchedFilesChanged([rcUri]);
    await client.waitForDiagnostics(rcUri, (p) => client.published(rcUri).indexOf(p) >= m && p.diagnostics.length === 0);
  });

  test('a config file created next to an open brief applies after didChangeWatchedFiles', async () => {
    const sub = join(dir, 'created');
    mkdirSync(sub);
    const uri = fileUri(join(sub, 'c.brief.md'));
    const diags = await client.openAndWait(uri, NO_SCALE);
    assert.ok(diags.some((d) => d.code === 'uncited-claim'));
    const rc = join(sub, '.briefrc.yaml');
    writeFileSync(rc, 'rules:\n  uncited-claim: "off"\n');
    await client.watchedFilesChanged([fileUri(rc)], 1 /* Created */);
    const updated = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'uncited-claim'));
    assert.ok(updated.diagnostics.some((d) => d.code === 'vague-hedge'), 'the other findings stay');
  });
});

describe('multi-root workspace over stdio', () => {
  const a = tempDir('brief-lsp-root-a-');
  const b = tempDir('brief-lsp-root-b-');
  writeFileSync(join(a, '.briefrc.yaml'), 'scale: icd203\nrules:\n  term-off-scale: error\n');
  writeFileSync(join(b, '.briefrc.yaml'), 'rules:\n  stacked-hedge: "off"\n');
  const client = new TestClient({
    workspaceFolders: [
      {uri: fileUri(a), name: 'a'},
      {uri: fileUri(b), name: 'b'},
    ],
    // Client settings per folder; they apply under each folder's .briefrc.yaml.
    settings: (scopeUri) => (scopeUri?.startsWith(fileUri(a) + '/') ? {rules: {'term-off-scale': 'off', 'vague-hedge': 'off'}} : {debounceMs: 0}),
  });
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    for (const d of [a, b]) rmSync(d, {recursive: true, force: true});
  });

  test('each folder uses its own .briefrc.yaml and its own client settings', async () => {
    const ua = fileUri(join(a, 'same.brief.md'));
    const ub = fileUri(join(b, 'same.brief.md'));
    const [da, db] = await Promise.all([client.openAndWait(ua, NO_SCALE), client.openAndWait(ub, NO_SCALE)]);
    // Folder a: ICD 203 and term-off-scale at error (the team's file beats the client's "off"); vague-hedge off by client setting.
    assert.equal(da.find((d) => d.code === 'term-off-scale')?.severity, DiagnosticSeverity.Error, JSON.stringify(da.map((d) => d.code)));
    assert.ok(!da.some((d) => d.code === 'vague-hedge'));
    assert.ok(da.some((d) => d.code === 'stacked-hedge'));
    // Folder b: PHIA default, stacked-hedge off by its config.
    assert.ok(!db.some((d) => d.code === 'term-off-scale'));
    assert.ok(db.some((d) => d.code === 'vague-hedge'));
    assert.ok(!db.some((d) => d.code === 'stacked-hedge'));
    const [sa, sb] = await Promise.all([
      client.waitForNotification<StatusParams>('brief/status', statusFor(ua)),
      client.waitForNotification<StatusParams>('brief/status', statusFor(ub)),
    ]);
    assert.equal(sa.scale, 'icd203');
    assert.equal(sb.scale, 'phia');
    assert.deepEqual(sb.configFiles, [join(b, '.briefrc.yaml')]);
    // Settings were asked for per document, not once for the server.
    const scopes = client.configurationRequests.map((r) => r.scopeUri);
    assert.ok(scopes.includes(ua) && scopes.includes(ub), JSON.stringify(scopes));
  });

  test('front-matter scale beats the folder config', async () => {
    const uri = fileUri(join(a, 'phia.brief.md'));
    const text = FERRY.replace('very likely', 'highly likely');
    const diags = await client.openAndWait(uri, text);
    assert.ok(!diags.some((d) => d.code === 'term-off-scale'), '‘highly likely’ is on the PHIA scale the front matter names');
    const s = await client.waitForNotification<StatusParams>('brief/status', statusFor(uri));
    assert.equal(s.scale, 'phia');
    assert.equal(s.scaleOrigin, 'front-matter');
  });
});
