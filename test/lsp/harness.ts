/**
 * A real LSP client for tests: spawns the built server over stdio (or Node IPC, as VS Code's
 * client starts it) and speaks the protocol to it with vscode-languageserver-protocol.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  FileChangeType,
  type CodeAction,
  type Command,
  type DocumentDiagnosticReport,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceDiagnosticReport,
  type WorkspaceFolder,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = resolve(import.meta.dirname, '..', '..', 'server', 'src', 'main.js');

export interface ClientOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic). Default: push only. */
  pull?: boolean;
  /** Answer workspace/configuration with these `brief` settings (per scopeUri if a function). */
  settings?: Record<string, unknown> | ((scopeUri?: string) => Record<string, unknown>);
  rootUri?: string | null;
  /** Workspace folders to announce (default: one folder for rootUri, if given). */
  workspaceFolders?: WorkspaceFolder[];
  initializationOptions?: unknown;
  /** Advertise codeAction/resolve for edits (as VS Code does): the server may then offer actions without their edits. */
  resolveCodeActions?: boolean;
  /** Node options and environment for the server process (the benchmarks add --expose-gc and a memory probe). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** How the server is reached: stdio (other editors; the default) or Node IPC (`--node-ipc`, as VS Code's client does). */
  transport?: 'stdio' | 'ipc';
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<{uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void}> = [];
  readonly notifications: Array<{method: string; params: unknown}> = [];
  private notificationWaiters: Array<{method: string; predicate: (params: any) => boolean; resolve: (params: any) => void}> = [];
  /** Every workspace/configuration item the server asked for (scopeUri, section). */
  readonly configurationRequests: Array<{scopeUri?: string; section?: string}> = [];
  stderr = '';
  private versions = new Map<string, number>();

  constructor(readonly options: ClientOptions = {}) {
    const ipc = options.transport === 'ipc';
    this.process = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, ipc ? '--node-ipc' : '--stdio'], {stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env});
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = ipc
      ? createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.predicate(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    for (const method of ['brief/status', 'window/logMessage', 'window/showMessage']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({method, params});
        this.notificationWaiters = this.notificationWaiters.filter((w) => {
          if (w.method === method && w.predicate(params)) {
            w.resolve(params);
            return false;
          }
          return true;
        });
      });
    }
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push({scopeUri: item.scopeUri, section: item.section});
        const s = this.options.settings;
        return typeof s === 'function' ? s(item.scopeUri) : (s ?? {});
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize() {
    const capabilities: ClientCapabilities = {
      workspace: {configuration: true, workspaceFolders: true, diagnostics: {refreshSupport: true}},
      textDocument: {
        synchronization: {didSave: true, dynamicRegistration: false},
        publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: {valueSet: [1, 2]}},
        codeAction: {
          codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source.fixAll', 'source.fixAll.brief']}},
          isPreferredSupport: true,
          ...(this.options.resolveCodeActions ? {dataSupport: true, resolveSupport: {properties: ['edit']}} : {}),
        },
        ...(this.options.pull ? {diagnostic: {dynamicRegistration: false, relatedDocumentSupport: false}} : {}),
      },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      workspaceFolders: this.options.workspaceFolders ?? (this.options.rootUri ? [{uri: this.options.rootUri, name: 'root'}] : null),
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, languageId = 'brief') {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version: 1, text}});
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: changes}).then(() => version);
  }

  close(uri: string) {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri}});
  }

  save(uri: string) {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, {textDocument: {uri}});
  }

  /** The version the client last sent for `uri`. */
  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** Every publishDiagnostics received for `uri`, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Opens `text` and resolves with its first published diagnostics (push clients). */
  async openAndWait(uri: string, text: string, languageId = 'brief', timeoutMs = 10000): Promise<Diagnostic[]> {
    this.diagnostics.delete(uri);
    await this.open(uri, text, languageId);
    return (await this.waitForDiagnostics(uri, (p) => p.version === 1, timeoutMs)).diagnostics;
  }

  /** Applies `changes` and resolves with the diagnostics published for the resulting version (push clients). */
  async changeAndWait(uri: string, changes: TextDocumentContentChangeEvent[], timeoutMs = 10000): Promise<Diagnostic[]> {
    const version = await this.change(uri, changes);
    return (await this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs)).diagnostics;
  }

  /** textDocument/diagnostic (pull clients). */
  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}, previousResultId});
  }

  /** The items of a full textDocument/diagnostic report. */
  async pullItems(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report for ${uri}, got ${report.kind}`);
    return report.items;
  }

  workspaceDiagnostics(previousResultIds: Array<{uri: string; value: string}> = []): Promise<WorkspaceDiagnosticReport> {
    return this.connection.sendRequest(WorkspaceDiagnosticRequest.type, {previousResultIds});
  }

  /** textDocument/codeAction; code actions only (commands are not expected from this server). */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const result: Array<CodeAction | Command> | null = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range,
      context: {diagnostics, ...(only ? {only} : {})},
    });
    return (result ?? []).filter((a): a is CodeAction => !('command' in a && typeof a.command === 'string'));
  }

  /** codeAction/resolve: the action with its edit filled in, when the server still can. */
  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  watchedFilesChanged(uris: string[], type: FileChangeType = FileChangeType.Changed) {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: uris.map((uri) => ({uri, type}))});
  }

  configurationChanged(settings: unknown = null) {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, {settings});
  }

  /** Resolves with the first notification `method` (e.g. brief/status) whose params satisfy `predicate`, including ones already received. */
  waitForNotification<T = any>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 10000): Promise<T> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.notificationWaiters.push({method, predicate, resolve: (p) => (clearTimeout(timer), resolvePromise(p))});
    });
  }

  /** Log lines the server sent (window/logMessage). */
  logMessages(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String((n.params as {message: string}).message));
  }

  /** The server process is still running and answers a request. */
  async assertAlive(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) {
      throw new Error(`server exited (code ${this.process.exitCode}, signal ${this.process.signalCode}); stderr: ${this.stderr}`);
    }
    // Any request round-trips through the server's dispatcher; an unknown document is the cheapest.
    await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: 'file:///nonexistent/alive-check.brief.md'},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: []},
    });
  }

  /** Resolves with the first publishDiagnostics for `uri` that satisfies `predicate` (including ones already received). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const seen = (this.diagnostics.get(uri) ?? []).find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({uri, predicate, resolve: (p) => (clearTimeout(timer), resolvePromise(p))});
    });
  }

  async stop() {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((r) => {
        const t = setTimeout(() => (this.process.kill('SIGKILL'), r()), 2000);
        this.process.once('exit', () => (clearTimeout(t), r()));
      });
    }
  }
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/** A bounded pause, only for proving that something did NOT arrive. */
export function quiet(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---- text helpers, written independently of the server's own (vscode-languageserver-textdocument) ----

/** Offsets at which each line starts; line breaks are \n, \r\n and \r, as LSP defines them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** LSP position (UTF-16 character) → offset, clamped to the line's content like editors do. */
export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  if (position.line >= starts.length) return text.length;
  if (position.line < 0) return 0;
  const start = starts[position.line];
  let end = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return {line, character: offset - starts[line]};
}

/** Applies LSP TextEdits (all relative to `text`, non-overlapping) and returns the new text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const spans = edits
    .map((e) => ({start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText}))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new Error(`overlapping edits: ${JSON.stringify(spans)}`);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** The edits of a code action for one document (from `changes` or `documentChanges`). */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const fromChanges = action.edit?.changes?.[uri];
  if (fromChanges) return fromChanges;
  const out: TextEdit[] = [];
  for (const dc of action.edit?.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

/** A compact, comparable form of a diagnostic. */
export function summarize(d: Diagnostic): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

/** The items of a full diagnostic report (document or workspace); fails on an 'unchanged' one. */
export function itemsOf(report: {kind: string} | undefined): Diagnostic[] {
  if (!report) throw new Error('no report');
  if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
  return (report as unknown as {items: Diagnostic[]}).items;
}
