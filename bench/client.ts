/**
 * A minimal LSP client for the benchmarks: starts the built server over stdio
 * (node --expose-gc, with bench/probe-preload.cjs so that its memory can be read
 * at any moment: SIGUSR2 → full GC → process.memoryUsage() in a file).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {probeEnv, ROOT} from './proc.js';

export const SERVER = join(ROOT, 'out', 'server', 'src', 'main.js');

export interface Memory {
  /** Resident set size now, bytes. */
  rss: number;
  /** V8 heap in use after a full GC, bytes. */
  heapUsed: number;
  external: number;
  /** Peak resident set size (VmHWM) so far, KiB. */
  maxRssKiB: number;
}

export class BenchClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly probe: string;
  private versions = new Map<string, number>();
  private waiters: Array<{uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void}> = [];
  stderr = '';

  constructor(readonly options: {pull: boolean; settings?: Record<string, unknown>}) {
    const {env, file} = probeEnv({BENCH_PROBE_SIGNAL: '1'});
    this.probe = file;
    this.process = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe'], env});
    this.process.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && p.version === w.version) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? {}));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: {configuration: true, diagnostics: {refreshSupport: true}},
        textDocument: {
          synchronization: {dynamicRegistration: false},
          publishDiagnostics: {versionSupport: true, relatedInformation: true},
          ...(this.options.pull ? {diagnostic: {dynamicRegistration: false, relatedDocumentSupport: false}} : {}),
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'brief', version: 1, text}});
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: changes});
    return version;
  }

  /** Resolves when diagnostics for `version` are published (push). Register before sending the change. */
  published(uri: string, version: number, timeoutMs = 120_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  pull(uri: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
  }

  /** The server's memory after a full GC (through the preload's SIGUSR2 handler). */
  async memory(timeoutMs = 30_000): Promise<Memory> {
    const file = this.probe + '.mem';
    rmSync(file, {force: true});
    this.process.kill('SIGUSR2');
    const start = Date.now();
    while (!existsSync(file)) {
      if (Date.now() - start > timeoutMs) throw new Error('the server did not report its memory');
      await new Promise((r) => setTimeout(r, 5));
    }
    const m = JSON.parse(readFileSync(file, 'utf8')) as Memory;
    return {rss: m.rss, heapUsed: m.heapUsed, external: m.external, maxRssKiB: m.maxRssKiB};
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone.
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 5000);
      this.process.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** A keystroke position in the middle of the brief: inside the judgement sentence of the middle key judgement. */
export function middleCursor(text: string): {line: number; character: number} {
  const lines = text.split('\n');
  let line = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('It is '));
  if (line < 0) line = lines.findIndex((l) => l.startsWith('It is '));
  if (line < 0) line = Math.floor(lines.length / 2);
  // After "It is likely that the …": in the middle of the sentence.
  return {line, character: Math.min(lines[line].length, Math.floor(lines[line].length / 2))};
}

/** Typing: each call returns the next keystroke as an insertion of one character at an advancing cursor (every version is new text). */
export function typist(start: {line: number; character: number}) {
  const phrase = ' and the wider region';
  let i = 0;
  let character = start.character;
  return (): TextDocumentContentChangeEvent => {
    const ch = phrase[i++ % phrase.length];
    const change = {range: {start: {line: start.line, character}, end: {line: start.line, character}}, text: ch};
    character++;
    return change;
  };
}
