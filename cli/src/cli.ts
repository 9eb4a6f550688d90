/** The `brief` command line: argument parsing and the `lint`, `render` and `rules` commands. */
import {parseArgs} from 'node:util';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
// Engine modules imported one by one, not through core/src/index.js: that would also load the
// preview renderer (unified, remark, rehype) and the editor services, ~150 ms of start-up
// for every run and every worker thread. `render` loads the renderer when it runs.
import {ruleDocsUrl} from '../../core/src/rules/types.js';
import {lintText} from '../../core/src/linter.js';
import {loadConfig, loadDefaults, isIgnored, ConfigCache, defaultConfig, formatConfigError, type ConfigError, type LoadedConfig} from '../../core/src/config/index.js';
import {hint} from '../../core/src/config/suggest.js';
import {fsConfigHost} from './host.js';
import {findConfigFile} from '../../core/src/config/index.js';
import {isCustomRule, rulesFor, rulesForConfigs} from '../../core/src/custom/index.js';
import {expandTargets, toPosix, displayPath} from './files.js';
import {lintParallel, lintSerial, defaultThreads, PARALLEL_THRESHOLD} from './pool.js';
import {withCounts, type FileResult} from './result.js';
import {format, FORMATS, type FormatName} from './formatters/index.js';
import {version} from './version.js';
import {MAX_FILE_BYTES, type LintTask} from './lint-file.js';
import {BASELINE_FILE, BaselineFileError, BaselineStore, applyBaselines, findBaselineFile, writeBaseline, type LoadedBaseline} from './baseline.js';
import {auditFiles, formatSuppressionsJson, formatSuppressionsStylish} from './suppressions.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: {write(s: string): unknown; isTTY?: boolean};
  stderr: {write(s: string): unknown};
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const MAIN_HELP = `Usage: brief <command> [options]

Lints analytic briefs (*.brief.md): key judgements, evidence, sources and
estimative language.

Commands:
  lint [paths...]   Lint files, folders or globs (default: the current folder)
  render <file>     Write a brief as a self-contained HTML page, with its findings
  suppressions      List the brief-disable comments: reasons, reviewers, what each silences
  rules             List the rules
  help [command]    Show help for a command

Options:
  -h, --help        Show help
  -v, --version     Show the version

Run "brief <command> --help" for a command's options.
`;

const LINT_HELP = `Usage: brief lint [options] [files, folders or globs...]

Lints analytic briefs. A folder is searched for *.brief.md files, skipping
node_modules and whatever .gitignore files or the config's "ignores" exclude.
With no paths, lints the current folder. Configuration comes from the nearest
.briefrc.yaml (or .briefrc.yml, .briefrc.json) above each file.

Options:
  -f, --format <name>      stylish (default), json, sarif or gitlab (GitLab code quality)
  -o, --output <file>      Write the report to a file instead of standard output
      --fix                Apply the safe fixes to the files, then report what is left
      --max-warnings <n>   Fail (exit 1) when there are more than n warnings
      --quiet              Report errors only
  -c, --config <file>      Use this config file instead of looking for one
      --no-config          Use no config file: the defaults only
      --concurrency <n>    Threads that lint, this one included: auto (default: half
                           the cores, for 64 files or more), off, or a number
      --write-baseline [file.json]
                           Record today's findings in a baseline (default: the
                           --baseline file, or ./.brief-baseline.json); later
                           runs report only new findings
      --baseline <file>    Use this baseline instead of the nearest .brief-baseline.json
      --no-baseline        Report every finding, ignoring baselines
      --color, --no-color  Colour on or off (default: on in a terminal unless NO_COLOR is set)
  -h, --help               Show this help

Exit status:
  0  no error-level findings (and no more warnings than --max-warnings)
  1  error-level findings, or more warnings than --max-warnings
  2  usage or runtime error (unknown option, missing file, unreadable config)
`;

const RULES_HELP = `Usage: brief rules [options]

Lists the rules: id, category, default level, whether --fix can fix it, and
what it checks. The custom rules of the nearest .briefrc.yaml (and the packs it
extends) are listed after the built-in ones.

Options:
  -f, --format <name>  table (default) or json
  -c, --config <file>  Use this config file instead of looking for one
      --no-config      List the built-in rules only
  -h, --help           Show this help
`;

