/**
 * Helpers of the extension tests. They use only the `vscode` API, so the suite runs the
 * same under any runner (VS Code Server in a browser, or desktop VS Code through
 * @vscode/test-electron). Waiting is always on an event or a state check, never a fixed sleep.
 */
import type {StatusParams as BriefStatus} from '../../../server/src/protocol.js';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'brief-studio.brief-studio';

/** What the extension's activate() returns (client/src/extension.ts: BriefApi). */
export type {BriefStatus};

export interface BriefApi {
  client(): {isRunning(): boolean} | undefined;
  status(uri: string): BriefStatus | undefined;
  onDidRenderPreview: vscode.Event<{uri: string; version: number}>;
}


const DEFAULT_TIMEOUT = 20_000;

/**
 * Resolves with the first truthy value of `probe`, checked now and after each firing of
 * `events`. `pollMs` adds a periodic re-check for state that has no event (the
 * extension's status map). Rejects after `timeoutMs` with `what` and the last value seen.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: {events?: vscode.Event<unknown>[]; pollMs?: number; timeoutMs?: number; describe?: () => string} = {},
): Promise<T> {
  const {events = [], pollMs, timeoutMs = DEFAULT_TIMEOUT, describe} = options;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    let running = false;
    let again = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (interval) clearInterval(interval);
      for (const s of subscriptions) s.dispose();
      fn();
    };
    const check = async () => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await probe();
          if (value) return finish(() => resolve(value as T));
        } while (again && !done);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`)));
    }, timeoutMs);
    const interval = pollMs ? setInterval(() => void check(), pollMs) : undefined;
    for (const e of events) subscriptions.push(e(() => void check()));
    void check();
  });
}

/** The extension's API, activating it if needed. */
export async function briefApi(): Promise<BriefApi> {
  const ext = vscode.extensions.getExtension<BriefApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await ext.activate();
  assert.ok(api && typeof api.status === 'function', 'activate() returns the Brief API');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the fixture workspace open (see test/vscode/README.md)');
  return folder.uri;
}

export function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

let scratchCount = 0;

/**
 * A fresh copy of a fixture in the workspace's scratch/ folder, for tests that edit or
 * save: fixtures stay as they are and tests do not see each other's edits.
 */
export async function scratch(name: string, transform: (text: string) => string = (t) => t): Promise<vscode.Uri> {
  const text = transform(await readText(fixture(name)));
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${++scratchCount}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function open(uri: vscode.Uri, column: vscode.ViewColumn = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, {viewColumn: column, preview: false});
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function briefDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'brief' && (code === undefined || codeOf(d) === code));
}

function summary(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} (${d.source})`).join(', ') : 'no diagnostics';
}

/** Waits until the brief diagnostics of `uri` satisfy `ok`, re-checking on each diagnostics change. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ok: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} on ${uri.path.split('/').pop()}`,
    () => {
      const diagnostics = briefDiagnostics(uri);
      return ok(diagnostics) ? diagnostics : undefined;
    },
    {events: [vscode.languages.onDidChangeDiagnostics], timeoutMs, describe: () => summary(uri)},
  );
}

/**
 * The server's status for the current version of `doc` (sent after each analysis).
 * The extension keeps the latest one per URI and has no event for it, so this re-checks
 * on document and diagnostics changes and every 50 ms.
 */
export function waitForStatus(api: BriefApi, doc: vscode.TextDocument): Promise<BriefStatus> {
  const uri = doc.uri.toString();
  return waitFor(
    `the server's status of ${doc.uri.path.split('/').pop()} v${doc.version}`,
    () => {
      const s = api.status(uri);
      return s && s.version === doc.version ? s : undefined;
    },
    {
      events: [vscode.languages.onDidChangeDiagnostics, vscode.workspace.onDidChangeTextDocument],
      pollMs: 50,
      describe: () => JSON.stringify(api.status(uri) ?? null),
    },
  );
}

/** The range of the `occurrence`-th (0-based) match of `needle` on the first line containing `lineContaining`. */
export function rangeOf(doc: vscode.TextDocument, needle: string, lineContaining = needle, occurrence = 0): vscode.Range {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.includes(lineContaining)) continue;
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) break;
    }
    assert.ok(at >= 0, `"${needle}" occurs ${occurrence + 1} times on line ${line + 1} of ${doc.uri.path}`);
    return new vscode.Range(line, at, line, at + needle.length);
  }
  assert.fail(`no line of ${doc.uri.path} contains "${lineContaining}"`);
}

export async function replace(doc: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** Closes every editor without saving, so that no "save changes?" dialog can block the run. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc, {preview: false});
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Text of a hover's contents, whatever shape each part has. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export function flattenSymbols(symbols: Array<vscode.DocumentSymbol | vscode.SymbolInformation>): Array<{name: string; detail: string; depth: number}> {
  const out: Array<{name: string; detail: string; depth: number}> = [];
  const walk = (list: Array<vscode.DocumentSymbol | vscode.SymbolInformation>, depth: number) => {
    for (const s of list) {
      out.push({name: s.name, detail: 'detail' in s ? s.detail : '', depth});
      if ('children' in s) walk(s.children, depth + 1);
    }
  };
  walk(symbols, 0);
  return out;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** JSON with comments and trailing commas (VS Code's .code-snippets, settings): comments outside strings and trailing commas removed, then JSON.parse. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      // a trailing comma (comments between it and the bracket are not handled)
    } else {
      out += c;
    }
  }
  return JSON.parse(out);
}
