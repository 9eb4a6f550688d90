/**
 * `npm run bench`: the benchmark suite. Generates its inputs (bench/generated/), then
 * measures and prints Markdown tables:
 *   startup  where the CLI's time goes (Node start, imports, phases, worker threads)
 *   cli      brief lint, whole process, per size: time and peak RSS
 *   peers    brief against markdownlint-cli2, remark-cli and textlint, same files, same run
 *   engine   in-process cold lint and keystroke re-lint
 *   lsp      the server over stdio: cold open, keystroke → pull / → publish, memory
 *   rhythm   typing as VS Code does: a keystroke every 130 ms among the other requests VS Code sends
 *   preview  the live preview over stdio, and its webview script in headless Chromium
 *   leak     10,000 edits through the server: heap and RSS
 *   growth   how each figure grows with the size (from the sections above), and one part of a brief grown alone
 *   targets  the targets, met or not
 * Options (after `npm run bench --`):
 *   --quick            fewer sizes and runs (a few minutes)
 *   --only a,b         sections to run (also BENCH_ONLY=a,b)
 *   --peers a,b        peers to run: markdownlint, remark, textlint (also BENCH_PEERS)
 *   --runs n           runs per measurement for the fast tools (also BENCH_RUNS)
 *   --leak-edits n     edits in the leak check (also BENCH_LEAK_EDITS; default 10000, quick 2000)
 * Results also go to bench/generated/results.json and results.md.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {ensureInputs, GENERATED, type Input} from './inputs.js';
import {measureMemoryCost, measureNodeStart} from './machine.js';
import {cleanupScratch, runMeasured, UNSET_FOR_MEASUREMENT} from './proc.js';
import {exponent, mb, median, ms, pct, seconds, table} from './stats.js';
import {comparePeers, peersTable, sameRoundShares, sharesText, PEERS_DIR, BRIEF_CLI, relativeToGenerated, type PeerRow, type Target} from './peers.js';
import {measurePathological, pathologicalTable} from './pathological.js';
import {measureEngine, engineTable, measureShapes, shapesTable, SHAPE_SIZES, measureFindings, findingsTable, FINDING_COPIES, type EngineFigures} from './engine.js';
import {measureRhythm, rhythmTable, type RhythmFigures} from './rhythm.js';
import {measureLsp, lspTable, serverMemoryTable, defaultDebounceMs, measurePreview, previewTable, type LspFigures, type PreviewFigures} from './lsp.js';
import {measureWebview, webviewTable} from './webview.js';
import {leakCheck, leakTable, LEAK_TOLERANCE, type LeakFigures} from './leak.js';
import {measureStartup, startupTables, type StartupFigures} from './startup.js';

const SECTIONS = ['startup', 'cli', 'peers', 'engine', 'lsp', 'rhythm', 'preview', 'leak', 'growth', 'targets'] as const;
type Section = (typeof SECTIONS)[number];

const {values} = parseArgs({
  options: {
    quick: {type: 'boolean'},
    only: {type: 'string'},
    peers: {type: 'string'},
    runs: {type: 'string'},
    'leak-edits': {type: 'string'},
    help: {type: 'boolean', short: 'h'},
  },
});
if (values.help) {
  console.log('Usage: npm run bench -- [--quick] [--only startup,cli,peers,engine,lsp,rhythm,preview,leak,growth,targets] [--peers markdownlint,remark,textlint] [--runs n] [--leak-edits n]');
  process.exit(0);
}
const quick = values.quick === true || process.env.BENCH_QUICK === '1';
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const only = list(values.only ?? process.env.BENCH_ONLY);
for (const s of only ?? []) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`Unknown section "${s}". Sections: ${SECTIONS.join(', ')}.`);
const want = (s: Section) => !only || only.includes(s);
const peerIds = list(values.peers ?? process.env.BENCH_PEERS) ?? ['markdownlint', 'remark', 'textlint'];
const runs = Number(values.runs ?? process.env.BENCH_RUNS ?? (quick ? 3 : 5));
const leakEdits = Number(values['leak-edits'] ?? process.env.BENCH_LEAK_EDITS ?? (quick ? 2000 : 10000));
const log = (s: string) => process.stderr.write(s + '\n');

// The peers are their own package; install them (from the lock file) only when missing.
if (want('peers') && !existsSync(join(PEERS_DIR, 'node_modules'))) {
  log('Installing the peers (npm ci --prefix bench/peers) …');
  const r = spawnSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], {stdio: 'inherit'});
  if (r.status !== 0) throw new Error('npm ci --prefix bench/peers failed');
}

const inputs = ensureInputs(log);
const bySize = (labels: string[]) => inputs.sizes.filter((s) => labels.includes(s.label));
const out: string[] = [];
const results: Record<string, unknown> = {};
const print = (s: string) => {
  out.push(s);
  console.log(s);
};

const started = new Date();
const load0 = loadavg();
print(`# Benchmark results, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}\n`);
print(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1e9).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}. ` +
    `Load average at the start: ${load0.map((x) => x.toFixed(2)).join(' ')} (above ~0.3 the figures are noisy).\n`,
);
const nodeStart = measureNodeStart(UNSET_FOR_MEASUREMENT);
results.nodeStart = nodeStart;
print(
  `Node start (\`node -e 0\`): ${nodeStart.clean.toFixed(0)} ms` +
    (nodeStart.inherited !== undefined
      ? `; ${nodeStart.inherited.toFixed(0)} ms with ${nodeStart.unset.join(', ')} as set on this machine, which every measured process runs without (bench/proc.ts says why).\n`
      : '.\n'),
);
const memoryCost = measureMemoryCost();
results.memoryCost = memoryCost;
print(
  `Fresh memory: ${memoryCost.firstTouchMsPerMB.toFixed(2)} ms per MB the first time a process writes it (one page fault per 4 kB), ` +
    `${memoryCost.rewriteMsPerMB.toFixed(3)} ms per MB after. Bare hardware takes ~0.05–0.25 ms per MB; every tool here pays it for the memory it grows into ` +
    `(peak RSS in the tables), so a slow day for page faults slows all of them.\n`,
);
print(
  table(
    ['input', 'bytes', 'lines', 'key judgements'],
    [
      ...[...inputs.sizes, inputs.dense].map((i) => [i.label, i.bytes.toLocaleString('en-GB'), i.lines.toLocaleString('en-GB'), i.judgements]),
      ['corpus', `${inputs.corpus.bytes.toLocaleString('en-GB')} in ${inputs.corpus.files} files`, '', '1–4 each'],
    ],
  ) + '\n',
);

// --- startup -------------------------------------------------------------------
let startup: StartupFigures | undefined;
if (want('startup')) {
  log('startup …');
  startup = await measureStartup(bySize(['page', '1 MB']), relativeToGenerated(inputs.corpus.dir), runs, log);
  results.startup = startup;
  print(`## Where the CLI's time goes\n\n${startupTables(startup)}\n`);
}

// --- cli -----------------------------------------------------------------------
interface CliFigures {
  label: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  rssKiB: number;
  runs: number;
}
const cli: CliFigures[] = [];
if (want('cli') || want('growth')) {
  log('cli …');
  const labels = quick ? ['page', '64 kB', '256 kB', '1 MB'] : inputs.sizes.map((s) => s.label);
  const targets: Array<{label: string; path: string; bytes: number}> = [
    ...bySize(labels).map((s) => ({label: s.label, path: relativeToGenerated(s.file), bytes: s.bytes})),
    {label: 'corpus', path: relativeToGenerated(inputs.corpus.dir), bytes: inputs.corpus.bytes},
  ];
  for (const t of targets) {
    const times: number[] = [];
    const cpu: number[] = [];
    let rss = 0;
    const n = t.bytes > 5_000_000 && t.label !== 'corpus' ? Math.min(runs, 3) : runs;
    for (let i = 0; i < n; i++) {
      const r = await runMeasured(process.execPath, [BRIEF_CLI, 'lint', '--format', 'json', t.path], {cwd: GENERATED});
      if (r.code !== 0 && r.code !== 1) throw new Error(`brief lint ${t.path} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      times.push(r.ms);
      cpu.push(r.cpuMs);
      rss = Math.max(rss, r.maxRssKiB);
    }
    cli.push({label: t.label, bytes: t.bytes, ms: median(times), cpuMs: median(cpu), rssKiB: rss, runs: n});
    log(`  cli ${t.label}: ${ms(median(times))} ms`);
  }
  results.cli = cli;
  if (want('cli')) {
    print(
      `## brief lint, whole process\n\n\`node dist/cli/brief.cjs lint --format json <file>\` (the shipped, bundled command), output to a file; median of the runs; peak RSS includes worker threads.\n\n` +
        table(
          ['input', 'wall time (ms)', 'CPU time (ms)', 'MB/s (wall)', 'peak RSS (MB)', 'runs'],
          cli.map((c) => [c.label, ms(c.ms), ms(c.cpuMs), (c.bytes / 1e6 / (c.ms / 1000)).toFixed(2), mb(c.rssKiB), c.runs]),
        ) +
        '\n',
    );
  }
}

// --- peers ---------------------------------------------------------------------
let peers: PeerRow[] = [];
if (want('peers')) {
  log('peers …');
  const slow = (n: number) => Math.max(1, Math.min(n, quick ? 1 : 3));
  const plan = (t: Target) => {
    const r: Record<string, number> = {brief: runs};
    const skip: Record<string, string> = {};
    const big = t.kind === 'file' && t.bytes > 5_000_000;
    for (const id of ['markdownlint', 'remark', 'textlint']) {
      if (!peerIds.includes(id)) {
        skip[id] = 'not selected';
        continue;
      }
      r[id] = id === 'textlint' ? (t.bytes < 100_000 && t.kind === 'file' ? slow(3) : 1) : big ? 1 : slow(3);
    }
    if (big) {
      r.brief = Math.min(runs, 3);
      if (peerIds.includes('textlint')) skip.textlint = 'about 30 s per MB at 1 MB; not run at 10 MB';
    }
    if (quick && t.kind === 'corpus' && peerIds.includes('textlint')) skip.textlint = 'not run with --quick';
    return {runs: r, skip, timeoutMs: big || t.kind === 'corpus' ? 600_000 : 300_000};
  };
  const targets: Target[] = [
    ...bySize(quick ? ['page', '1 MB'] : ['page', '1 MB', '10 MB']).map((s): Target => ({label: s.label, kind: 'file', path: relativeToGenerated(s.file), bytes: s.bytes})),
    {label: `corpus (${inputs.corpus.files} briefs)`, kind: 'corpus', path: relativeToGenerated(inputs.corpus.dir), bytes: inputs.corpus.bytes},
  ];
  for (const t of targets) peers.push(await comparePeers(t, plan(t), log));
  results.peers = peers;
  print(
    `## Side by side with other linters (same files, same run)\n\nWhole process, node startup included, runs interleaved; each tool with its default or recommended rules ` +
      `(markdownlint-cli2: defaults; remark: remark-preset-lint-recommended; textlint: write-good + alex). "brief ÷ tool" is brief's median time as a share of the tool's; ` +
      `"same round" pairs each of the tool's runs with brief's run of the same round (the same load) and gives the median and range of those shares.\n\n` +
      peersTable(peers) +
      '\n',
  );
}

// --- engine --------------------------------------------------------------------
const engine: EngineFigures[] = [];
if (want('engine') || (want('growth') && !only)) {
  log('engine …');
  const pick = quick ? [...bySize(['page', '64 kB', '256 kB', '1 MB']), inputs.dense] : [...inputs.sizes, inputs.dense];
  for (const s of pick) {
    engine.push(measureEngine(s, s.bytes > 2_100_000 ? 10 : s.bytes > 300_000 ? (quick ? 20 : 50) : 200));
    log(`  engine ${s.label}`);
  }
  results.engine = engine;
  print(`## Engine, in process\n\nCold lint (new caches; the JIT warmed up on other text first), then one character typed at a time in the middle of the brief (new text each time) with the section cache warm and the previous result passed in, as the server does; then the same typed inside the first footnote label after the middle (a new, undefined citation each time, so the document-level sourcing rules run again).\n\n${engineTable(engine)}\n`);
}

// --- lsp -----------------------------------------------------------------------
const lsp: LspFigures[] = [];
if (want('lsp') || (want('growth') && !only) || (want('targets') && !only)) {
  log('lsp …');
  const pick = quick ? bySize(['page', '1 MB']) : [...bySize(['page', '64 kB', '256 kB', '1 MB', '2 MB', '10 MB']), inputs.dense];
  for (const s of pick) {
    const keys = s.bytes > 5_000_000 ? 10 : s.bytes > 300_000 ? (quick ? 20 : 50) : quick ? 100 : 200;
    const pushes = s.bytes > 5_000_000 ? 5 : quick ? 10 : 30;
    lsp.push(await measureLsp(s, keys, pushes));
    log(`  lsp ${s.label}`);
  }
  results.lsp = lsp;
  print(
    `## Language server over stdio\n\nA real client over stdio (bench/client.ts). Keystroke: one character typed in the middle key judgement's sentence; ` +
      `→ pull: didChange, then textDocument/diagnostic for that version (the analysis the editor waits for), naming the report the client holds as VS Code does, so that it is answered "unchanged" when no diagnostic moved; ` +
      `"full report every time": every other keystroke's pull names no report (the two kinds alternate, so both meet the same JIT and heap); → publish: push client, didChange → publishDiagnostics for that version, ` +
      `including the server's ${defaultDebounceMs()} ms debounce.\n\n${lspTable(lsp)}\n\nServer memory (peak RSS = VmHWM of the server process; heap after a full GC):\n\n${serverMemoryTable(lsp)}\n`,
  );
}

// --- rhythm --------------------------------------------------------------------
const rhythm: RhythmFigures[] = [];
if (want('rhythm') || (want('targets') && !only)) {
  log('rhythm …');
  for (const s of bySize(quick ? ['page', '1 MB'] : ['page', '64 kB', '1 MB', '2 MB'])) {
    rhythm.push(await measureRhythm(s, quick ? 40 : 80));
    log(`  rhythm ${s.label}`);
  }
  // With the preview open, typing slower than the extension's 150 ms wait: each key's preview is made as the next key comes.
  for (const s of bySize(quick ? ['1 MB'] : ['64 kB', '1 MB'])) {
    rhythm.push(await measureRhythm(s, quick ? 20 : 40, {preview: true, keystrokeMs: 250}));
    log(`  rhythm ${s.label}, preview open`);
  }
  results.rhythm = rhythm;
  print(
    `## Typing as VS Code does\n\nOver Node IPC (the transport VS Code's client uses), a fresh server (bench/rhythm.ts): the requests VS Code 1.100 sent the server around keystrokes in a recording of the extension in a real VS Code. ` +
      `On opening, a pull, then semantic tokens, folding ranges, document links, document symbols and code lenses together; then a keystroke every 130 ms in the middle key judgement, each with its pull ` +
      `(after a completion request when the key is a space), semantic tokens again about every 500 ms; then a pause's requests (a code action, folding ranges, document symbols twice, code lenses, links). ` +
      `The pull may wait behind the other requests, and the server is idle between keystrokes, as in the editor. ` +
      `"Preview open": the same with a key every 250 ms and a preview asked for 150 ms after each change, naming the last answer, as the extension does.\n\n${rhythmTable(rhythm)}\n`,
  );
}

// --- preview -------------------------------------------------------------------
if (want('preview')) {
  log('preview …');
  const pick = bySize(quick ? ['page', '1 MB'] : ['page', '64 kB', '1 MB']);
  const previews: PreviewFigures[] = [];
  for (const s of pick) {
    previews.push(await measurePreview(s, s.bytes > 300_000 ? 20 : 50));
    log(`  preview ${s.label}`);
  }
  results.preview = previews;
  const webview = await measureWebview(pick, quick ? 3 : 7);
  results.webview = webview;
  print(
    `## The preview\n\nOver stdio (\`brief/render\`, a fresh server): the first preview of the brief, with a keystroke typed and pulled about every 20 ms while it renders (the Markdown is parsed in a worker thread), then a keystroke and a preview, repeated, each request naming the last answer as the extension does (only the items whose HTML changed come with it); peak RSS includes the worker thread.\n\n${previewTable(previews)}\n\n` +
      `The webview script in headless Chromium (bench/webview.ts): a preview answer posted to the page until the next frame is laid out.\n\n${webviewTable(webview)}\n`,
  );
}

// --- leak ----------------------------------------------------------------------
const leak: LeakFigures[] = [];
if (want('leak')) {
  log('leak …');
  // The 1 MB brief: 4,000 edits by default (~20 ms each). Its versions cycle through the server's bounded
  // section cache (filled, then halved) about every 1,500 edits, which swings the heap by ~4 MB: at 1,000
  // edits the verdict read wherever that cycle stood (measured: 33.5 -> 38.6 MB at 1,000, 36.8 at 4,000).
  const plan: Array<[Input, number]> = quick ? [[bySize(['page'])[0], leakEdits]] : [[bySize(['page'])[0], leakEdits], [bySize(['64 kB'])[0], leakEdits], [bySize(['1 MB'])[0], Math.max(100, Math.round(leakEdits * 0.4))]];
  for (const [input, edits] of plan) leak.push(await leakCheck(input, edits, log));
  results.leak = leak;
  print(
    `## Leak check\n\nEdits through the real server, each making new text (a 6-digit counter written over a judgement's sector number, moving from judgement to judgement), ` +
      `each followed by a pull. Heap after a full GC. Verdict: "no growth" when the heap at the end is within ${pct(LEAK_TOLERANCE.share)} or ${LEAK_TOLERANCE.bytes / 1e6} MB of the heap after the first fifth of the edits.\n\n${leakTable(leak)}\n`,
  );
}

// --- growth --------------------------------------------------------------------
if (want('growth')) {
  const rows: Array<Array<string | number>> = [];
  const sized = <T extends {label: string}>(xs: T[]): T[] => xs.filter((x) => x.label !== 'corpus' && !x.label.includes('dense'));
  const add = (what: string, xs: Array<{label: string; bytes: number; v: number}>, unit: string) => {
    for (let i = 1; i < xs.length; i++) {
      const a = xs[i - 1];
      const b = xs[i];
      const k = exponent(a.bytes, a.v, b.bytes, b.v);
      rows.push([what, `${a.label} → ${b.label} (×${(b.bytes / a.bytes).toFixed(1)})`, `${ms(a.v)} → ${ms(b.v)} ${unit}`, `×${(b.v / a.v).toFixed(2)}`, Number.isFinite(k) ? k.toFixed(2) : '—']);
    }
  };
  // CPU time, not wall time: steadier on a shared machine, and the same thing on a quiet one (the CLI is single-threaded for one file).
  add('brief lint, whole process, CPU time', sized(cli).map((c) => ({label: c.label, bytes: c.bytes, v: c.cpuMs})), 'ms');
  const base = startup?.imports.find((i) => i.what.startsWith('brief --version, as shipped'))?.cpuMs;
  if (base !== undefined) add(`brief lint CPU time minus \`brief --version\`'s (${ms(base)} ms)`, sized(cli).filter((c) => c.bytes >= 200_000).map((c) => ({label: c.label, bytes: c.bytes, v: c.cpuMs - base})), 'ms');
  add('brief lint, peak RSS', sized(cli).map((c) => ({label: c.label, bytes: c.bytes, v: (c.rssKiB * 1024) / 1e6})), 'MB');
  add('engine cold lint', sized(engine).map((e) => ({label: e.label, bytes: e.bytes, v: e.coldMs})), 'ms');
  add('engine keystroke p50', sized(engine).map((e) => ({label: e.label, bytes: e.bytes, v: e.keyP50})), 'ms');
  add('server keystroke → pull p50', sized(lsp).map((e) => ({label: e.label, bytes: e.bytes, v: e.pullP50})), 'ms');
  add('server cold open', sized(lsp).map((e) => ({label: e.label, bytes: e.bytes, v: e.openMs})), 'ms');
  add('server peak RSS', sized(lsp).map((e) => ({label: e.label, bytes: e.bytes, v: (Math.max(e.afterOpen.maxRssKiB, e.afterEdits.maxRssKiB) * 1024) / 1e6})), 'MB');
  results.growth = rows;
  if (rows.length) {
    print(
      `## Growth with size\n\nk is the exponent in time ∝ size^k between two sizes: 1 = linear (doubling the brief doubles the time), 0 = flat, 2 = quadratic. ` +
        `Whole-process figures include a fixed start-up cost, so their k is below 1 at small sizes; the row without \`brief --version\`'s CPU time starts at 256 kB, where the rest dominates.\n\n` +
        table(['measure', 'step', 'figures', 'ratio', 'k'], rows) +
        '\n',
    );
  }
  // One part of a brief grown alone: a step quadratic in that part shows as k near 2.
  log('growth: worst-case shapes …');
  const shapes = measureShapes(quick ? SHAPE_SIZES.slice(0, 3) : SHAPE_SIZES, quick ? 5 : 15);
  results.shapes = shapes;
  print(
    `### One part grown alone\n\nIn process, as in "Engine": one part of a brief grown by doubling with the rest fixed (bench/generate.ts, generateShape), ` +
      `each piece with a cited figure; the keystroke is typed in that part, so its section is re-analysed each time. ` +
      `k near 1: the edit costs in proportion to the part's size (its section is analysed again); near 2 would be a quadratic step.\n\n${shapesTable(shapes)}\n`,
  );
  // Findings grown alone: each rule's documented bad example copied into one brief.
  log('growth: findings …');
  const findings = measureFindings(quick ? FINDING_COPIES.map((n) => n / 2) : FINDING_COPIES);
  results.findings = findings;
  print(
    `### Findings grown alone\n\nIn process: for each rule, the example under "Flagged" in its doc (docs/rules/<rule>.md) copied into one brief, so the findings grow with the text ` +
      `(the copies' key judgements restart at 1, so judgement-numbering reports each copy too). Lint with new caches, then every safe fix applied at once, as fix-all does, each the fastest of three. ` +
      `k near 1: linear in the findings; near 2: a step that reads the whole text, or every other finding, per finding.\n\n${findingsTable(findings)}\n`,
  );
  // Pathological Markdown: parsers' worst cases, and runs of one thing a brief holds.
  log('growth: pathological inputs …');
  const pathological = measurePathological(quick ? 1000 : 5000);
  results.pathological = pathological;
  print(
    `### Pathological inputs\n\nIn process: Markdown that makes parsers backtrack (cmark's pathological tests) and long runs of one thing a brief holds, ` +
      `each at n and 4n repetitions (bench/pathological.ts), in an evidence bullet and as a section's body; the fastest of two lints with new caches. ` +
      `k near 1: linear; near 2: quadratic. Small times (a few ms) give noisy k.\n\n${pathologicalTable(pathological)}\n`,
  );
}

// --- targets -------------------------------------------------------------------
if (want('targets')) {
  const rows: Array<Array<string>> = [];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const peerShare = (label: string) => {
    const row = peers.find((p) => p.target.label.startsWith(label));
    const b = row?.figures.find((f) => f.tool === 'brief');
    const m = row?.figures.find((f) => f.tool === 'markdownlint');
    if (!b || !m || m.skipped || !Number.isFinite(m.medianMs)) return undefined;
    return {share: b.medianMs / m.medianMs, b: b.medianMs, m: m.medianMs, rounds: sharesText(sameRoundShares(b, m))};
  };
  const one = peerShare('1 MB');
  rows.push(['1 MB brief, CLI cold ≤ 10% of markdownlint-cli2', one ? `${seconds(one.b)} s vs ${seconds(one.m)} s = ${pct(one.share)}; same-round shares ${one.rounds}` : '—', verdict(one && one.share <= 0.1)]);
  const corpus = peerShare('corpus');
  rows.push(['1,000 small briefs ≤ 25% of markdownlint-cli2', corpus ? `${seconds(corpus.b)} s vs ${seconds(corpus.m)} s = ${pct(corpus.share)}; same-round shares ${corpus.rounds}` : '—', verdict(corpus && corpus.share <= 0.25)]);
  const page = lsp.find((l) => l.label === 'page');
  rows.push(['keystroke p50 ≤ 5 ms, page-long (→ pull)', page ? `${ms(page.pullP50)} ms` : '—', verdict(page && page.pullP50 <= 5)]);
  const big = lsp.find((l) => l.label === '1 MB');
  rows.push(['keystroke p50 ≤ 20 ms on 1 MB (→ pull)', big ? `${ms(big.pullP50)} ms` : '—', verdict(big && big.pullP50 <= 20)]);
  rows.push(['keystroke p95 ≤ 50 ms on 1 MB (→ pull)', big ? `${ms(big.pullP95)} ms` : '—', verdict(big && big.pullP95 <= 50)]);
  const pageTyped = rhythm.find((r) => r.label === 'page' && !r.preview);
  const bigTyped = rhythm.find((r) => r.label === '1 MB' && !r.preview);
  rows.push(['the same, typing as VS Code does: page p50 ≤ 5 ms', pageTyped ? `${ms(pageTyped.pullP50)} ms` : '—', verdict(pageTyped && pageTyped.pullP50 <= 5)]);
  rows.push(['the same, typing as VS Code does: 1 MB p50 ≤ 20 ms, p95 ≤ 50 ms', bigTyped ? `${ms(bigTyped.pullP50)} / ${ms(bigTyped.pullP95)} ms` : '—', verdict(bigTyped && bigTyped.pullP50 <= 20 && bigTyped.pullP95 <= 50)]);
  const bigPreview = rhythm.find((r) => r.label === '1 MB' && r.preview);
  rows.push(['the same with the preview open: 1 MB p50 ≤ 20 ms, p95 ≤ 50 ms', bigPreview ? `${ms(bigPreview.pullP50)} / ${ms(bigPreview.pullP95)} ms` : '—', verdict(bigPreview && bigPreview.pullP50 <= 20 && bigPreview.pullP95 <= 50)]);
  const peak = big ? (Math.max(big.afterOpen.maxRssKiB, big.afterEdits.maxRssKiB) * 1024) / 1e6 : undefined;
  rows.push(['server on the 1 MB brief ≤ 200 MB RSS (peak)', peak !== undefined ? `${peak.toFixed(0)} MB` : '—', verdict(peak !== undefined ? peak <= 200 : undefined)]);
  const tenK = leak.filter((l) => l.edits >= 10000);
  rows.push([
    'no growth over 10,000 edits',
    leak.length ? leak.map((l) => `${l.label} ${l.edits} edits: ${l.verdict}`).join('; ') : '—',
    tenK.length ? verdict(tenK.every((l) => l.verdict === 'no growth')) : leak.length ? `${verdict(leak.every((l) => l.verdict === 'no growth'))} (fewer than 10,000 edits)` : 'not measured',
  ]);
  results.targets = rows;
  print(`## Targets (issue 6)\n\n${table(['target', 'measured', 'verdict'], rows)}\n`);
}

const load1 = loadavg();
print(`Load average at the end: ${load1.map((x) => x.toFixed(2)).join(' ')}. Took ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min.`);
writeFileSync(join(GENERATED, 'results.json'), JSON.stringify({started, quick, machine: {cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load: [load0, load1]}, inputs, results}, null, 2));
writeFileSync(join(GENERATED, 'results.md'), out.join('\n') + '\n');
cleanupScratch();

