/**
 * A real LSP client for tests: spawns the built server over stdio and speaks the
 * protocol to it with vscode-languageserver-protocol.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
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
  initializationOptions?: unknown;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<{uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void}> = [];
  readonly notifications: Array<{method: string; params: unknown}> = [];
  stderr = '';
  private versions = new Map<string, number>();

  constructor(readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']});
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
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
      });
    }
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
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
        codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source.fixAll', 'source.fixAll.brief']}}, isPreferredSupport: true},
        ...(this.options.pull ? {diagnostic: {dynamicRegistration: false, relatedDocumentSupport: false}} : {}),
      },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      workspaceFolders: this.options.rootUri ? [{uri: this.options.rootUri, name: 'root'}] : null,
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
