/**
 * The CLI against other Markdown and prose linters, side by side on the same files in
 * the same run: whole-process wall time (node startup included) and peak RSS, runs
 * interleaved (brief, peer 1, peer 2, …, brief, …) so that load on the machine hits
 * every tool alike. The peers live in bench/peers (their own package, pinned).
 */
import {readFileSync, realpathSync} from 'node:fs';
import {join, relative} from 'node:path';
import {runMeasured, ROOT, BENCH_DIR, type RunResult} from './proc.js';
import {median, seconds, mb, pct, table} from './stats.js';
import {GENERATED} from './inputs.js';

export const PEERS_DIR = join(BENCH_DIR, 'peers');
const bin = (name: string) => realpathSync(join(PEERS_DIR, 'node_modules', '.bin', name));
/** The command as shipped (package.json "bin": the esbuild bundle `npm run build` writes). */
export const BRIEF_CLI = join(ROOT, 'dist', 'cli', 'brief.cjs');
/** The same command unbundled (tsc's output). */
export const BRIEF_CLI_UNBUNDLED = join(ROOT, 'out', 'cli', 'src', 'main.js');

export interface Target {
  label: string;
  /** What the tools are given, relative to bench/generated (a file, or a folder/glob for the corpus). */
  kind: 'file' | 'corpus';
  path: string;
  bytes: number;
}

export interface Tool {
  id: string;
  /** How the tool is named in the tables, with the version. */
  name: string;
  args(t: Target): string[];
  /** Problems the tool reported (best effort; shows the tool really checked the text). */
  problems(r: RunResult): number | undefined;
}

