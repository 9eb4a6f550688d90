/**
 * End-to-end tests of the built `brief` command (out/cli/src/main.js), run on
 * temporary folders. Findings are checked through `term-off-scale` only; a config
 * that turns every other rule off keeps these tests independent of the rule set.
 */
import {test, describe, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, realpathSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {allRules} from '../../core/src/rules/index.js';
import {runBrief as brief, writeFiles as write, type Run} from './test-support.js';
import {PARALLEL_THRESHOLD} from './pool.js';

const PACKAGE = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string};

/** A config that turns off every rule but term-off-scale (at `level`). */
function isolating(level = 'warning', extra = ''): string {
  const lines = allRules.map((r) => `  ${r.id}: ${r.id === 'term-off-scale' ? level : 'off'}`);
  return `rules:\n${lines.join('\n')}\n${extra}`;
}

/** A well-formed brief whose key judgement says `statement`. */
function kj(statement: string, opts: {eol?: string; frontMatter?: string} = {}): string {
  const fm = opts.frontMatter ?? 'title: Ferry Service\ndate: 2026-11-01\nscale: phia';
  const text = `---
${fm}
---

# Ferry Service

## Summary

The ferry operators are likely to resume the night service within the next three months.

## Key Judgement 1

${statement}

- The operators have hired twelve new crew members since June.[^s1]

## Sources

[^s1]: Harbour Gazette, "Crew hiring", 2026-10-01. Grade B2.
`;
  return opts.eol ? text.replace(/\n/g, opts.eol) : text;
}

const OFF_SCALE = 'The ferry operators are very likely to resume the night service within the next three months.';
const ON_SCALE = 'The ferry operators are highly likely to resume the night service within the next three months.';

let tmp: string;
function dir(name: string): string {
  const d = join(tmp, name);
  mkdirSync(d, {recursive: true});
  return d;
}

before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'brief-cli-test-')));
});
after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

interface JsonMessage {
  ruleId: string;
  category: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: {title: string; edits: Array<{range: [number, number]; text: string}>};
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixed?: boolean;
}

function json(r: Run): JsonResult[] {
  assert.doesNotThrow(() => JSON.parse(r.stdout), `stdout is not JSON:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout) as JsonResult[];
}

describe('help, version, usage errors', () => {
  test('--version prints the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = brief([flag], tmp);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${PACKAGE.version}\n`);
    }
  });

  test('help for the program and each command', () => {
    const main = brief(['--help'], tmp);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /Usage: brief <command>/);
    assert.match(main.stdout, /lint \[paths\.\.\.\]/);
    const lint = brief(['lint', '--help'], tmp);
    assert.equal(lint.code, 0);
    for (const opt of ['--format', '--fix', '--max-warnings', '--quiet', '--config', '--output']) assert.ok(lint.stdout.includes(opt), opt);
    assert.equal(brief(['help', 'lint'], tmp).stdout, lint.stdout);
    const rules = brief(['rules', '-h'], tmp);
    assert.equal(rules.code, 0);
    assert.match(rules.stdout, /Usage: brief rules/);
  });

  test('unknown option, command or format: exit 2 with a suggestion', () => {
    const d = dir('usage');
    write(d, {'a.brief.md': kj(ON_SCALE)});
    const opt = brief(['lint', '--formt', 'json', 'a.brief.md'], d);
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /Unknown option "--formt"\. Did you mean "--format"\?/);
    assert.equal(opt.stdout, '');
    const cmd = brief(['lnt'], d);
    assert.equal(cmd.code, 2);
    assert.match(cmd.stderr, /Unknown command "lnt"\. Did you mean "lint"\?/);
    const fmt = brief(['lint', '--format', 'jsn', 'a.brief.md'], d);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /Unknown format "jsn"\. Did you mean "json"\?/);
    assert.equal(brief(['lint', '--max-warnings', 'many'], d).code, 2);
    assert.equal(brief(['lint', '--format'], d).code, 2);
    assert.equal(brief(['lint', '--concurrency', 'lots'], d).code, 2);
  });

  test('a missing file or a glob that matches nothing: exit 2', () => {
    const d = dir('missing');
    write(d, {'a.brief.md': kj(ON_SCALE)});
    const r = brief(['lint', 'a.brief.md', 'nope.brief.md'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.brief\.md/);
    const g = brief(['lint', 'nothing/**/*.brief.md'], d);
    assert.equal(g.code, 2);
    assert.match(g.stderr, /nothing\/\*\*\/\*\.brief\.md/);
  });
});

