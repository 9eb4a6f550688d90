/**
 * The language server dies (here: SIGKILL to its process) and the extension recovers:
 * the client restarts it, the user is told, and diagnostics come back. If it keeps
 * dying, the extension stops restarting it, says so with a "Restart Server" action,
 * and the Restart Language Server command brings it back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {briefApi, closeAllEditors, codeOf, open, rangeOf, replace, scratch, waitFor, waitForDiagnostics, waitForStatus, type BriefApi} from './helpers.mjs';

/** The parts of the extension's API (client/src/extension.ts) that recovery needs. */
interface RecoveryApi extends BriefApi {
  serverPid(): number | undefined;
  serverStops(): ReadonlyArray<{at: number; restarted: boolean; message: string}>;
}

async function recoveryApi(): Promise<RecoveryApi> {
  const api = (await briefApi()) as RecoveryApi;
  assert.equal(typeof api.serverPid, 'function', 'the API exposes the server process id');
  return api;
}

/**
 * Waits for a running server — started and initialised: a process killed during its
 * handshake is a failed start, not a crash of a running server — kills its process, and
 * returns the pid that was killed.
 */
async function killServer(api: RecoveryApi): Promise<number> {
  const pid = await waitFor('a running language server', () => (api.client()?.isRunning() ? api.serverPid() : undefined), {pollMs: 50, timeoutMs: 30_000});
  process.kill(pid, 'SIGKILL');
  return pid;
}

function newServer(api: RecoveryApi, killed: number): Promise<number> {
  return waitFor(
    `a new language server process (the old one was ${killed})`,
    () => {
      const pid = api.serverPid();
      return pid !== undefined && pid !== killed ? pid : undefined;
    },
    {pollMs: 50, timeoutMs: 30_000, describe: () => `pid ${api.serverPid()}, stops ${JSON.stringify(api.serverStops())}`},
  );
}

/** Types an off-scale term into the ferry brief and waits for the finding: proof that the (new) server checks edits. */
async function offScaleAfterEdit(editor: vscode.TextEditor): Promise<void> {
  const uri = editor.document.uri;
  await replace(editor.document, rangeOf(editor.document, 'highly likely', 'The ferry operator is highly likely'), 'very likely');
  const ds = await waitForDiagnostics(uri, 'term-off-scale after the edit', (d) => d.some((x) => codeOf(x) === 'term-off-scale'), 30_000);
  const d = ds.find((x) => codeOf(x) === 'term-off-scale')!;
  assert.equal(editor.document.getText(d.range), 'very likely');
}

suite('Server recovery', () => {
  teardown(closeAllEditors);
  // Leave a running server for the suites after this one, whatever happened here.
  suiteTeardown(async () => {
    const api = await recoveryApi();
    if (!api.client()?.isRunning()) {
      await vscode.commands.executeCommand('brief.restartServer');
      await waitFor('the server to run again', () => (api.client()?.isRunning() ? true : undefined), {pollMs: 50, timeoutMs: 30_000});
    }
  });

  test('a killed server is restarted, the user is told, and diagnostics come back', async function () {
    this.timeout(90_000);
    const api = await recoveryApi();
    const weather = await scratch('weather-station.brief.md');
    await open(weather, vscode.ViewColumn.Two);
    await waitForDiagnostics(weather, 'the five findings before the crash', (ds) => ds.length >= 5);
    const editor = await open(await scratch('ferry-service.brief.md'));
    await waitForStatus(api, editor.document);

    const stopsBefore = api.serverStops().length;
    const killed = await killServer(api);
    const pid = await newServer(api, killed);
    assert.notEqual(pid, killed);

    const stops = api.serverStops().slice(stopsBefore);
    assert.equal(stops.length, 1, 'one unexpected stop recorded');
    assert.equal(stops[0].restarted, true);
    assert.match(stops[0].message, /language server stopped unexpectedly and has been restarted/);

    // The restarted server has the open documents again and checks them.
    await waitForDiagnostics(weather, 'the five findings after the restart', (ds) => ds.length >= 5, 30_000);
    await offScaleAfterEdit(editor);
  });

  test('a server that keeps dying is left stopped with a message; Restart Language Server brings it back', async function () {
    this.timeout(180_000);
    const api = await recoveryApi();
    const editor = await open(await scratch('ferry-service.brief.md'));
    await waitForStatus(api, editor.document);

    const stopsBefore = api.serverStops().length;
    // Kill it until the extension gives up (at most MAX_RESTARTS + 1 kills within the window).
    let gaveUp = false;
    for (let i = 0; i < 6 && !gaveUp; i++) {
      const killed = await killServer(api);
      await waitFor('the extension to handle the stop', () => api.serverStops().length > stopsBefore + i, {pollMs: 50, timeoutMs: 30_000});
      const last = api.serverStops()[api.serverStops().length - 1];
      if (!last.restarted) gaveUp = true;
      else await newServer(api, killed);
    }
    assert.ok(gaveUp, `the extension stopped restarting the server: ${JSON.stringify(api.serverStops())}`);
    const last = api.serverStops()[api.serverStops().length - 1];
    assert.match(last.message, /stopped \d+ times in 3 minutes, so it was not restarted/);
    assert.equal(api.serverPid(), undefined, 'no server is running');
    assert.equal(api.client()?.isRunning(), false);

    // The command the message offers.
    await vscode.commands.executeCommand('brief.restartServer');
    await waitFor('the server to run again', () => api.serverPid(), {pollMs: 50, timeoutMs: 30_000});
    await offScaleAfterEdit(editor);
  });
});
