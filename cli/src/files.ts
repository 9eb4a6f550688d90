/**
 * Turns the `brief lint` arguments (files, folders, globs) into a list of files.
 * Folders expand to every `*.brief.md` under them, skipping node_modules, .git,
 * whatever `.gitignore` files ignore and what the config's `ignores` name.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve, relative, dirname, sep, isAbsolute} from 'node:path';
import ignore, {type Ignore} from 'ignore';
import {globSync, isDynamicPattern} from 'tinyglobby';

export const BRIEF_SUFFIX = '.brief.md';
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface Expansion {
  /** Absolute paths, in the order the arguments named them, each once. */
  files: string[];
  /** Arguments that name nothing (a usage error). */
  missing: string[];
  /** Notes for stderr (e.g. an explicitly named file skipped by `ignores`). */
  notes: string[];
}

export interface ExpandOptions {
  cwd: string;
  /** True when the config that applies to the file lists it under `ignores`. */
  configIgnores(file: string): boolean;
}

/** Posix form of a path ('/' separators), as the config code expects. */
export function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** `.gitignore` files from the repository root (the folder holding `.git`) down. */
export class GitIgnores {
  private readonly matchers = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();

  /** Folder holding `.git` above or at `dir`, if any. */
  repoRoot(dir: string): string | null {
    const known = this.roots.get(dir);
    if (known !== undefined) return known;
    let root: string | null;
    if (existsSync(join(dir, '.git'))) root = dir;
    else {
      const up = dirname(dir);
      root = up === dir ? null : this.repoRoot(up);
    }
    this.roots.set(dir, root);
    return root;
  }

  private matcher(dir: string): Ignore | null {
    let m = this.matchers.get(dir);
    if (m === undefined) {
      m = null;
      try {
        const text = readFileSync(join(dir, '.gitignore'), 'utf8');
        m = ignore().add(text);
      } catch {
        // no .gitignore here
      }
      this.matchers.set(dir, m);
    }
    return m;
  }

  /**
   * Whether git would ignore `path`, looking at `.gitignore` files from the
   * repository root (or `base` outside a repository) down to the path's folder.
   */
  ignores(path: string, isDir: boolean, base: string): boolean {
    const top = this.repoRoot(base) ?? base;
    const rel = relative(top, path);
    if (!rel || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    let dir = top;
    for (let i = 0; i < parts.length; i++) {
      const m = this.matcher(dir);
      if (m) {
        const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
        if (m.ignores(sub)) return true;
      }
      dir = join(dir, parts[i]);
    }
    return false;
  }
}

export function expandTargets(targets: string[], options: ExpandOptions): Expansion {
  const out: Expansion = {files: [], missing: [], notes: []};
  const seen = new Set<string>();
  const git = new GitIgnores();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.files.push(file);
  };
  for (const target of targets) {
    const abs = resolve(options.cwd, target);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      walk(abs, abs, git, options, found);
      if (found.length === 0) out.notes.push(`No ${BRIEF_SUFFIX} files in ${displayPath(abs, options.cwd)}.`);
      found.forEach(add);
    } else if (st) {
      // Named explicitly: linted whatever its name, unless the config ignores it.
      if (options.configIgnores(abs)) out.notes.push(`${displayPath(abs, options.cwd)} is skipped: the config's "ignores" lists it.`);
      else add(abs);
    } else if (isDynamicPattern(target)) {
      const matches = globSync(toPosix(target), {
        cwd: options.cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      })
        .map((p) => resolve(p))
        .filter((p) => /\.(md|markdown)$/i.test(p))
        .filter((p) => !git.ignores(p, false, options.cwd) && !options.configIgnores(p))
        .sort(compareNames);
      if (matches.length === 0) out.missing.push(target);
      matches.forEach(add);
    } else {
      out.missing.push(target);
    }
  }
  return out;
}

function walk(dir: string, base: string, git: GitIgnores, options: ExpandOptions, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch {
    return;
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = false; // do not follow folder links (cycles)
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      if (git.ignores(p, true, base)) continue;
      walk(p, base, git, options, out);
    } else if (isFile && e.name.endsWith(BRIEF_SUFFIX)) {
      if (git.ignores(p, false, base) || options.configIgnores(p)) continue;
      out.push(p);
    }
  }
}

/** Stable, locale-independent order. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel) ? toPosix(rel) : toPosix(abs);
}