describe('--format json', () => {
  test('exact messages: 1-based lines, UTF-16 columns, CRLF and an emoji before the term', () => {
    const d = dir('json-exact');
    const statement = '🚢 The ferry operators are very likely to resume the night service within the next three months.';
    const text = kj(statement, {eol: '\r\n'});
    write(d, {'.briefrc.yaml': isolating(), 'crlf.brief.md': text});
    const r = brief(['lint', '--format', 'json', 'crlf.brief.md'], d);
    assert.equal(r.code, 0, r.stderr);
    const results = json(r);
    assert.equal(results.length, 1);
    const [res] = results;
    assert.equal(res.filePath, join(d, 'crlf.brief.md'));
    const lines = text.split('\r\n');
    const line = lines.findIndex((l) => l.startsWith('🚢')) + 1;
    // "🚢" is two UTF-16 code units, then a space: "The" starts at column 4.
    const column = lines[line - 1].indexOf('very likely') + 1;
    assert.equal(column, '🚢 The ferry operators are '.length + 1);
    assert.equal(res.messages.length, 1);
    const m = res.messages[0];
    assert.deepEqual(
      {ruleId: m.ruleId, category: m.category, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn},
      {ruleId: 'term-off-scale', category: 'estimative', severity: 'warning', line, column, endLine: line, endColumn: column + 'very likely'.length},
    );
    assert.match(m.message, /very likely/);
    assert.match(m.message, /highly likely/);
    assert.equal(res.errorCount, 0);
    assert.equal(res.warningCount, 1);
    // The fix offsets address the text (UTF-16), ready for an editor.
    const edit = m.fix!.edits[0];
    assert.equal(text.slice(edit.range[0], edit.range[1]), 'very likely');
    assert.equal(edit.text, 'highly likely');
  });

  test('shape: one object per file, in argument order, with the required keys and types', () => {
    const d = dir('json-shape');
    write(d, {'.briefrc.yaml': isolating(), 'b.brief.md': kj(OFF_SCALE), 'a.brief.md': kj(ON_SCALE)});
    const results = json(brief(['lint', '-f', 'json', 'b.brief.md', 'a.brief.md'], d));
    assert.deepEqual(results.map((r) => r.filePath), [join(d, 'b.brief.md'), join(d, 'a.brief.md')]);
    for (const r of results) {
      for (const k of ['filePath', 'messages', 'errorCount', 'warningCount']) assert.ok(k in r, k);
      assert.ok(Array.isArray(r.messages));
      for (const m of r.messages) {
        for (const k of ['ruleId', 'category', 'message']) assert.equal(typeof (m as unknown as Record<string, unknown>)[k], 'string', k);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(m[k]) && m[k] >= 1, k);
      }
    }
    assert.equal(results[1].messages.length, 0);
  });

  test('a folder expands in a stable order', () => {
    const d = dir('json-order');
    write(d, {'.briefrc.yaml': isolating(), 'z.brief.md': kj(ON_SCALE), 'a.brief.md': kj(ON_SCALE), 'm/b.brief.md': kj(ON_SCALE)});
    const results = json(brief(['lint', '--format', 'json'], d));
    assert.deepEqual(results.map((r) => r.filePath), [join(d, 'a.brief.md'), join(d, 'm', 'b.brief.md'), join(d, 'z.brief.md')]);
  });
});

