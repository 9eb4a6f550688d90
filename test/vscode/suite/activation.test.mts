import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {EXTENSION_ID, briefApi, closeAllEditors, fixture, open, waitFor, waitForStatus} from './helpers.mjs';

suite('Activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension activates in a workspace that contains briefs, before any brief is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.languageId === 'brief'),
      'no brief is open yet (this test runs first)',
    );
    // activationEvents: workspaceContains:**/*.brief.md (found by VS Code's file search).
    await waitFor('the extension to activate', () => ext.isActive, {events: [vscode.extensions.onDidChange], pollMs: 50});
    const api = await briefApi();
    assert.ok(api.client()?.isRunning(), 'the language client is running');
  });

  test('a .brief.md file opens as language "brief"', async () => {
    const editor = await open(fixture('ferry-service.brief.md'));
    assert.equal(editor.document.languageId, 'brief');
    const notes = await vscode.workspace.openTextDocument(fixture('notes.md'));
    assert.equal(notes.languageId, 'markdown', 'other Markdown files stay Markdown');
  });

  test("the server reports the brief's scale and the workspace's .briefrc.yaml", async () => {
    const api = await briefApi();
    const editor = await open(fixture('ferry-service.brief.md'));
    const status = await waitForStatus(api, editor.document);
    assert.equal(status.scale, 'phia');
    assert.equal(status.scaleOrigin, 'front-matter');
    assert.deepEqual(status.counts, {error: 0, warning: 0, info: 0, hint: 0}, 'the ferry brief is clean');
    assert.ok(
      status.configFiles.some((f) => f.replace(/\\/g, '/').endsWith('/.briefrc.yaml')),
      `the fixture's .briefrc.yaml is in effect (got ${JSON.stringify(status.configFiles)})`,
    );
  });
});