const RENDER_HELP = `Usage: brief render [options] <file>

Writes the brief as a self-contained HTML page: the text as a reader sees it,
the key judgements on the probability yardstick, and the findings of "brief lint"
(same configuration) marked in place. The page runs no scripts and loads
nothing; print it or save it as PDF from a browser.

Options:
  -o, --output <file>   Write the page to a file instead of standard output
      --theme <name>    auto (default: follows the reader's light or dark setting), light or dark
      --title <text>    Page title (default: the front matter's title)
  -c, --config <file>   Use this config file instead of looking for one
      --no-config       Use no config file: the defaults only
  -h, --help            Show this help

Exit status:
  0  the page was written
  2  usage or runtime error (unknown option, missing file, unreadable config)
`;

const SUPPRESSIONS_HELP = `Usage: brief suppressions [options] [files, folders or globs...]

Lists every brief-disable comment in the briefs: where it is, its scope (line,
next-line or range), the rules it names (or all), its reason, its reviewer, and
how many findings it silences today ("unused" when none: remove it). Name a
reviewer after the reason:
  <!-- brief-disable-next-line vague-hedge -- quoting the minister (reviewed-by: @alice) -->

Options:
  -f, --format <name>    stylish (default) or json
      --require-reason   Exit 1 when a comment gives no reason
      --require-reviewer Exit 1 when a comment names no reviewer
  -c, --config <file>    Use this config file instead of looking for one
      --no-config        Use no config file: the defaults only
      --color, --no-color  Colour on or off
  -h, --help             Show this help

Exit status:
  0  listed (even if some comments lack a reason or are unused)
  1  --require-reason or --require-reviewer, and a comment lacks one
  2  usage or runtime error
`;

const HELP: Record<string, string> = {lint: LINT_HELP, render: RENDER_HELP, rules: RULES_HELP, suppressions: SUPPRESSIONS_HELP};
const COMMANDS = ['lint', 'render', 'rules', 'suppressions', 'help'];

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`brief: ${error.message}\n`);
      io.stderr.write(error.command ? `Run "brief ${error.command} --help" for usage.\n` : `Run "brief --help" for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`brief: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout.write(MAIN_HELP);
    return EXIT_OK;
  }
  if (first === '-v' || first === '-V' || first === '--version') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic && !HELP[topic]) throw new UsageError(`Unknown command "${topic}".${hint(topic, COMMANDS)}`);
    io.stdout.write(topic ? HELP[topic] : MAIN_HELP);
    return EXIT_OK;
  }
  if (first === 'lint') return lintCommand(rest, io);
  if (first === 'render') return renderCommand(rest, io);
  if (first === 'suppressions') return suppressionsCommand(rest, io);
  if (first === 'rules') return rulesCommand(rest, io);
  if (first.startsWith('-')) throw new UsageError(`Unknown option "${first}" before a command. Did you mean "brief lint ${argv.join(' ')}"?`);
  throw new UsageError(`Unknown command "${first}".${hint(first, COMMANDS)}`);
}

type OptionSpec = Record<string, {type: 'string' | 'boolean'; short?: string}>;

function parse(command: string, args: string[], options: OptionSpec) {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true});
  } catch (error) {
    const e = error as Error & {code?: string};
    const name = /'(-{1,2}[^']+)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) {
      const known = Object.keys(options).map((o) => `--${o}`);
      throw new UsageError(`Unknown option "${name}".${hint(name.split('=')[0], known)}`, command);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
      const wanted = options[name.replace(/^-+/, '').split(',')[0]]?.type ?? '';
      throw new UsageError(wanted === 'string' || /argument missing/.test(e.message) ? `Option "${name}" needs a value.` : `Option "${name}" takes no value.`, command);
    }
    throw new UsageError(e.message.split('\n')[0], command);
  }
}