describe('--format sarif', () => {
  test('SARIF 2.1.0 with rule metadata, levels and relative locations', () => {
    const d = dir('sarif');
    write(d, {'.briefrc.yaml': isolating('error'), 'sub/one.brief.md': kj(OFF_SCALE)});
    const r = brief(['lint', '--format', 'sarif', 'sub'], d);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'brief');
    assert.equal(driver.version, PACKAGE.version);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.equal(driver.rules.length, allRules.length);
    const i = driver.rules.findIndex((x: {id: string}) => x.id === 'term-off-scale');
    const rule = driver.rules[i];
    assert.equal(rule.shortDescription.text, allRules.find((x) => x.id === 'term-off-scale')!.description);
    assert.ok(rule.fullDescription.text.length > 0);
    assert.match(rule.helpUri, /term-off-scale\.md$/);
    assert.equal(rule.defaultConfiguration.level, 'warning');
    assert.equal(rule.properties.category, 'estimative');
    for (const x of driver.rules) assert.ok(['error', 'warning', 'note', 'none'].includes(x.defaultConfiguration.level));
    const results = log.runs[0].results;
    assert.equal(results.length, 1);
    const res = results[0];
    assert.equal(res.ruleId, 'term-off-scale');
    assert.equal(res.ruleIndex, i);
    assert.equal(res.level, 'error');
    assert.match(res.message.text, /very likely/);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'sub/one.brief.md');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    const lines = kj(OFF_SCALE).split('\n');
    const line = lines.indexOf(OFF_SCALE) + 1;
    const col = OFF_SCALE.indexOf('very likely') + 1;
    assert.deepEqual(loc.region, {startLine: line, startColumn: col, endLine: line, endColumn: col + 'very likely'.length});
  });

  test('info and hint map to note', () => {
    const d = dir('sarif-note');
    write(d, {'.briefrc.yaml': isolating('hint'), 'a.brief.md': kj(OFF_SCALE)});
    const log = JSON.parse(brief(['lint', '--format', 'sarif'], d).stdout);
    assert.equal(log.runs[0].results[0].level, 'note');
  });
});

describe('exit codes, --max-warnings, --quiet', () => {
  test('warnings only: exit 0; an error-level finding: exit 1', () => {
    const w = dir('exit-warn');
    write(w, {'.briefrc.yaml': isolating('warning'), 'a.brief.md': kj(OFF_SCALE)});
    assert.equal(brief(['lint'], w).code, 0);
    const e = dir('exit-error');
    write(e, {'.briefrc.yaml': isolating('error'), 'a.brief.md': kj(OFF_SCALE)});
    const r = brief(['lint'], e);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /a\.brief\.md/);
    assert.match(r.stdout, /error/);
    const clean = dir('exit-clean');
    write(clean, {'.briefrc.yaml': isolating('error'), 'a.brief.md': kj(ON_SCALE)});
    const c = brief(['lint'], clean);
    assert.equal(c.code, 0);
    assert.match(c.stdout, /no problems/);
  });

  test('--max-warnings', () => {
    const d = dir('max-warnings');
    write(d, {'.briefrc.yaml': isolating('warning'), 'a.brief.md': kj(OFF_SCALE), 'b.brief.md': kj(OFF_SCALE)});
    assert.equal(brief(['lint', '--max-warnings', '2'], d).code, 0);
    const over = brief(['lint', '--max-warnings', '1'], d);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(brief(['lint', '--max-warnings', '0', '--quiet'], d).code, 0);
  });

  test('--quiet reports errors only', () => {
    const d = dir('quiet');
    write(d, {
      '.briefrc.yaml': isolating('warning', 'overrides:\n  - files: "strict/**"\n    rules: {term-off-scale: error}\n'),
      'a.brief.md': kj(OFF_SCALE),
      'strict/b.brief.md': kj(OFF_SCALE),
    });
    const results = json(brief(['lint', '--quiet', '--format', 'json'], d));
    assert.deepEqual(results.map((r) => [r.messages.length, r.errorCount, r.warningCount]), [[0, 0, 0], [1, 1, 0]]);
    assert.equal(results[1].messages[0].severity, 'error');
  });

  test('stylish: no colour when piped, colour with --color', () => {
    const d = dir('colour');
    write(d, {'.briefrc.yaml': isolating(), 'a.brief.md': kj(OFF_SCALE)});
    const plain = brief(['lint'], d);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    assert.match(plain.stdout, /warning/);
    assert.match(plain.stdout, /term-off-scale/);
    assert.match(plain.stdout, /1 problem \(0 errors, 1 warning\)/);
    assert.match(brief(['lint', '--color'], d).stdout, /\x1b\[/);
  });

  test('-o writes the report to a file', () => {
    const d = dir('output');
    write(d, {'.briefrc.yaml': isolating(), 'a.brief.md': kj(OFF_SCALE)});
    const r = brief(['lint', '-f', 'json', '-o', 'reports/out.json'], d);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    const results = JSON.parse(readFileSync(join(d, 'reports', 'out.json'), 'utf8')) as JsonResult[];
    assert.equal(results[0].messages[0].ruleId, 'term-off-scale');
  });
});

