/** Architecture invariants (ARCHITECTURE.md), checked on the source tree. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('core/ imports no node: module, no vscode and no LSP package (outside tests and test support)', () => {
  const offenders: string[] = [];
  for (const f of files(join(root, 'core', 'src'))) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f.includes(`${join('core', 'src', 'testing')}`)) continue;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      if (/^(?:node:|fs$|path$|os$|child_process$|worker_threads$|vscode|vscode-languageserver|vscode-languageclient)/.test(m[1])) {
        offenders.push(`${relative(root, f)}: ${m[1]}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('every rule module has a test file beside it', () => {
  const missing: string[] = [];
  for (const f of files(join(root, 'core', 'src', 'rules'))) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    const text = readFileSync(f, 'utf8');
    if (!/:\s*Rule\s*=\s*\{/.test(text)) continue;
    try {
      statSync(f.replace(/\.ts$/, '.test.ts'));
    } catch {
      missing.push(relative(root, f));
    }
  }
  assert.deepEqual(missing, []);
});
