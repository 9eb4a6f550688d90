/**
 * The stdio transport's message encoder. It writes the same bytes as vscode-jsonrpc's own
 * (JSON.stringify, UTF-8), but a diagnostic list the server has sealed is written from
 * each diagnostic's UTF-8 JSON, encoded once per diagnostic object: the diagnostics that
 * did not change between two versions (most, after a keystroke) are the same objects
 * (see toDiagnostics), so answering a pull no longer serialises hundreds of them again.
 */
import {Buffer} from 'node:buffer';
import {inspect} from 'node:util';
import {AbstractMessageWriter, type Diagnostic, type MessageWriter, type RemoteConsole} from 'vscode-languageserver/node';

type RpcMessage = Parameters<MessageWriter['write']>[0];

const sealed = new WeakSet<object>();
const fragments = new WeakMap<object, Buffer>();

/** Marks a list of diagnostics for the encoder: from now on neither the list nor its diagnostics change. */
export function sealDiagnostics(list: Diagnostic[]): Diagnostic[] {
  sealed.add(list);
  return list;
}

/** Stands in for the sealed list while the rest of the message is serialised. */
const MARK = '\u0000brief:diagnostics\u0000';
const MARK_JSON = JSON.stringify(MARK);
const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

function fragment(d: object): Buffer {
  let b = fragments.get(d);
  if (!b) {
    b = Buffer.from(JSON.stringify(d), 'utf8');
    fragments.set(d, b);
  }
  return b;
}

type Message = {result?: unknown; params?: unknown};

/** A JSON-RPC message as UTF-8 JSON: the bytes of `Buffer.from(JSON.stringify(msg))`. */
export function encodeMessage(msg: unknown): Buffer {
  const m = msg as Message | null;
  let list: unknown;
  let shell: unknown;
  const result = m?.result as {items?: unknown} | null | undefined;
  const params = m?.params as {diagnostics?: unknown} | null | undefined;
  if (result && typeof result === 'object' && sealed.has(result.items as object)) {
    // textDocument/diagnostic answer. The spread keeps every key where it was.
    list = result.items;
    shell = {...m, result: {...result, items: MARK}};
  } else if (params && typeof params === 'object' && sealed.has(params.diagnostics as object)) {
    // textDocument/publishDiagnostics.
    list = params.diagnostics;
    shell = {...m, params: {...params, diagnostics: MARK}};
  } else {
    return Buffer.from(JSON.stringify(msg), 'utf8');
  }
  const json = JSON.stringify(shell);
  const at = json.indexOf(MARK_JSON);
  const items = list as object[];
  const parts: Buffer[] = [Buffer.from(json.slice(0, at), 'utf8'), OPEN];
  for (let i = 0; i < items.length; i++) {
    if (i) parts.push(COMMA);
    parts.push(fragment(items[i]));
  }
  parts.push(CLOSE, Buffer.from(json.slice(at + MARK_JSON.length), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * The stdio writer: each message as one write of its header and body (vscode-jsonrpc's stream
 * writer makes two, the second after the first's callback), in the bytes vscode-jsonrpc writes.
 * Over stdio (Neovim, Helix, Emacs; VS Code uses Node IPC) a keystroke's answer and status
 * notification are then two writes to the pipe instead of four: ~13% of the server's active
 * time on a page-long brief was those writes.
 */
export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: RpcMessage): Promise<void> {
    let data: Buffer;
    try {
      data = frameMessage(msg);
    } catch (error) {
      this.fireError(error, msg, ++this.errors);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.out.write(data, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/** A message as the base protocol frames it: `Content-Length: <bytes>\r\n\r\n` and the UTF-8 JSON. */
export function frameMessage(msg: unknown): Buffer {
  const body = encodeMessage(msg);
  return Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
}

/**
 * Routes console output to the client's log, as vscode-languageserver does for the
 * stdio connections it creates itself: stdout carries the protocol, so a console.log
 * (in a custom rule, say) must not reach it.
 */
export function patchConsole(logger: Pick<RemoteConsole, 'log' | 'info' | 'warn' | 'error'>): void {
  const serialize = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  const counters = new Map<string, number>();
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (assertion) return;
    if (args.length === 0) logger.error('Assertion failed');
    else logger.error(`Assertion failed: ${args[0]} ${serialize(args.slice(1))}`);
  };
  console.count = (label = 'default') => {
    const message = String(label);
    const counter = (counters.get(message) ?? 0) + 1;
    counters.set(message, counter);
    logger.log(`${message}: ${counter}`);
  };
  console.countReset = (label?: string) => {
    if (label === undefined) counters.clear();
    else counters.delete(String(label));
  };
  console.debug = (...args: unknown[]) => logger.log(serialize(args));
  console.dir = (arg: unknown, options?: object) => logger.log(inspect(arg, options));
  console.log = (...args: unknown[]) => logger.log(serialize(args));
  console.error = (...args: unknown[]) => logger.error(serialize(args));
  console.trace = (...args: unknown[]) => {
    const stack = new Error().stack!.replace(/(.+\n){2}/, '');
    logger.log(`${args.length ? `Trace: ${serialize(args)}` : 'Trace'}\n${stack}`);
  };
  console.warn = (...args: unknown[]) => logger.warn(serialize(args));
  console.info = (...args: unknown[]) => logger.info(serialize(args));
}