describe('--fix', () => {
  test('writes the fixed text and reports what is left', () => {
    const d = dir('fix');
    write(d, {'.briefrc.yaml': isolating(), 'a.brief.md': kj(OFF_SCALE)});
    const r = brief(['lint', '--fix', '--format', 'json'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(d, 'a.brief.md'), 'utf8'), kj(ON_SCALE));
    const [res] = json(r);
    assert.deepEqual(res.messages, []);
    assert.equal(res.fixed, true);
    assert.deepEqual(readdirSync(d).sort(), ['.briefrc.yaml', 'a.brief.md'], 'no temporary files left behind');
    // A second run has nothing to do and writes nothing.
    const again = json(brief(['lint', '--fix', '--format', 'json'], d));
    assert.equal(again[0].fixed, undefined);
  });

  test('keeps CRLF line ends and a byte-order mark', () => {
    const d = dir('fix-crlf');
    write(d, {'.briefrc.yaml': isolating(), 'a.brief.md': '\uFEFF' + kj(OFF_SCALE, {eol: '\r\n'})});
    assert.equal(brief(['lint', '--fix'], d).code, 0);
    assert.equal(readFileSync(join(d, 'a.brief.md'), 'utf8'), '\uFEFF' + kj(ON_SCALE, {eol: '\r\n'}));
  });

  test('never touches a file whose front matter is not valid YAML', () => {
    const d = dir('fix-invalid');
    const broken = kj(OFF_SCALE, {frontMatter: 'title: [Ferry Service\ndate: 2026-11-01'});
    write(d, {'.briefrc.yaml': isolating(), 'broken.brief.md': broken, 'ok.brief.md': kj(OFF_SCALE)});
    const before = readFileSync(join(d, 'broken.brief.md'));
    const r = brief(['lint', '--fix', '--format', 'json'], d);
    assert.ok(readFileSync(join(d, 'broken.brief.md')).equals(before), 'broken file unchanged byte for byte');
    assert.equal(readFileSync(join(d, 'ok.brief.md'), 'utf8'), kj(ON_SCALE));
    const results = json(r);
    const b = results.find((x) => x.filePath.endsWith('broken.brief.md'))!;
    assert.equal(b.fixed, undefined);
    assert.ok(b.messages.some((m) => m.ruleId === 'term-off-scale'), 'the finding is still reported');
  });
});

