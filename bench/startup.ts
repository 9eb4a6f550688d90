/**
 * Where the CLI's time goes: Node's own start, module loading (what each import costs
 * in a fresh process), then reading, linting and formatting (measured inside one fresh
 * process per file), and worker threads for the corpus.
 *   npm run build && node out/bench/startup.js     (or: npm run bench -- --only startup)
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {runMeasured, ROOT} from './proc.js';
import {median, ms, mb, table} from './stats.js';
import {BRIEF_CLI, BRIEF_CLI_UNBUNDLED} from './peers.js';
import {GENERATED} from './inputs.js';

const OUT = join(ROOT, 'out');
const SELF = join(OUT, 'bench', 'startup.js');

async function wall(args: string[], runs: number, cwd = GENERATED): Promise<{ms: number; cpuMs: number; rssKiB: number}> {
  const times: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = await runMeasured(process.execPath, args, {cwd});
    if (r.code !== 0 && r.code !== 1) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 400)}`);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    rss = Math.max(rss, r.maxRssKiB);
  }
  return {ms: median(times), cpuMs: median(cpu), rssKiB: rss};
}

const importCase = (spec: string) => ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(OUT, spec)).href)})`];

export interface StartupFigures {
  imports: Array<{what: string; ms: number; cpuMs: number; rssKiB: number}>;
  phases: Array<{label: string} & Phases>;
  threads: Array<{setting: string; ms: number; cpuMs: number; rssKiB: number}>;
}

interface Phases {
  importMs: number;
  readMs: number;
  lintMs: number;
  formatMs: number;
  totalMs: number;
}

export async function measureStartup(files: Array<{label: string; file: string}>, corpusPath: string | undefined, runs: number, log: (s: string) => void): Promise<StartupFigures> {
  const imports: StartupFigures['imports'] = [];
  const cases: Array<[string, string[]]> = [
    ['node -e 0 (Node itself)', ['-e', '0']],
    ['import core/src/linter.js (parser + rules)', importCase('core/src/linter.js')],
    ['import core/src/config/index.js (config loader, yaml)', importCase('core/src/config/index.js')],
    ['import core/src/render/index.js (preview renderer: unified, remark, rehype)', importCase('core/src/render/index.js')],
    ['import core/src/service/index.js (editor features)', importCase('core/src/service/index.js')],
    ['import core/src/index.js (the whole engine API)', importCase('core/src/index.js')],
    ['import cli/src/lint-file.js (what a worker thread loads)', importCase('cli/src/lint-file.js')],
    ['import cli/src/cli.js (the CLI, all commands)', importCase('cli/src/cli.js')],
    ['brief --version, unbundled (out/cli/src/main.js)', [BRIEF_CLI_UNBUNDLED, '--version']],
    ['brief --version, as shipped (dist/cli/brief.cjs, bundled)', [BRIEF_CLI, '--version']],
  ];
  for (const f of files) cases.push([`brief lint ${f.label}, serial, unbundled`, [BRIEF_CLI_UNBUNDLED, 'lint', '--format', 'json', '--concurrency', 'off', f.file]]);
  for (const f of files) cases.push([`brief lint ${f.label}, serial, as shipped`, [BRIEF_CLI, 'lint', '--format', 'json', '--concurrency', 'off', f.file]]);
  for (const [what, args] of cases) {
    const r = await wall(args, runs, ROOT);
    imports.push({what, ms: r.ms, cpuMs: r.cpuMs, rssKiB: r.rssKiB});
    log(`  startup: ${what} ${ms(r.ms)} ms`);
  }
  const phases: StartupFigures['phases'] = [];
  for (const f of files) {
    const all: Phases[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await runMeasured(process.execPath, [SELF, '--phases', f.file], {cwd: GENERATED});
      if (r.code !== 0) throw new Error(`phases for ${f.label} exited ${r.code}: ${r.stderr.slice(0, 400)}`);
      all.push(JSON.parse(r.stdout) as Phases);
    }
    const pick = (k: keyof Phases) => median(all.map((p) => p[k]));
    phases.push({label: f.label, importMs: pick('importMs'), readMs: pick('readMs'), lintMs: pick('lintMs'), formatMs: pick('formatMs'), totalMs: pick('totalMs')});
  }
  const threads: StartupFigures['threads'] = [];
  if (corpusPath) {
    for (const setting of ['off', 'auto', '2', '3', '4']) {
      const r = await wall([BRIEF_CLI, 'lint', '--format', 'json', '--concurrency', setting, corpusPath], Math.max(1, Math.min(runs, 3)));
      threads.push({setting, ms: r.ms, cpuMs: r.cpuMs, rssKiB: r.rssKiB});
      log(`  startup: corpus --concurrency ${setting} ${ms(r.ms)} ms`);
    }
  }
  return {imports, phases, threads};
}

export function startupTables(s: StartupFigures): string {
  const parts = [
    table(
      ['what (fresh process each, median)', 'wall time (ms)', 'CPU time (ms)', 'peak RSS (MB)'],
      s.imports.map((i) => [i.what, ms(i.ms), ms(i.cpuMs), mb(i.rssKiB)]),
    ),
    table(
      ['brief (one fresh process: `brief lint --format json` done by hand)', 'start + imports (ms)', 'read (ms)', 'lint (ms)', 'format JSON (ms)', 'total in process (ms)'],
      s.phases.map((p) => [p.label, ms(p.importMs), ms(p.readMs), ms(p.lintMs), ms(p.formatMs), ms(p.totalMs)]),
    ),
  ];
  if (s.threads.length) {
    parts.push(
      table(
        ['corpus, `--concurrency`', 'wall time (ms)', 'CPU time (ms)', 'peak RSS (MB)'],
        s.threads.map((t) => [t.setting, ms(t.ms), ms(t.cpuMs), mb(t.rssKiB)]),
      ),
    );
  }
  return parts.join('\n\n');
}

/** In a fresh process: the CLI's lint path for one file, phase by phase (same modules as `brief lint`). */
async function phasesOf(file: string): Promise<Phases> {
  // performance.now() counts from the process's start, so this includes Node's own start.
  const [{lintFile}, {loadConfig}, {fsConfigHost}, {format}, {allRules}] = await Promise.all([
    import('../cli/src/lint-file.js'),
    import('../core/src/config/index.js'),
    import('../cli/src/host.js'),
    import('../cli/src/formatters/index.js'),
    import('../core/src/rules/index.js'),
  ]);
  const importMs = performance.now();
  let t = performance.now();
  readFileSync(file, 'utf8');
  const readMs = performance.now() - t;
  t = performance.now();
  const config = loadConfig(fsConfigHost, {filePath: file}).config;
  const result = lintFile({filePath: file, config, fix: false});
  const lintMs = performance.now() - t - readMs;
  t = performance.now();
  format('json', [result], {cwd: GENERATED, color: false, version: '0', rules: allRules, fixing: false});
  const formatMs = performance.now() - t;
  return {importMs, readMs, lintMs, formatMs, totalMs: performance.now()};
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--phases');
  if (at !== -1) {
    process.stdout.write(JSON.stringify(await phasesOf(process.argv[at + 1])));
  } else {
    const {ensureInputs} = await import('./inputs.js');
    const {sizes, corpus} = ensureInputs(console.error);
    const files = sizes.filter((s) => ['page', '1 MB'].includes(s.label));
    console.log(startupTables(await measureStartup(files, corpus.dir, 5, console.error)));
  }
}