function version(pkg: string): string {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function lastNumber(text: string, re: RegExp): number | undefined {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
}

export function tools(): Tool[] {
  return [
    {
      id: 'brief',
      name: 'brief lint (this project)',
      args: (t) => [BRIEF_CLI, 'lint', '--format', 'json', t.path],
      problems: (r) => {
        try {
          const results = JSON.parse(readFileSync(r.stdoutFile, 'utf8')) as Array<{messages: unknown[]}>;
          return results.reduce((n, f) => n + f.messages.length, 0);
        } catch {
          return undefined;
        }
      },
    },
    {
      id: 'markdownlint',
      name: `markdownlint-cli2 ${version('markdownlint-cli2')}`,
      // Default rules (no config file under bench/generated).
      args: (t) => [bin('markdownlint-cli2'), t.kind === 'corpus' ? `${t.path}/*.md` : t.path],
      problems: (r) => lastNumber(r.stdout + r.stderr, /Summary: (\d+) error/g),
    },
    {
      id: 'remark',
      name: `remark-cli ${version('remark-cli')} + remark-preset-lint-recommended ${version('remark-preset-lint-recommended')}`,
      args: (t) => [bin('remark'), '--rc-path', join(PEERS_DIR, '.remarkrc.json'), '--no-stdout', '--no-color', t.path],
      problems: (r) => {
        const text = r.stderr;
        if (/no issues found/.test(text.slice(-2000))) return 0;
        const w = lastNumber(text, /(\d+) warnings?/g) ?? 0;
        const e = lastNumber(text, /(\d+) errors?/g) ?? 0;
        return w + e || undefined;
      },
    },
    {
      id: 'textlint',
      name: `textlint ${version('textlint')} (write-good ${version('textlint-rule-write-good')}, alex ${version('textlint-rule-alex')})`,
      args: (t) => [bin('textlint'), '--config', join(PEERS_DIR, '.textlintrc.json'), '--no-color', t.kind === 'corpus' ? `${t.path}/*.md` : t.path],
      problems: (r) => lastNumber(r.stdout, /(\d+) problems?/g) ?? (r.code === 0 ? 0 : undefined),
    },
  ];
}

export interface ToolFigures {
  tool: string;
  name: string;
  runs: number[];
  medianMs: number;
  cpu: number[];
  /** Median CPU time (user + system), ms. */
  cpuMs: number;
  peakRssKiB: number;
  problems: number | undefined;
  exitCodes: Array<number | null>;
  skipped?: string;
  timedOut?: boolean;
}

export interface PeerRow {
  target: Target;
  figures: ToolFigures[];
}

export interface PeerPlan {
  /** Runs per tool for this target (0 = skip, with a reason). */
  runs: Record<string, number>;
  skip?: Record<string, string>;
  timeoutMs: number;
}

export async function comparePeers(target: Target, plan: PeerPlan, log: (s: string) => void): Promise<PeerRow> {
  const all = tools();
  const figures = new Map<string, ToolFigures>();
  for (const tool of all) {
    figures.set(tool.id, {tool: tool.id, name: tool.name, runs: [], medianMs: NaN, cpu: [], cpuMs: NaN, peakRssKiB: NaN, problems: undefined, exitCodes: [], skipped: plan.skip?.[tool.id]});
  }
  const rounds = Math.max(...all.map((t) => plan.runs[t.id] ?? 0));
  for (let round = 0; round < rounds; round++) {
    for (const tool of all) {
      const f = figures.get(tool.id)!;
      if (f.skipped || f.timedOut || round >= (plan.runs[tool.id] ?? 0)) continue;
      const r = await runMeasured(process.execPath, tool.args(target), {cwd: GENERATED, timeoutMs: plan.timeoutMs});
      if (r.timedOut) {
        f.timedOut = true;
        f.skipped = `timed out after ${seconds(plan.timeoutMs)} s`;
        log(`  ${target.label}: ${tool.id} timed out`);
        continue;
      }
      f.runs.push(r.ms);
      f.cpu.push(r.cpuMs);
      f.exitCodes.push(r.code);
      f.peakRssKiB = Number.isNaN(f.peakRssKiB) ? r.maxRssKiB : Math.max(f.peakRssKiB, r.maxRssKiB);
      if (round === 0) {
        f.problems = tool.problems(r);
        // Exit codes: 0 clean, 1 findings; anything else means the tool did not run properly.
        if (r.code !== 0 && r.code !== 1) log(`  ${target.label}: ${tool.id} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      }
      log(`  ${target.label}: ${tool.id} ${seconds(r.ms)} s`);
    }
  }
  for (const f of figures.values()) {
    f.medianMs = median(f.runs);
    f.cpuMs = median(f.cpu);
  }
  return {target, figures: [...figures.values()]};
}

/**
 * Brief's time as a share of `peer`'s, round by round: the runs are interleaved (brief, peer,
 * …, brief, …), so each round's pair ran under the same load. On a busy machine single runs
 * swing by a third; the spread of these ratios says how far one reading can be trusted.
 */
export function sameRoundShares(brief: ToolFigures, peer: ToolFigures): number[] {
  const n = Math.min(brief.runs.length, peer.runs.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(brief.runs[i] / peer.runs[i]);
  return out;
}

/** "23% (20–27%)": the median of the same-round shares and their range. */
export function sharesText(shares: number[]): string {
  if (shares.length === 0) return '—';
  const lo = Math.min(...shares);
  const hi = Math.max(...shares);
  return shares.length === 1 ? pct(shares[0]) : `${pct(median(shares))} (${pct(lo)}–${pct(hi)})`;
}

/** One table per target: seconds, peak RSS and brief's time as a share of each peer's. */
export function peersTable(rows: PeerRow[]): string {
  const out: string[][] = [];
  for (const row of rows) {
    const brief = row.figures.find((f) => f.tool === 'brief')!;
    for (const f of row.figures) {
      out.push([
        row.target.label,
        f.name,
        f.skipped ? `skipped: ${f.skipped}` : seconds(f.medianMs),
        f.skipped ? '' : seconds(f.cpuMs),
        String(f.runs.length),
        mb(f.peakRssKiB),
        f.problems === undefined ? '—' : String(f.problems),
        f.tool === 'brief' || f.skipped ? '' : `**${pct(brief.medianMs / f.medianMs)}**`,
        f.tool === 'brief' || f.skipped ? '' : pct(brief.cpuMs / f.cpuMs),
        f.tool === 'brief' || f.skipped ? '' : sharesText(sameRoundShares(brief, f)),
      ]);
    }
  }
  return table(['input', 'tool', 'wall time (s, median)', 'CPU time (s)', 'runs', 'peak RSS (MB)', 'problems reported', 'brief ÷ tool, wall', 'brief ÷ tool, CPU', 'brief ÷ tool, wall, same round: median (range)'], out);
}

export function relativeToGenerated(path: string): string {
  return relative(GENERATED, path) || '.';
}
