/** The `brief` command line: argument parsing and the `lint`, `render` and `rules` commands. */
import {parseArgs} from 'node:util';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {allRules, ruleDocsUrl, lintText, renderBrief} from '../../core/src/index.js';
import {loadConfig, isIgnored, ConfigCache, defaultConfig, formatConfigError, type ConfigError, type LoadedConfig} from '../../core/src/config/index.js';
import {hint} from '../../core/src/config/suggest.js';
import {fsConfigHost} from './host.js';
import {expandTargets, toPosix, displayPath} from './files.js';
import {lintParallel, lintSerial, defaultThreads, PARALLEL_THRESHOLD} from './pool.js';
import {withCounts, type FileResult} from './result.js';
import {format, FORMATS, type FormatName} from './formatters/index.js';
import {version} from './version.js';
import {MAX_FILE_BYTES, type LintTask} from './lint-file.js';

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
  -f, --format <name>      stylish (default), json or sarif
  -o, --output <file>      Write the report to a file instead of standard output
      --fix                Apply the safe fixes to the files, then report what is left
      --max-warnings <n>   Fail (exit 1) when there are more than n warnings
      --quiet              Report errors only
  -c, --config <file>      Use this config file instead of looking for one
      --no-config          Use no config file: the defaults only
      --concurrency <n>    Worker threads: auto (default), off, or a number
      --color, --no-color  Colour on or off (default: on in a terminal unless NO_COLOR is set)
  -h, --help               Show this help

Exit status:
  0  no error-level findings (and no more warnings than --max-warnings)
  1  error-level findings, or more warnings than --max-warnings
  2  usage or runtime error (unknown option, missing file, unreadable config)
`;

const RULES_HELP = `Usage: brief rules [options]

Lists the rules: id, category, default level, whether --fix can fix it, and
what it checks.

Options:
  -f, --format <name>  table (default) or json
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

const HELP: Record<string, string> = {lint: LINT_HELP, render: RENDER_HELP, rules: RULES_HELP};
const COMMANDS = ['lint', 'render', 'rules', 'help'];

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
        ? {config: defaultConfig(), sources: [], ignores: [], errors: []}
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
  if (io.env.BRIEF_DEBUG) io.stderr.write(`brief: ${tasks.length} files, ${parallel ? `${workers} worker threads` : 'serial'}\n`);
  let results: FileResult[] = parallel ? await lintParallel(tasks, workers) : lintSerial(tasks);
  if (v.quiet) results = results.map((r) => withCounts(r.filePath, r.messages.filter((m) => m.severity === 'error'), r.fixed));

  const output = v.output as string | undefined;
  const color = v.color === true ? true : v['no-color'] === true ? false : !output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = format(formatName, results, {cwd, color, version: version(), rules: allRules, fixing: v.fix === true});
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

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`brief: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows.\n`);
    return EXIT_FINDINGS;
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
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

const RENDER_OPTIONS: OptionSpec = {
  output: {type: 'string', short: 'o'},
  theme: {type: 'string'},
  title: {type: 'string'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

const THEMES = ['auto', 'light', 'dark'] as const;

function renderCommand(args: string[], io: Io): number {
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
    ? {config: defaultConfig(), sources: [], ignores: [], errors: []}
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
  if (fmt === 'json') {
    const list = allRules.map((r) => ({
      id: r.id,
      category: r.category,
      defaultLevel: r.defaultLevel,
      fixable: r.fixable,
      description: r.description,
      docsUrl: ruleDocsUrl(r.id),
      ...(r.optionsSchema ? {optionsSchema: r.optionsSchema} : {}),
      ...(r.defaultOptions ? {defaultOptions: r.defaultOptions} : {}),
    }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  if (fmt !== 'table' && fmt !== 'stylish') throw new UsageError(`Unknown format "${fmt}".${hint(fmt, ['table', 'json'])} Formats: table, json.`, 'rules');
  const header = ['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'DESCRIPTION'];
  const rows = allRules.map((r) => [r.id, r.category, r.defaultLevel, r.fixable ? 'yes' : '', r.description]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
  let out = line(header);
  for (const row of rows) out += line(row);
  out += `\n${allRules.length} rules. Set levels and options in .briefrc.yaml; see ${ruleDocsUrl('').replace(/\.md$/, '')}\n`;
  io.stdout.write(out);
  return EXIT_OK;
}

