/**
 * Lints (and with --fix, fixes) one file on disk. Used by the serial path and by
 * the worker threads, so both give identical results.
 */
import {writeFileSync, renameSync, statSync, realpathSync, unlinkSync, chmodSync, openSync, fstatSync, readSync, closeSync, constants as fsConstants} from 'node:fs';
import {dirname, basename, join} from 'node:path';
import {nodeCrypto} from './builtins.js';
// Not through core/src/index.js, which also loads the preview renderer (start-up of every worker thread).
import {lintText, type LintResult} from '../../core/src/linter.js';
import {applyFixes, safeFixes} from '../../core/src/fix.js';
import {NoSectionCache} from '../../core/src/parse/cache.js';
import type {ResolvedConfig} from '../../core/src/config/types.js';
import {fingerprintFinding} from '../../core/src/baseline.js';
import {fileProblem, withCounts, type FileResult, type LintMessage} from './result.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FIX_PASSES = 10;
const ONE_SHOT = new NoSectionCache();

export interface LintTask {
  /** Absolute path. */
  filePath: string;
  config: ResolvedConfig;
  fix: boolean;
}

// ignoreBOM keeps a byte-order mark in the text, so it can be written back.
const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** Lints one file. An engine failure on it is reported as a problem of that file; the other files are still linted. */
export function lintFile(task: LintTask): FileResult {
  try {
    return lintOneFile(task);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return withCounts(task.filePath, [fileProblem(task.filePath, `Brief Studio failed on this file, so it was not checked (${reason}). Please report this.`)]);
  }
}

function lintOneFile(task: LintTask): FileResult {
  const {filePath, config} = task;
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open: the size and type come from the open file (fstat), not a second lookup by path.
    // O_NONBLOCK: a named pipe is opened without waiting for a writer, then skipped as not a regular file.
    fd = openSync(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return withCounts(filePath, [fileProblem(filePath, 'Not a regular file; skipped.')]);
    if (st.size > MAX_FILE_BYTES) {
      return withCounts(filePath, [fileProblem(filePath, `File is too large to lint (${(st.size / 1048576).toFixed(1)} MB; the limit is 20 MB); skipped.`)]);
    }
    bytes = readOpenFile(fd, st.size);
  } catch (error) {
    return withCounts(filePath, [fileProblem(filePath, `Cannot read file: ${(error as Error).message}`)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.includes(0)) {
    return withCounts(filePath, [fileProblem(filePath, 'File contains NUL bytes, so it is binary rather than a brief; skipped.')]);
  }
  const extra: LintMessage[] = [];
  let text: string;
  let validUtf8 = true;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    validUtf8 = false;
    text = bytes.toString('utf8');
    extra.push(fileProblem(filePath, 'File is not valid UTF-8: invalid bytes were read as "\uFFFD". Save it as UTF-8.' + (task.fix ? ' Not fixed.' : ''), 'warning'));
  }
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);

  // Linted once and let go (unless fixed): no section cache and no bookkeeping for incremental re-lints.
  let result = lintText(text, task.fix ? {config} : {config, cache: ONE_SHOT, reuse: false});
  let fixed = false;
  if (task.fix && validUtf8 && parsesCleanly(result)) {
    let current = text;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = safeFixes(result.findings);
      if (fixes.length === 0) break;
      const applied = applyFixes(current, fixes);
      if (applied.applied.length === 0 || applied.text === current) break;
      const next = lintText(applied.text, {config});
      // A fix must never leave the file harder to read than it found it.
      if (!parsesCleanly(next)) break;
      current = applied.text;
      result = next;
    }
    if (current !== text) {
      try {
        writeAtomically(filePath, (bom ? '\uFEFF' : '') + current);
        fixed = true;
      } catch (error) {
        extra.push(fileProblem(filePath, `Could not write the fixes: ${(error as Error).message}`));
        result = lintText(text, {config});
      }
    }
  }
  const lines = result.doc.lines;
  const messages: LintMessage[] = result.findings.map((f) => {
    const a = lines.positionAt(f.start);
    const b = lines.positionAt(f.end);
    const m: LintMessage = {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      line: a.line + 1,
      column: a.character + 1,
      endLine: b.line + 1,
      endColumn: b.character + 1,
      fingerprint: fingerprintFinding(result.doc, f),
    };
    if (f.fix) m.fix = {title: f.fix.title, edits: f.fix.edits.map((e) => ({range: [e.start, e.end], text: e.text}))};
    return m;
  });
  return withCounts(filePath, [...extra, ...messages], fixed);
}

/**
 * The bytes of an open file whose size fstat gave: what `readFileSync(fd)` returns (`size`
 * bytes, or up to the end of the file if it shrank; to the end when the size is 0, as for
 * files the kernel makes up), without the second fstat it makes (~17 µs a call on this
 * project's CI kind of VM: 17 ms of a 1,000-brief lint). One read system call in the usual case.
 */
export function readOpenFile(fd: number, size: number): Buffer {
  if (size === 0) {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks);
      chunks.push(chunk.subarray(0, n));
    }
  }
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const n = readSync(fd, bytes, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return length < size ? bytes.subarray(0, length) : bytes;
}

/** The front matter parsed (a file we cannot parse is never written). */
function parsesCleanly(result: LintResult): boolean {
  return !result.doc.frontMatter || result.doc.frontMatter.errors.length === 0;
}

/** Writes through a temporary file in the same folder and renames it over the target. */
export function writeAtomically(filePath: string, text: string): void {
  let target = filePath;
  try {
    target = realpathSync(filePath); // keep symbolic links as links
  } catch {
    // a new file: write it where asked
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, {flag: 'wx'});
    try {
      chmodSync(tmp, statSync(target).mode & 0o7777);
    } catch {
      // keep the default mode
    }
    renameSync(tmp, target);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}
