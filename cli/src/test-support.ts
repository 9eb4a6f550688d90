/**
 * What the CLI's end-to-end tests share: run the built `brief` command (out/cli/src/main.js,
 * or the bundle `npm run build` makes in dist/cli/) as a child process, and write files into
 * a temporary folder.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
/** The bundled command (package.json "bin") and its worker thread, from scripts/bundle-cli.mjs. */
export const BUNDLED_MAIN = fileURLToPath(new URL('../../../dist/cli/brief.cjs', import.meta.url));
export const BUNDLED_WORKER = fileURLToPath(new URL('../../../dist/cli/worker.cjs', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `brief …args` in `cwd` (no colour: not a terminal; no debug output); `main`: which build of the command. */
export function runBrief(args: string[], cwd: string, env: Record<string, string> = {}, main = MAIN): Run {
  const r = spawnSync(process.execPath, [main, ...args], {
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
