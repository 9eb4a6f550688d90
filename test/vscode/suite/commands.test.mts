import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {briefApi, briefDiagnostics, closeAllEditors, codeOf, fixture, open, rangeOf, replace, scratch, waitFor, waitForDiagnostics, waitForStatus} from './helpers.mjs';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('brief.preview'));
}

suite('Commands', () => {
  teardown(closeAllEditors);

  test('"Open Preview to the Side" opens the brief preview webview beside the editor', async () => {
    const editor = await open(fixture('ferry-service.brief.md'));
    await waitForStatus(await briefApi(), editor.document);
    assert.deepEqual(previewTabs(), [], 'no preview before the command');
    await vscode.commands.executeCommand('brief.showPreviewToSide');
    // The panel is titled after the brief once the server has answered brief/judgements.
    const [tab] = await waitFor(
      'a brief.preview webview tab titled after the brief',
      () => {
        const tabs = previewTabs();
        return tabs.length === 1 && tabs[0].label.includes('ferry-service.brief.md') ? tabs : undefined;
      },
      {events: [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups], describe: () => JSON.stringify(vscode.window.tabGroups.all.map((g) => g.tabs.map((t) => t.label)))},
    );
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the brief, not over it');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the brief keeps the focus');

    // Running it again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('brief.showPreviewToSide');
    assert.equal(previewTabs().length, 1);
  });

  test('the preview shows the brief and updates after an edit', async () => {
    const api = await briefApi();
    const uri = await scratch('ferry-service.brief.md');
    const editor = await open(uri);
    const shown: Array<{uri: string; version: number; items?: {parsed: number; moved: number; kept: number}}> = [];
    const sub = api.onDidRenderPreview((e) => shown.push(e));
    try {
      await vscode.commands.executeCommand('brief.showPreviewToSide');
      const key = editor.document.uri.toString();
      await waitFor('the preview shows the opened version', () => shown.find((e) => e.uri === key && e.version === editor.document.version), {
        events: [api.onDidRenderPreview],
        describe: () => JSON.stringify(shown),
      });
      await replace(editor.document, rangeOf(editor.document, 'hull repairs'), 'hull and engine repairs');
      await vscode.window.showTextDocument(editor.document, {viewColumn: editor.viewColumn});
      const edited = editor.document.version;
      await waitFor('the preview shows the edited version', () => shown.find((e) => e.uri === key && e.version === edited), {
        events: [api.onDidRenderPreview],
        describe: () => `want ${edited}, shown ${JSON.stringify(shown)}`,
      });
      // A line added near the top: the sections below move in the page instead of being parsed again.
      await replace(editor.document, rangeOf(editor.document, '## Summary'), '\n## Summary');
      await vscode.window.showTextDocument(editor.document, {viewColumn: editor.viewColumn});
      const entered = editor.document.version;
      const after = await waitFor('the preview shows the version with the added line', () => shown.find((e) => e.uri === key && e.version === entered), {
        events: [api.onDidRenderPreview],
        describe: () => `want ${entered}, shown ${JSON.stringify(shown)}`,
      });
      assert.ok(after.items && after.items.moved > 0, `sections moved in place: ${JSON.stringify(after)}`);
    } finally {
      sub.dispose();
    }
  });

  test('"New Brief" opens an untitled brief from the template', async () => {
    await vscode.commands.executeCommand('brief.newBrief');
    const editor = await waitFor('an untitled brief editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.isUntitled && e.document.languageId === 'brief' && e.document.getText().includes('## Sources') ? e : undefined;
    }, {events: [vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidChangeTextDocument]});
    const text = editor.document.getText();
    assert.match(text, /^---\ntitle: \S/, `front matter first:\n${text}`);
    assert.match(text, /^## Key Judgement 1$/m);
    assert.match(text, /^scale: phia$/m, 'the first scale of the choice');
    assert.ok(!text.includes('${'), `every snippet variable is resolved:\n${text}`);
  });

  test('"Treat This Markdown File as a Brief" lints a plain .md file', async () => {
    const uri = fixture('notes.md');
    const {document} = await open(uri);
    assert.equal(document.languageId, 'markdown');
    assert.deepEqual(briefDiagnostics(uri), [], 'plain Markdown is not linted');
    await vscode.commands.executeCommand('brief.treatAsBrief');
    await waitFor('notes.md to become a brief', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'brief'), {
      events: [vscode.workspace.onDidOpenTextDocument],
    });
    const diagnostics = await waitForDiagnostics(uri, 'the findings of notes.md', (ds) => ds.some((d) => codeOf(d) === 'term-off-scale'));
    assert.deepEqual(diagnostics.map(codeOf).sort(), ['required-sections', 'term-off-scale']);
  });

  test('"Restart Language Server" brings the server back and linting goes on', async () => {
    const api = await briefApi();
    const uri = await scratch('ferry-service.brief.md');
    const {document} = await open(uri);
    await waitForStatus(api, document);
    await vscode.commands.executeCommand('brief.restartServer');
    assert.ok(api.client()?.isRunning(), 'the client runs again once the command returns');
    await replace(document, rangeOf(document, 'highly likely', 'The ferry operator is highly likely'), 'very likely');
    await waitForDiagnostics(uri, 'term-off-scale from the restarted server', (ds) => ds.some((d) => codeOf(d) === 'term-off-scale'));
  });
});
