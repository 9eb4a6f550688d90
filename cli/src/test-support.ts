/**
 * What the CLI's end-to-end tests share: run the built `brief` command (out/cli/src/main.js)
 * as a child process, and write files into a temporary folder.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `brief …args` in `cwd` (no colour: not a terminal; no debug output). */
export function runBrief(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', BRIEF_DEBUG: '', ...env},
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** Writes `files` (relative paths → contents) under `root`, making folders as needed. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = join(root, name);
    mkdirSync(dirname(p), {recursive: true});
    writeFileSync(p, content);
  }
}