describe('files', () => {
  test('folders expand to *.brief.md, skipping node_modules, .gitignore and config ignores', () => {
    const d = dir('expand');
    write(d, {
      '.briefrc.yaml': isolating('warning', 'ignores: [drafts/]\n'),
      '.gitignore': 'build/\n*.tmp.brief.md\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'a.brief.md': kj(ON_SCALE),
      'notes.md': kj(OFF_SCALE),
      'sub/b.brief.md': kj(ON_SCALE),
      'sub/.gitignore': 'local.brief.md\n',
      'sub/local.brief.md': kj(OFF_SCALE),
      'sub/c.tmp.brief.md': kj(OFF_SCALE),
      'build/out.brief.md': kj(OFF_SCALE),
      'drafts/d.brief.md': kj(OFF_SCALE),
      'node_modules/pkg/x.brief.md': kj(OFF_SCALE),
    });
    const files = json(brief(['lint', '--format', 'json'], d)).map((r) => r.filePath);
    assert.deepEqual(files, [join(d, 'a.brief.md'), join(d, 'sub', 'b.brief.md')]);
    // From a subfolder, the repository's .gitignore still applies.
    const fromSub = json(brief(['lint', '--format', 'json', '.'], join(d, 'sub'))).map((r) => r.filePath);
    assert.deepEqual(fromSub, [join(d, 'sub', 'b.brief.md')]);
  });

  test('a file named explicitly is linted whatever its name; globs; each file once', () => {
    const d = dir('explicit');
    write(d, {'.briefrc.yaml': isolating(), 'notes.md': kj(OFF_SCALE), 'x/a.brief.md': kj(ON_SCALE), 'x/b.brief.md': kj(ON_SCALE)});
    const named = json(brief(['lint', '--format', 'json', 'notes.md'], d));
    assert.equal(named[0].messages[0].ruleId, 'term-off-scale');
    const globbed = json(brief(['lint', '--format', 'json', 'x/*.brief.md', 'x/a.brief.md'], d)).map((r) => r.filePath);
    assert.deepEqual(globbed, [join(d, 'x', 'a.brief.md'), join(d, 'x', 'b.brief.md')]);
  });

  test('a binary file and a huge file are reported, not linted, and the rest goes on', () => {
    const d = dir('binary');
    write(d, {
      '.briefrc.yaml': isolating(),
      'bin.brief.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      'big.brief.md': Buffer.alloc(21 * 1024 * 1024, 0x61),
      'ok.brief.md': kj(OFF_SCALE),
    });
    const r = brief(['lint', '--format', 'json'], d);
    assert.equal(r.code, 1);
    const results = json(r);
    const byName = (n: string) => results.find((x) => x.filePath.endsWith(n))!;
    assert.deepEqual(
      {...byName('bin.brief.md').messages[0], message: ''},
      {ruleId: 'brief/file', category: 'file', severity: 'error', message: '', line: 1, column: 1, endLine: 1, endColumn: 1},
    );
    assert.match(byName('bin.brief.md').messages[0].message, /NUL/);
    assert.match(byName('big.brief.md').messages[0].message, /too large/);
    assert.equal(byName('ok.brief.md').messages[0].ruleId, 'term-off-scale');
  });

  test('a named pipe given by name is skipped at once, not waited on', () => {
    const d = dir('fifo');
    write(d, {'.briefrc.yaml': isolating(), 'ok.brief.md': kj(OFF_SCALE)});
    execFileSync('mkfifo', [join(d, 'pipe.brief.md')]);
    const r = brief(['lint', '--format', 'json', 'pipe.brief.md', 'ok.brief.md'], d);
    const results = json(r);
    assert.equal(results.length, 2);
    assert.equal(results[0].messages[0].ruleId, 'brief/file');
    assert.match(results[0].messages[0].message, /Not a regular file/);
    assert.equal(results[1].messages[0].ruleId, 'term-off-scale');
  });

  test('a file that is not UTF-8 is linted with a warning and never fixed', () => {
    const d = dir('latin1');
    const bytes = Buffer.from(kj(OFF_SCALE).replace('Ferry Service\n\n## Summary', 'Ferry Service caf\u00e9\n\n## Summary'), 'latin1');
    write(d, {'.briefrc.yaml': isolating(), 'l.brief.md': bytes});
    const r = brief(['lint', '--fix', '--format', 'json'], d);
    const [res] = json(r);
    assert.equal(res.messages[0].ruleId, 'brief/file');
    assert.equal(res.messages[0].severity, 'warning');
    assert.match(res.messages[0].message, /not valid UTF-8.*Not fixed/);
    assert.ok(res.messages.some((m) => m.ruleId === 'term-off-scale'));
    assert.ok(readFileSync(join(d, 'l.brief.md')).equals(bytes));
  });
});

describe('parallel', () => {
  test('many files on worker threads give the same results, in the same order, as serial', () => {
    const d = dir('parallel');
    const statements = [
      OFF_SCALE,
      ON_SCALE,
      'The operators will resume the night service.',
      'The operators may possibly resume the night service within the next three months.',
      'There is a serious possibility that the operators resume the night service by 2027.',
      'We judge with high confidence that the operators are likely (20%) to resume the night service this winter.',
      'According to officials, the operators are unlikely to resume the night service before 2028.',
    ];
    const files: Record<string, string> = {};
    // More files than PARALLEL_THRESHOLD, or the command lints them on the main thread alone.
    const count = PARALLEL_THRESHOLD + 2;
    for (let i = 0; i < count - 1; i++) {
      const s = statements[i % statements.length];
      files[`b${String(i).padStart(2, '0')}.brief.md`] = i % 3 === 0 ? kj(s, {eol: '\r\n'}) : kj(s);
    }
    files['zz/bad-front-matter.brief.md'] = kj(OFF_SCALE, {frontMatter: 'title: [x'});
    write(d, files);
    const serial = brief(['lint', '--no-config', '--format', 'json', '--concurrency', 'off'], d, {BRIEF_DEBUG: '1'});
    const parallel = brief(['lint', '--no-config', '--format', 'json', '--concurrency', '3'], d, {BRIEF_DEBUG: '1'});
    assert.match(serial.stderr, new RegExp(`${count} files, serial`));
    assert.match(parallel.stderr, new RegExp(`${count} files, 3 threads`));
    assert.equal(parallel.code, serial.code);
    assert.equal(json(parallel).length, count);
    assert.equal(parallel.stdout, serial.stdout);
    assert.ok(json(serial).some((r) => r.messages.length > 0));
  });

  test('--fix on worker threads writes the same files as serial', () => {
    const a = dir('parallel-fix-a');
    const b = dir('parallel-fix-b');
    const files: Record<string, string> = {'.briefrc.yaml': isolating()};
    const count = PARALLEL_THRESHOLD + 1;
    for (let i = 0; i < count; i++) files[`f${i}.brief.md`] = kj(i % 2 ? OFF_SCALE : ON_SCALE);
    write(a, files);
    write(b, files);
    const serial = brief(['lint', '--fix', '--format', 'json', '--concurrency', 'off'], a);
    const parallel = brief(['lint', '--fix', '--format', 'json', '--concurrency', '2'], b, {BRIEF_DEBUG: '1'});
    assert.match(parallel.stderr, new RegExp(`${count} files, 2 threads`));
    assert.equal(parallel.stdout.split(b).join('<dir>'), serial.stdout.split(a).join('<dir>'));
    for (let i = 0; i < count; i++) assert.equal(readFileSync(join(b, `f${i}.brief.md`), 'utf8'), kj(ON_SCALE));
  });
});