const LINT_OPTIONS: OptionSpec = {
  format: {type: 'string', short: 'f'},
  output: {type: 'string', short: 'o'},
  fix: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  quiet: {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  concurrency: {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  baseline: {type: 'string'},
  'no-baseline': {type: 'boolean'},
  'write-baseline': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

function parseFormat(value: string | undefined, command: string): FormatName {
  const name = value ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(name)) {
    throw new UsageError(`Unknown format "${name}".${hint(name, FORMATS)} Formats: ${FORMATS.join(', ')}.`, command);
  }
  return name as FormatName;
}

function parseThreads(value: string | undefined): number {
  if (value === undefined || value === 'auto') return defaultThreads();
  if (value === 'off') return 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`--concurrency must be "auto", "off" or a number of threads, not "${value}".`, 'lint');
  return Number(value);
}

async function lintCommand(args: string[], io: Io): Promise<number> {
  // `--write-baseline=<file>` and `--write-baseline <file>.json` are `--write-baseline --baseline <file>`
  // (a lint target is never a .json file, so the next argument is the baseline only when it ends in .json).
  args = args.flatMap((a, i) => {
    if (a.startsWith('--write-baseline=')) return ['--write-baseline', '--baseline', a.slice('--write-baseline='.length)];
    if (a === '--write-baseline' && /\.json$/i.test(args[i + 1] ?? '') && !args[i + 1].startsWith('-')) return ['--write-baseline', '--baseline'];
    return [a];
  });
  const {values, positionals} = parse('lint', args, LINT_OPTIONS);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) {
    io.stdout.write(LINT_HELP);
    return EXIT_OK;
  }
  const formatName = parseFormat(v.format as string | undefined, 'lint');
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'] as string;
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${raw}".`, 'lint');
    maxWarnings = Number(raw);
  }
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together.', 'lint');
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together.', 'lint');
  if (v['no-baseline'] && (v.baseline !== undefined || v['write-baseline'])) throw new UsageError(`--no-baseline cannot be used with ${v['write-baseline'] ? '--write-baseline' : '--baseline'}.`, 'lint');
  if (v.baseline === '') throw new UsageError('--baseline needs a file name.', 'lint');
  const threads = parseThreads(v.concurrency as string | undefined);
  const cwd = io.cwd;
  const explicitConfig = typeof v.config === 'string' ? toPosix(resolve(cwd, v.config)) : undefined;
  const noConfig = v['no-config'] === true;

  // Configuration, per file (cached): also decides which files `ignores` skips.
  const cache = new ConfigCache();
  const loaded = new Map<string, LoadedConfig>();
  const configErrors: ConfigError[] = [];
  const configFor = (file: string): LoadedConfig => {
    let c = loaded.get(file);
    if (!c) {
      c = noConfig
        ? loadDefaults(cache)
        : loadConfig(fsConfigHost, {filePath: toPosix(file), explicitPath: explicitConfig, cache});
      loaded.set(file, c);
      configErrors.push(...c.errors);
    }
    return c;
  };
  const printed = new Set<string>();
  if (explicitConfig) {
    const probe = loadConfig(fsConfigHost, {explicitPath: explicitConfig, cache});
    if (reportConfigErrors(probe.errors, io, cwd, printed)) return EXIT_USAGE;
  }

  const targets = positionals.length ? positionals : ['.'];
  const expansion = expandTargets(targets, {
    cwd,
    configIgnores: (file) => isIgnored(configFor(file).ignores, toPosix(file)),
  });
  const tasks: LintTask[] = expansion.files.map((filePath) => ({filePath, config: configFor(filePath).config, fix: v.fix === true}));
  for (const note of expansion.notes) io.stderr.write(`brief: ${note}\n`);
  const fatal = reportConfigErrors(configErrors, io, cwd, printed);
  for (const m of expansion.missing) io.stderr.write(`brief: No such file or folder, and no files match: ${m}\n`);
  if (fatal || expansion.missing.length) return EXIT_USAGE;

  const parallel = threads > 1 && tasks.length > PARALLEL_THRESHOLD;
  const workers = Math.min(threads, tasks.length);
  if (io.env.BRIEF_DEBUG) io.stderr.write(`brief: ${tasks.length} files, ${parallel ? `${workers} threads` : 'serial'}\n`);
  let results: FileResult[] = parallel ? await lintParallel(tasks, workers) : lintSerial(tasks);
  const baselined = applyBaselineOptions(results, v, io);
  if (typeof baselined === 'number') return baselined;
  results = baselined;
  if (v.quiet) results = results.map((r) => withCounts(r.filePath, r.messages.filter((m) => m.severity === 'error'), r.fixed));

  const output = v.output as string | undefined;
  const color = v.color === true ? true : v['no-color'] === true ? false : !output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  // Built-in rules and every house rule the configs in play define (SARIF describes each).
  const rules = rulesForConfigs([...loaded.values()].map((c) => c.config));
  const text = format(formatName, results, {cwd, color, version: version(), rules, fixing: v.fix === true});
  if (output) {
    const path = resolve(cwd, output);
    try {
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, text);
    } catch (error) {
      io.stderr.write(`brief: Cannot write the report to ${output}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout.write(text);
  }
  const hidden = results.reduce((n, r) => n + (r.baselined ?? 0), 0);
  if (hidden && formatName !== 'stylish') io.stderr.write(`brief: ${hidden} known finding${hidden === 1 ? '' : 's'} hidden by the baseline (--no-baseline shows them).\n`);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`brief: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows.\n`);
    return EXIT_FINDINGS;
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * --write-baseline, --baseline, --no-baseline: writes the baseline if asked, then
 * hides baselined findings. Returns the results, or an exit code on failure.
 */
function applyBaselineOptions(results: FileResult[], v: Record<string, string | boolean | undefined>, io: Io): FileResult[] | number {
  if (v['no-baseline']) return results;
  const cwd = io.cwd;
  const store = new BaselineStore();
  const explicit = typeof v.baseline === 'string' ? resolve(cwd, v.baseline) : undefined;
  try {
    let baselineFor: (file: string) => LoadedBaseline | undefined;
    if (v['write-baseline']) {
      const path = explicit ?? resolve(cwd, BASELINE_FILE);
      let previous: LoadedBaseline | undefined;
      try {
        previous = store.load(path);
      } catch (error) {
        if (!(error instanceof BaselineFileError)) throw error;
        io.stderr.write(`brief: ${error.message} (replacing it)\n`);
      }
      let written;
      try {
        written = writeBaseline(path, results, previous?.baseline);
      } catch (error) {
        io.stderr.write(`brief: Cannot write the baseline to ${displayPath(path, cwd)}: ${(error as Error).message}\n`);
        return EXIT_USAGE;
      }
      const recorded = results.reduce((n, r) => n + r.messages.filter((m) => m.fingerprint).length, 0);
      io.stderr.write(`brief: Recorded ${recorded} finding${recorded === 1 ? '' : 's'} in ${displayPath(path, cwd)}; later runs report only new ones.\n`);
      const loaded: LoadedBaseline = {path, baseline: written};
      baselineFor = () => loaded;
    } else if (explicit) {
      const loaded = store.load(explicit);
      if (!loaded) {
        io.stderr.write(`brief: Baseline file not found: ${displayPath(explicit, cwd)}\n`);
        return EXIT_USAGE;
      }
      baselineFor = () => loaded;
    } else {
      const known = new Map<string, string | null>();
      baselineFor = (file) => {
        const found = findBaselineFile(file, known);
        return found ? store.load(found) : undefined;
      };
    }
    return applyBaselines(results, baselineFor);
  } catch (error) {
    if (!(error instanceof BaselineFileError)) throw error;
    io.stderr.write(`brief: Cannot use the baseline ${error.message}\nFix it, re-create it with "brief lint --write-baseline", or run with --no-baseline.\n`);
    return EXIT_USAGE;
  }
}

function errorKey(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}:${e.message}`;
}

/** Prints config errors not printed yet; true when one of them means a config could not be read at all. */
function reportConfigErrors(errors: ConfigError[], io: Io, cwd: string, printed: Set<string>): boolean {
  let fatal = false;
  for (const e of errors) {
    if (e.fatal) fatal = true;
    const key = errorKey(e);
    if (printed.has(key)) continue;
    printed.add(key);
    io.stderr.write(formatConfigError(e, displayPath(e.file, cwd)) + '\n');
  }
  return fatal;
}

const SUPPRESSIONS_OPTIONS: OptionSpec = {
  format: {type: 'string', short: 'f'},
  'require-reason': {type: 'boolean'},
  'require-reviewer': {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

function suppressionsCommand(args: string[], io: Io): number {
  const {values, positionals} = parse('suppressions', args, SUPPRESSIONS_OPTIONS);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) {
    io.stdout.write(SUPPRESSIONS_HELP);
    return EXIT_OK;
  }
  const fmt = (v.format as string | undefined) ?? 'stylish';
  if (fmt !== 'stylish' && fmt !== 'json') throw new UsageError(`Unknown format "${fmt}".${hint(fmt, ['stylish', 'json'])} Formats: stylish, json.`, 'suppressions');
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together.', 'suppressions');
  const cwd = io.cwd;
  const explicitConfig = typeof v.config === 'string' ? toPosix(resolve(cwd, v.config)) : undefined;
  const cache = new ConfigCache();
  const printed = new Set<string>();
  const loaded = new Map<string, LoadedConfig>();
  const configFor = (file: string): LoadedConfig => {
    let c = loaded.get(file);
    if (!c) {
      c = v['no-config'] ? loadDefaults(cache) : loadConfig(fsConfigHost, {filePath: toPosix(file), explicitPath: explicitConfig, cache});
      loaded.set(file, c);
    }
    return c;
  };
  const expansion = expandTargets(positionals.length ? positionals : ['.'], {cwd, configIgnores: (file) => isIgnored(configFor(file).ignores, toPosix(file))});
  for (const note of expansion.notes) io.stderr.write(`brief: ${note}\n`);
  const fatal = reportConfigErrors([...loaded.values()].flatMap((c) => c.errors), io, cwd, printed);
  for (const m of expansion.missing) io.stderr.write(`brief: No such file or folder, and no files match: ${m}\n`);
  if (fatal || expansion.missing.length) return EXIT_USAGE;
  const {records, problems} = auditFiles(expansion.files.map((filePath) => ({filePath, config: configFor(filePath).config})), cwd);
  for (const p of problems) io.stderr.write(`brief: Cannot read ${p.file}: ${p.message}\n`);
  const color = v.color === true ? true : v['no-color'] === true ? false : io.stdout.isTTY === true && !io.env.NO_COLOR;
  io.stdout.write(fmt === 'json' ? formatSuppressionsJson(records) : formatSuppressionsStylish(records, expansion.files.length, color));
  const missingReason = v['require-reason'] ? records.filter((r) => !r.reason) : [];
  const missingReviewer = v['require-reviewer'] ? records.filter((r) => !r.reviewer) : [];
  if (missingReason.length) io.stderr.write(`brief: ${missingReason.length} suppression comment${missingReason.length === 1 ? ' gives' : 's give'} no reason (write it after " -- ").\n`);
  if (missingReviewer.length) io.stderr.write(`brief: ${missingReviewer.length} suppression comment${missingReviewer.length === 1 ? ' names' : 's name'} no reviewer (add "(reviewed-by: NAME)" after the reason).\n`);
  if (problems.length) return EXIT_USAGE;
  return missingReason.length || missingReviewer.length ? EXIT_FINDINGS : EXIT_OK;
}

const RENDER_OPTIONS: OptionSpec = {
  output: {type: 'string', short: 'o'},
  theme: {type: 'string'},
  title: {type: 'string'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

const THEMES = ['auto', 'light', 'dark'] as const;

async function renderCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse('render', args, RENDER_OPTIONS);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) {
    io.stdout.write(RENDER_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('"brief render" needs the brief to render.', 'render');
  if (positionals.length > 1) throw new UsageError(`"brief render" renders one brief at a time (got ${positionals.length} paths).`, 'render');
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be used together.', 'render');
  const theme = (v.theme as string | undefined) ?? 'auto';
  if (!(THEMES as readonly string[]).includes(theme)) throw new UsageError(`Unknown theme "${theme}".${hint(theme, THEMES)} Themes: ${THEMES.join(', ')}.`, 'render');
  const cwd = io.cwd;
  const filePath = resolve(cwd, positionals[0]);

  // The same configuration as `brief lint` would use for this file, so the findings match.
  const explicitConfig = typeof v.config === 'string' ? toPosix(resolve(cwd, v.config)) : undefined;
  const loaded: LoadedConfig = v['no-config']
    ? loadDefaults()
    : loadConfig(fsConfigHost, {filePath: toPosix(filePath), explicitPath: explicitConfig, cache: new ConfigCache()});
  if (reportConfigErrors(loaded.errors, io, cwd, new Set())) return EXIT_USAGE;

  let text: string;
  try {
    const st = statSync(filePath);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > MAX_FILE_BYTES) throw new Error(`the file is too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr.write(`brief: Cannot read ${positionals[0]}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
    return EXIT_USAGE;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const {doc, findings} = lintText(text, {config: loaded.config});
  const {renderBrief} = await import('../../core/src/render/index.js');
  const {html} = renderBrief(doc, findings, {standalone: true, theme: theme as (typeof THEMES)[number], title: v.title as string | undefined});

  const output = v.output as string | undefined;
  if (output) {
    const path = resolve(cwd, output);
    try {
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, html);
    } catch (error) {
      io.stderr.write(`brief: Cannot write the page to ${output}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout.write(html);
  }
  return EXIT_OK;
}

const RULES_OPTIONS: OptionSpec = {
  format: {type: 'string', short: 'f'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

function rulesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse('rules', args, RULES_OPTIONS);
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`"brief rules" takes no arguments (got "${positionals[0]}").`, 'rules');
  const fmt = (values.format as string | undefined) ?? 'table';
  if (fmt !== 'table' && fmt !== 'stylish' && fmt !== 'json') throw new UsageError(`Unknown format "${fmt}".${hint(fmt, ['table', 'json'])} Formats: table, json.`, 'rules');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.', 'rules');
  // The configuration that applies in the current folder: its custom rules are listed too.
  const cwd = io.cwd;
  let config = defaultConfig();
  let configFile: string | undefined;
  if (!values['no-config']) {
    configFile = typeof values.config === 'string' ? toPosix(resolve(cwd, values.config)) : findConfigFile(fsConfigHost, toPosix(cwd));
    if (configFile) {
      const loaded = loadConfig(fsConfigHost, {explicitPath: configFile});
      if (reportConfigErrors(loaded.errors, io, cwd, new Set())) return EXIT_USAGE;
      config = loaded.config;
    }
  }
  const rules = rulesFor(config);
  const custom = rules.filter(isCustomRule);
  if (fmt === 'json') {
    const list = rules.map((r) => ({
      id: r.id,
      category: r.category,
      defaultLevel: r.defaultLevel,
      fixable: r.fixable,
      description: r.description,
      docsUrl: isCustomRule(r) ? r.docsUrl : ruleDocsUrl(r.id),
      ...(r.optionsSchema ? {optionsSchema: r.optionsSchema} : {}),
      ...(r.defaultOptions ? {defaultOptions: r.defaultOptions} : {}),
      ...(isCustomRule(r) ? {custom: true, kind: r.kind, scope: r.customScope, ...(r.definedIn ? {definedIn: r.definedIn} : {})} : {}),
    }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  const header = ['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'DESCRIPTION'];
  const rows = rules.map((r) => [r.id, r.category, r.defaultLevel, r.fixable ? 'yes' : '', r.description]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
  let out = line(header);
  for (const row of rows) out += line(row);
  const builtin = rules.length - custom.length;
  out += custom.length
    ? `\n${builtin} built-in rules and ${custom.length} custom rules (from ${displayPath(configFile ?? '', cwd)} and what it extends). Set levels and options in .briefrc.yaml; see ${ruleDocsUrl('').replace(/\.md$/, '')}\n`
    : `\n${builtin} rules. Set levels and options in .briefrc.yaml; see ${ruleDocsUrl('').replace(/\.md$/, '')}\n`;
  io.stdout.write(out);
  return EXIT_OK;
}

