/**
 * Baseline files on disk: finding the one that applies to a brief, reading it
 * (cached, re-read when it changes), writing it, and hiding baselined findings
 * from lint results. The rules for fingerprints and counts are in
 * core/src/baseline.ts; the language server uses this module too.
 */
import {existsSync, readFileSync, statSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {
  BASELINE_FILE,
  baselineKey,
  entriesFor,
  filterByBaseline,
  mergeBaseline,
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
  type BaselineError,
} from '../../core/src/baseline.js';
import {toPosix} from './files.js';
import {withCounts, type FileResult} from './result.js';
import {writeAtomically} from './lint-file.js';

export {BASELINE_FILE};

export interface LoadedBaseline {
  /** Absolute path of the baseline file. */
  path: string;
  baseline: Baseline;
}

/** A baseline that could not be read: the CLI stops with exit 2, the server logs it and applies none. */
export class BaselineFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: BaselineError,
  ) {
    super(`${path}${detail.line ? `:${detail.line}:${detail.column ?? 1}` : ''}: ${detail.message}`);
  }
}

/**
 * The nearest `.brief-baseline.json` in the brief's folder or above it. The walk
 * stops at the repository root (a folder holding `.git`) or the file-system root.
 */
export function findBaselineFile(filePath: string, known?: Map<string, string | null>): string | undefined {
  const visited: string[] = [];
  let found: string | null = null;
  for (let dir = dirname(resolve(filePath)); ; ) {
    const cached = known?.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const candidate = join(dir, BASELINE_FILE);
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
    const up = dirname(dir);
    if (up === dir || existsSync(join(dir, '.git'))) break;
    dir = up;
  }
  if (known) for (const d of visited) known.set(d, found);
  return found ?? undefined;
}

function isFile(path: string): boolean {
  try {
    // No exception for a missing file: most folders have none, and an exception costs more than the stat.
    return statSync(path, {throwIfNoEntry: false})?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Reads and parses baseline files, once per path while the file's size and modification time stay the same. */
export class BaselineStore {
  private readonly files = new Map<string, {stamp: string; loaded?: LoadedBaseline; error?: BaselineFileError}>();

  /** The baseline at `path`; undefined when there is no such file; throws BaselineFileError when it cannot be read. */
  load(path: string): LoadedBaseline | undefined {
    let stamp: string;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new BaselineFileError(path, {message: 'Not a regular file.'});
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch (error) {
      if (error instanceof BaselineFileError) throw error;
      this.files.delete(path);
      return undefined;
    }
    const cached = this.files.get(path);
    if (cached && cached.stamp === stamp) {
      if (cached.error) throw cached.error;
      return cached.loaded;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new BaselineFileError(path, {message: `Cannot read the baseline: ${(error as Error).message}`});
    }
    const parsed = parseBaseline(text);
    if (parsed.error) {
      const error = new BaselineFileError(path, parsed.error);
      this.files.set(path, {stamp, error});
      throw error;
    }
    const loaded = {path, baseline: parsed.baseline!};
    this.files.set(path, {stamp, loaded});
    return loaded;
  }

  clear(): void {
    this.files.clear();
  }
}

/** The entries of `filePath` in `loaded`, if any. */
export function entriesOf(loaded: LoadedBaseline, filePath: string): BaselineEntry[] | undefined {
  return loaded.baseline.files[baselineKey(toPosix(dirname(loaded.path)), toPosix(resolve(filePath)))];
}

/**
 * Hides baselined findings from each result. `baselineFor` gives the baseline
 * that applies to a file (or none). Results with a baseline get a `baselined` count.
 */
export function applyBaselines(results: FileResult[], baselineFor: (filePath: string) => LoadedBaseline | undefined): FileResult[] {
  return results.map((r) => {
    const loaded = baselineFor(r.filePath);
    if (!loaded) return r;
    const {kept, baselined} = filterByBaseline(r.messages, entriesOf(loaded, r.filePath));
    const out = withCounts(r.filePath, kept, r.fixed);
    out.baselined = baselined;
    return out;
  });
}

/**
 * Writes the findings of `results` to the baseline at `path`: the linted files'
 * entries are replaced (so fixed findings drop out), entries of other files are
 * kept while those files exist. Returns the new baseline.
 */
export function writeBaseline(path: string, results: FileResult[], previous: Baseline | undefined): Baseline {
  const dir = toPosix(dirname(path));
  const updates = new Map<string, BaselineEntry[]>();
  for (const r of results) updates.set(baselineKey(dir, toPosix(resolve(r.filePath))), entriesFor(r.messages));
  const baseline = mergeBaseline(previous, updates, (key) => isFile(resolve(dirname(path), key)));
  mkdirSync(dirname(path), {recursive: true});
  const text = serializeBaseline(baseline);
  if (existsSync(path)) writeAtomically(path, text);
  else writeFileSync(path, text);
  return baseline;
}
