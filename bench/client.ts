/**
 * The benchmarks' LSP client: the tests' client (test/lsp/harness.ts) with the server
 * started under node --expose-gc and bench/probe-preload.cjs, so that its memory can be
 * read at any moment (SIGUSR2 → full GC → process.memoryUsage() in a file).
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import type {TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol/node';
import {TestClient} from '../test/lsp/harness.js';
import {probeEnv} from './proc.js';

export interface Memory {
  /** Resident set size now, bytes. */
  rss: number;
  /** V8 heap in use after a full GC, bytes. */
  heapUsed: number;
  external: number;
  /** Peak resident set size (VmHWM) so far, KiB. */
  maxRssKiB: number;
}

export class BenchClient extends TestClient {
  private readonly probe: string;

  constructor(options: {pull: boolean; settings?: Record<string, unknown>; transport?: 'stdio' | 'ipc'}) {
    const {env, file} = probeEnv({BENCH_PROBE_SIGNAL: '1'});
    super({...options, execArgv: ['--expose-gc'], env});
    this.probe = file;
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
