/**
 * The preview's renderer for the language server. The page (page.ts) is built in the server's
 * thread from section templates; the templates it has not cached are parsed by unified/remark
 * in a worker thread (render-worker.ts), so that the server keeps answering while a preview
 * renders: a cold 1 MB brief takes remark over a second, and some Markdown takes it far
 * longer (1,000 nested strong emphasis runs: seconds).
 *
 * Each piece has a time limit (1 s plus 4 ms per kB, or BRIEF_PREVIEW_PIECE_LIMIT_MS for
 * every piece). A piece over it is shown as its text with a tooltip saying why, and the
 * worker is replaced; so is a worker that dies (it runs with a heap limit). Jobs run one at
 * a time: a job asks the worker only for what the jobs before it did not cache. After two
 * minutes without a job the worker is stopped (the next preview starts one: 70–85 ms bundled).
 */
import {Worker} from 'node:worker_threads';
import {pieceKey, renderUnrendered, TemplateCache, type Piece, type SectionTemplate, type TemplateSource} from '../../core/src/render/template.js';

/** What the server sends the worker: the pieces to parse, in order. */
export interface RenderJob {
  pieces: Array<{text: string; definitions: string}>;
}
/** What the worker sends back: once `ready` when loaded, then each piece's template as it is done. */
export type RenderReply = {ready: true} | {index: number; template: SectionTemplate};

export const TOO_SLOW = 'This part took too long to render, so the preview shows it as text.';
export const NOT_RENDERED = 'The preview renderer stopped on this part, so the preview shows it as text.';
export const NO_RENDERER = 'The preview renderer could not start, so the preview shows this part as text.';

// Bundled, the server is dist/server.cjs and the worker dist/render-worker.cjs; built, both are .js in out/.
const WORKER_FILE = new URL(import.meta.url.endsWith('.cjs') ? './render-worker.cjs' : './render-worker.js', import.meta.url);
const START_LIMIT_MS = 30_000;
const IDLE_MS = 120_000;

/** How long a piece of `chars` characters may take to parse. */
export function pieceLimitMs(chars: number, env: NodeJS.ProcessEnv = process.env): number {
  const fixed = Number(env.BRIEF_PREVIEW_PIECE_LIMIT_MS);
  if (env.BRIEF_PREVIEW_PIECE_LIMIT_MS && Number.isFinite(fixed) && fixed > 0) return fixed;
  return 1000 + Math.ceil((4 * chars) / 1024);
}

