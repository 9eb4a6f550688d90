/**
 * Loads the bundled command's engine (dist/cli/engine.cjs, CommonJS) with V8's code cache
 * (engine.cjs.cache, written by `npm run build` after a training lint): Node then starts
 * from compiled bytecode instead of parsing and compiling ~2 MB of JavaScript, and the
 * functions a lint runs need no compiling either. A cache made by another Node version
 * or with other V8 flags is rejected by V8, and the engine is compiled as usual.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {Script} from 'node:vm';

export interface LoadedBundle<T> {
  exports: T;
  script: Script;
  /** True when there was a cache and V8 refused it (built for another Node or other flags). */
  cacheRejected: boolean;
  /** True when a cache file was read. */
  cacheFound: boolean;
}

/**
 * Node's own CommonJS wrapper, on the bundle's first line as Node puts it: line numbers in stack
 * traces are the file's. scripts/bundle-cli.mjs writes it around the engine; a bundle without it
 * is wrapped when loaded.
 */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
export const WRAPPER_TAIL = '\n})';

/** The code cache's file, next to the bundle. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/** Runs `bundle` (a CommonJS file) as Node would, compiled from its code cache when there is a usable one. */
export function loadBundle<T>(bundle: string): LoadedBundle<T> {
  // ASCII (the build escapes the rest): read as Latin-1, a plain copy into a one-byte string.
  const source = readFileSync(bundle, 'latin1');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFileOf(bundle));
  } catch {
    cachedData = undefined; // not built, or removed: compile as usual
  }
  // The build writes the wrapper into the file, so the text read is compiled as it is: wrapping it here
  // made a second ~2 MB string for V8 to copy into one piece before compiling (~6 ms at every start).
  const code = source.startsWith(WRAPPER_HEAD) ? source : `${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`;
  const script = new Script(code, {filename: bundle, cachedData});
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: {exports: unknown}, filename: string, dir: string) => void;
  const module = {exports: {} as unknown};
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {exports: module.exports as T, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true, cacheFound: cachedData !== undefined};
}
