/**
 * The editor shows what CI shows: the language server's findings for a file equal
 * `brief lint <file> --format json` for the same file and config (bundled examples,
 * plus a folder with its own config, CRLF text and emoji), by push, pull and workspace pull.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {Diagnostic} from 'vscode-languageserver-protocol/node';
import {TestClient, itemsOf} from './harness.js';
import {FERRY, fileUri, tempDir} from './fixtures.js';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const CLI = join(REPO, 'out', 'cli', 'src', 'main.js');
const EXAMPLES = join(REPO, 'examples');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface CliMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `brief lint <files> --format json`, as 1-based tuples per absolute path. */
function cliFindings(files: string[]): Map<string, string[]> {
  const run = spawnSync(process.execPath, [CLI, 'lint', ...files, '--format', 'json'], {cwd: REPO, encoding: 'utf8'});
  assert.ok(run.status === 0 || run.status === 1, `brief lint exited ${run.status}: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{filePath: string; messages: CliMessage[]}>;
  return new Map(results.map((r) => [r.filePath, r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn, m.message].join(' | ')).sort()]));
}

/** LSP diagnostics in the CLI's terms (1-based lines and UTF-16 columns). */
function asCli(diags: Diagnostic[]): string[] {
  return diags
    .map((d) => [d.code, SEVERITY[d.severity!], d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message].join(' | '))
    .sort();
}

const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.brief.md'))
  .sort()
  .map((f) => join(EXAMPLES, f));

// A folder of our own: a config that changes scale and levels, CRLF text, emoji before findings.
const own = tempDir('brief-lsp-parity-');
writeFileSync(join(own, '.briefrc.yaml'), 'scale: icd203\nrules:\n  term-off-scale: error\n  stacked-hedge: info\n  source-metadata: warning\n');
writeFileSync(join(own, 'crlf.brief.md'), FERRY.replace('scale: phia\n', '').replace('very likely', '🚢 highly likely').replace(/\n/g, '\r\n'));
writeFileSync(join(own, 'emoji.brief.md'), FERRY.replace('Crews were', '👩‍✈️ 𝒜𝒷𝒸 Crews were').replace('Harbour fees', 'مرحبا Harbour fees'));
const ownFiles = ['crlf.brief.md', 'emoji.brief.md'].map((f) => join(own, f));

describe('same findings as the CLI', () => {
  const cli = cliFindings([...exampleFiles, ...ownFiles]);
  const push = new TestClient();
  const pull = new TestClient({pull: true, workspaceFolders: [{uri: fileUri(EXAMPLES), name: 'examples'}, {uri: fileUri(own), name: 'own'}]});
  before(() => Promise.all([push.initialize(), pull.initialize()]));
  after(async () => {
    await Promise.all([push.stop(), pull.stop()]);
    rmSync(own, {recursive: true, force: true});
  });

  test('the examples have findings to compare', () => {
    assert.ok(exampleFiles.length >= 2);
    assert.ok([...cli.values()].reduce((n, m) => n + m.length, 0) >= 10);
  });

  for (const file of [...exampleFiles, ...ownFiles]) {
    const name = file.startsWith(EXAMPLES) ? `examples/${file.slice(EXAMPLES.length + 1)}` : `a folder with its own config: ${file.slice(own.length + 1)}`;
    test(`push and pull diagnostics equal brief lint --format json: ${name}`, async () => {
      const text = readFileSync(file, 'utf8');
      const uri = fileUri(file);
      const expectedFindings = cli.get(file);
      assert.ok(expectedFindings, `the CLI reported on ${file}`);
      assert.deepEqual(asCli(await push.openAndWait(uri, text)), expectedFindings, 'push');
      await pull.open(uri, text);
      assert.deepEqual(asCli(await pull.pullItems(uri)), expectedFindings, 'pull');
      await pull.close(uri);
    });
  }

  test('workspace/diagnostic for unopened files equals brief lint too', async () => {
    const report = await pull.workspaceDiagnostics();
    const byUri = new Map(report.items.map((r) => [r.uri, r]));
    for (const file of [...exampleFiles, ...ownFiles]) {
      const r = byUri.get(fileUri(file));
      assert.ok(r, `a report for ${file}`);
      assert.deepEqual(asCli(itemsOf(r)), cli.get(file), file);
    }
  });
});