export class PreviewRenderer {
  /** Templates by piece; a miss here is never parsed in this thread. */
  readonly cache = new TemplateCache((text) => renderUnrendered(text, NO_RENDERER));
  /** Pieces given up on: too slow, or the worker died on them. */
  givenUp = 0;
  /** Workers started. */
  started = 0;
  private worker: Worker | undefined;
  private ready: Promise<boolean> | undefined;
  private broken = false;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly limitMs: (chars: number) => number;
  private readonly workerFile: URL;
  private readonly idleMs: number;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: (message: string) => void,
    options: {
      /** Time limit for a piece of so many characters (default pieceLimitMs). */
      limitMs?: (chars: number) => number;
      /** The worker's script (default: the one beside this module). */
      workerFile?: URL;
      /** Stop the worker after this long without a job, giving back its memory (default 2 minutes). */
      idleMs?: number;
    } = {},
  ) {
    this.limitMs = options.limitMs ?? pieceLimitMs;
    this.workerFile = options.workerFile ?? WORKER_FILE;
    this.idleMs = options.idleMs ?? IDLE_MS;
  }

  /**
   * A template for every piece of `pieces`, parsing in the worker those not cached; undefined
   * when `cancelled()` before the job's turn came.
   */
  templates(pieces: readonly Piece[], cancelled: () => boolean = () => false): Promise<TemplateSource | undefined> {
    clearTimeout(this.idle);
    const job = this.queue.then(() => (cancelled() ? undefined : this.run(pieces)));
    const settled = job.catch(() => undefined);
    this.queue = settled;
    // Once no job follows this one for idleMs, the worker (~26 MB idle, more after a large brief) goes.
    void settled.then(() => {
      if (this.queue !== settled || !this.worker) return;
      this.idle = setTimeout(() => {
        if (this.queue === settled && this.worker) this.stop(this.worker);
      }, this.idleMs);
      this.idle.unref();
    });
    return job;
  }

  /** Stops the worker (the server is shutting down). */
  dispose(): void {
    clearTimeout(this.idle);
    this.broken = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private async run(pieces: readonly Piece[]): Promise<TemplateSource> {
    const got = new Map<string, SectionTemplate>();
    const missing: Array<{key: string; piece: Piece}> = [];
    const asked = new Set<string>();
    for (const piece of pieces) {
      if (piece.unrendered) continue;
      const key = pieceKey(piece.text, piece.definitions, false);
      if (got.has(key) || asked.has(key)) continue;
      const found = this.cache.peek(key);
      if (found) got.set(key, found);
      else {
        asked.add(key);
        missing.push({key, piece});
      }
    }
    const parsed = await this.parse(missing.map((m) => m.piece));
    missing.forEach((m, i) => {
      got.set(m.key, parsed[i]);
      this.cache.put(m.key, parsed[i]);
    });
    const cache = this.cache;
    return {
      get: (text, definitions, unrendered) => (unrendered ? undefined : got.get(pieceKey(text, definitions, false))) ?? cache.get(text, definitions, unrendered),
    };
  }

  /** Templates for `pieces`, in order: parsed by the worker, or the text when it gave up or could not. */
  private async parse(pieces: readonly Piece[]): Promise<SectionTemplate[]> {
    const out: SectionTemplate[] = [];
    while (out.length < pieces.length) {
      const worker = await this.start();
      if (!worker) {
        for (let i = out.length; i < pieces.length; i++) out.push(renderUnrendered(pieces[i].text, NO_RENDERER));
        break;
      }
      await this.send(worker, pieces, out);
    }
    return out;
  }

  /**
   * Sends the pieces from `out.length` on and appends each template to `out` as it comes;
   * settles when all are in, or after giving up on one (the next call sends the rest).
   */
  private send(worker: Worker, pieces: readonly Piece[], out: SectionTemplate[]): Promise<void> {
    const from = out.length;
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = () => {
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve();
      };
      const giveUp = (why: string, log: string) => {
        this.givenUp++;
        const piece = pieces[out.length];
        this.log(`preview: ${log}; ${piece.text.length} characters shown as text, starting "${piece.text.slice(0, 60).replace(/\s+/g, ' ')}"`);
        out.push(renderUnrendered(piece.text, why));
        finish();
      };
      const arm = () => {
        clearTimeout(timer);
        const waitingFor = out.length;
        timer = setTimeout(() => {
          // A reply may be waiting behind a busy thread: read the port (poll phase) before deciding.
          setImmediate(() => {
            if (settled || out.length !== waitingFor) return;
            this.stop(worker);
            giveUp(TOO_SLOW, `a piece took over ${this.limitMs(pieces[waitingFor].text.length)} ms to render`);
          });
        }, this.limitMs(pieces[waitingFor].text.length));
      };
      const onMessage = (reply: RenderReply) => {
        if (settled || !('index' in reply) || from + reply.index !== out.length) return;
        out.push(reply.template);
        if (out.length === pieces.length) finish();
        else arm();
      };
      const onExit = (code: number) => {
        if (this.worker === worker) this.stop(worker);
        if (!settled) giveUp(NOT_RENDERED, `the renderer stopped (exit code ${code})`);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      const job: RenderJob = {pieces: pieces.slice(from).map((p) => ({text: p.text, definitions: p.definitions}))};
      worker.postMessage(job);
      arm();
    });
  }

  /** The worker, started if needed; undefined when it cannot start. */
  private async start(): Promise<Worker | undefined> {
    if (this.broken) return undefined;
    if (this.worker && this.ready) return (await this.ready) ? this.worker : undefined;
    // A heap limit, so that no Markdown can take the server down with it; and a young generation of
    // 16 MB (V8's default is larger): parsing the 1 MB brief peaks ~22 MB lower, in the same time.
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile, {resourceLimits: {maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16}});
    } catch (error) {
      this.log(`preview renderer: ${(error as Error).stack ?? error}; the preview shows the brief as text`);
      this.broken = true;
      return undefined;
    }
    // The server exits on the client's word, not when its worker is idle.
    worker.unref();
    this.started++;
    this.worker = worker;
    worker.on('error', (error) => this.log(`preview renderer: ${error.stack ?? error}`));
    worker.once('exit', () => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.ready = undefined;
      }
    });
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), START_LIMIT_MS);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        worker.off('message', onReady);
        worker.off('exit', onExit);
        resolve(ok);
      };
      const onReady = (reply: RenderReply) => {
        if ('ready' in reply) done(true);
      };
      const onExit = () => done(false);
      worker.on('message', onReady);
      worker.on('exit', onExit);
    });
    if (await this.ready) return worker;
    // A worker that cannot load will not load the next time either: pieces are shown as text from now on.
    this.log('preview renderer: the worker did not start; the preview shows the brief as text');
    this.broken = true;
    this.stop(worker);
    return undefined;
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
    void worker.terminate();
  }
}