describe('config', () => {
  test('config errors are printed with file:line:column; the valid rest applies', () => {
    const d = dir('config-errors');
    const cfg = isolating('error') + 'scale: phya\nrequireSupressionReason: true\n';
    write(d, {'.briefrc.yaml': cfg, 'a.brief.md': kj(OFF_SCALE)});
    const r = brief(['lint', '--format', 'json'], d);
    assert.equal(r.code, 1, 'term-off-scale: error still applies');
    const line = cfg.split('\n').indexOf('scale: phya') + 1;
    assert.ok(r.stderr.includes(`.briefrc.yaml:${line}:8: error: Unknown scale "phya". Did you mean "phia"?`), r.stderr);
    assert.ok(r.stderr.includes(`.briefrc.yaml:${line + 1}:1: warning: Unknown key "requireSupressionReason"`), r.stderr);
    assert.equal(r.stderr.split('Unknown scale').length, 2, 'each config error printed once');
    assert.equal(json(r)[0].messages[0].severity, 'error');
  });

  test('--config uses that file; a missing one is exit 2', () => {
    const d = dir('config-explicit');
    write(d, {'a.brief.md': kj(OFF_SCALE), 'conf/strict.yaml': isolating('error')});
    assert.equal(brief(['lint', '--config', 'conf/strict.yaml'], d).code, 1);
    const missing = brief(['lint', '--config', 'conf/none.yaml'], d);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Config file not found/);
  });

  test('a config that cannot be read at all is exit 2', () => {
    const d = dir('config-huge');
    write(d, {'.briefrc.yaml': 'rules: {}\n' + '#'.repeat(1024 * 1024 + 10) + '\n', 'a.brief.md': kj(ON_SCALE)});
    const r = brief(['lint'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.briefrc\.yaml:1:1: error: Config file is too large/);
  });

  test('--no-config ignores config files', () => {
    const d = dir('no-config');
    write(d, {'.briefrc.yaml': isolating('error'), 'a.brief.md': kj(OFF_SCALE)});
    const results = json(brief(['lint', '--no-config', '--format', 'json'], d));
    const m = results[0].messages.find((x) => x.ruleId === 'term-off-scale')!;
    assert.equal(m.severity, 'warning');
  });
});

describe('brief rules', () => {
  test('table and json', () => {
    const table = brief(['rules'], tmp);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^RULE\s+CATEGORY\s+DEFAULT\s+FIX\s+DESCRIPTION/);
    assert.match(table.stdout, /term-off-scale\s+estimative\s+warning\s+yes\s+/);
    const list = JSON.parse(brief(['rules', '--format', 'json'], tmp).stdout) as Array<Record<string, unknown>>;
    assert.equal(list.length, allRules.length);
    const t = list.find((x) => x.id === 'term-off-scale')!;
    assert.deepEqual(
      {category: t.category, defaultLevel: t.defaultLevel, fixable: t.fixable},
      {category: 'estimative', defaultLevel: 'warning', fixable: true},
    );
    assert.equal(typeof t.description, 'string');
  });
});
