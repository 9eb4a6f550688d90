import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {briefApi, closeAllEditors, codeOf, open, rangeOf, readText, replace, scratch, waitForDiagnostics, waitForStatus} from './helpers.mjs';

/**
 * Settings written by update() reach the workbench asynchronously; a save before then runs
 * no code actions. Wait until the extension host sees the value (the workbench has it first).
 */
async function settingApplied(uri: vscode.Uri): Promise<void> {
  const has = () => !!vscode.workspace.getConfiguration('editor', uri).get<Record<string, string>>('codeActionsOnSave')?.['source.fixAll.brief'];
  if (has()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (sub.dispose(), reject(new Error('editor.codeActionsOnSave never took effect'))), 10000);
    const sub = vscode.workspace.onDidChangeConfiguration(() => {
      if (!has()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

suite('Fix all', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('editor.codeActionsOnSave with source.fixAll.brief fixes the safe findings when saving', async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', {'source.fixAll.brief': 'explicit'}, vscode.ConfigurationTarget.Workspace);
    const uri = await scratch('weather-station.brief.md');
    await settingApplied(uri);
    const editor = await open(uri);
    const {document} = editor;
    const original = document.getText();
    await waitForDiagnostics(uri, 'two term-off-scale findings', (ds) => ds.filter((d) => codeOf(d) === 'term-off-scale').length === 2);

    // An ordinary edit by the analyst, then Save (the command bound to Ctrl+S).
    await replace(document, rangeOf(document, 'headland'), 'headland site');
    await vscode.commands.executeCommand('workbench.action.files.save');

    const expected = original.replace('headland', 'headland site').replaceAll('very likely', 'highly likely');
    assert.equal(document.getText(), expected, 'both "very likely" became "highly likely"; nothing else changed');
    assert.equal(document.isDirty, false, 'the fixed text is what was saved');
    assert.equal(await readText(uri), expected, 'the file on disk has the fixes');
    const after = await waitForDiagnostics(uri, 'no term-off-scale after fix-all', (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'term-off-scale'));
    // Findings without a safe fix stay for the analyst to resolve.
    assert.deepEqual(after.map(codeOf).sort(), ['judgement-no-timeframe', 'source-unused', 'vague-hedge']);
  });

  test('the "Fix All Auto-fixable Problems" command applies the same fixes without saving', async () => {
    const uri = await scratch('weather-station.brief.md');
    const {document} = await open(uri);
    const original = document.getText();
    await waitForStatus(await briefApi(), document);
    await vscode.commands.executeCommand('brief.fixAll');
    assert.equal(document.getText(), original.replaceAll('very likely', 'highly likely'));
    assert.equal(document.isDirty, true);
  });
});
