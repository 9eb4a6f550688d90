/**
 * Custom rules and rule packs through the built `brief` command and the real file
 * system: JSON, SARIF and --fix output, `brief rules`, config errors, and npm packs
 * installed in a temporary node_modules (including a symbolic link, as pnpm makes).
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, realpathSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadConfig} from '../../core/src/config/index.js';
import {fsConfigHost} from './host.js';
import {toPosix} from './files.js';
import {runBrief as brief, writeFiles as write} from './test-support.js';
import {allRules} from '../../core/src/rules/index.js';

const REPORT = `---
title: Quay closure
date: 2026-11-01
---
# Quay closure

## Summary

We Think the north quay is very likely to close within six months.

## Key Judgements

### Key Judgement 1

The harbour authority is likely to close the north quay within six months.

- Ship calls fell 30% in 2025.[^a]

## Sources

[^a]: Port statistics office, 2026-01-10.
`;

interface JsonResult {
  filePath: string;
  messages: Array<{ruleId: string; category: string; severity: string; message: string; line: number; column: number; fix?: unknown}>;
}

describe('custom rules in the CLI', () => {
  let root: string;
  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'brief-custom-')));
    write(root, {
      'node_modules/@acme/brief-pack-ports/package.json': JSON.stringify({name: '@acme/brief-pack-ports', brief: 'pack/ports.yaml'}),
      'node_modules/@acme/brief-pack-ports/pack/ports.yaml': `extends: ./words.yaml
customRules:
  ports/two-evidence:
    kind: occurrence
    count: {facts: [evidence]}
    min: 2
    category: judgement
    message: 'This key judgement rests on {count} evidence item; the ports desk asks for {min}.'
    docs: https://example.org/ports-style#evidence
`,
      'node_modules/@acme/brief-pack-ports/pack/words.yaml': `customRules:
  ports/no-very:
    kind: existence
    terms: [very]
    message: 'Cut "{match}": it adds emphasis, not information.'
`,
      'desk/.briefrc.yaml': `extends: "@acme/brief-pack-ports"
customRules:
  desk/assess:
    kind: substitution
    swap: {think: assess}
    category: estimative
rules:
  ports/no-very: error
`,
      'desk/q.brief.md': REPORT,
    });
  });
  after(() => rmSync(root, {recursive: true, force: true}));

  test('lint --format json reports custom findings with id, category, level, message and fix', () => {
    const r = brief(['lint', '--format', 'json', 'q.brief.md'], join(root, 'desk'));
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'ports/no-very is set to error');
    const [file] = JSON.parse(r.stdout) as JsonResult[];
    const custom = file.messages.filter((m) => m.ruleId.includes('/'));
    assert.deepEqual(
      custom.map((m) => [m.ruleId, m.category, m.severity, m.line, m.column, m.message, !!m.fix]),
      [
        ['desk/assess', 'estimative', 'warning', 9, 4, 'Write "Assess" instead of "Think" (house rule desk/assess).', true],
        ['ports/no-very', 'style', 'error', 9, 28, 'Cut "very": it adds emphasis, not information.', false],
        ['ports/two-evidence', 'judgement', 'warning', 15, 1, 'This key judgement rests on 1 evidence item; the ports desk asks for 2.', false],
      ],
    );
  });

  test('--fix applies a substitution in the original capitalisation', () => {
    const dir = join(root, 'fixing');
    write(dir, {'.briefrc.yaml': readFileSync(join(root, 'desk/.briefrc.yaml'), 'utf8'), 'q.brief.md': REPORT});
    const r = brief(['lint', '--fix', '--format', 'json', 'q.brief.md'], dir);
    assert.equal(r.stderr, '');
    assert.match(readFileSync(join(dir, 'q.brief.md'), 'utf8'), /^We Assess the north quay is /m);
    const [file] = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(!file.messages.some((m) => m.ruleId === 'desk/assess'));
  });

  test('--format sarif carries custom rule results', () => {
    const r = brief(['lint', '--format', 'sarif', 'q.brief.md'], join(root, 'desk'));
    const log = JSON.parse(r.stdout) as {runs: Array<{results: Array<{ruleId: string; level: string}>; tool: {driver: {rules: Array<{id: string}>}}}>};
    const results = log.runs[0].results.filter((x) => x.ruleId.includes('/'));
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.level]),
      [
        ['desk/assess', 'warning'],
        ['ports/no-very', 'error'],
        ['ports/two-evidence', 'warning'],
      ],
    );
    const ids = log.runs[0].tool.driver.rules.map((x) => x.id);
    for (const x of results) assert.ok(ids.includes(x.ruleId), `${x.ruleId} is described in driver.rules`);
  });

  test('brief rules lists the custom rules of the config in the current folder', () => {
    const table = brief(['rules'], join(root, 'desk'));
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^desk\/assess\s+estimative\s+warning\s+yes\s+Prefers "assess" to "think"\.$/m);
    assert.match(table.stdout, /^ports\/two-evidence\s+judgement\s+warning\s+Counts evidence items in a key judgement \(at least 2\)\.$/m);
    assert.match(table.stdout, new RegExp(`${allRules.length} built-in rules and 3 custom rules`));
    const json = JSON.parse(brief(['rules', '--format', 'json'], join(root, 'desk')).stdout) as Array<Record<string, unknown>>;
    const two = json.find((x) => x.id === 'ports/two-evidence')!;
    assert.equal(two.docsUrl, 'https://example.org/ports-style#evidence');
    assert.equal(two.kind, 'occurrence');
    assert.equal(two.scope, 'judgement');
    assert.equal(two.custom, true);
    assert.equal(two.definedIn, toPosix(join(root, 'node_modules/@acme/brief-pack-ports/pack/ports.yaml')));
    assert.match(String(json.find((x) => x.id === 'desk/assess')!.docsUrl), /docs\/custom-rules\.md$/);
    const builtinOnly = brief(['rules', '--no-config'], join(root, 'desk'));
    assert.doesNotMatch(builtinOnly.stdout, /desk\/assess/);
  });

  test('a bad custom rule is reported with its position; the other rules still run', () => {
    const dir = join(root, 'broken');
    write(dir, {
      '.briefrc.yaml': "customRules:\n  desk/bad:\n    kind: existence\n    patterns: ['(\\w+) \\1']\n  desk/good:\n    kind: existence\n    terms: [very]\n",
      'q.brief.md': REPORT,
    });
    const r = brief(['lint', '--format', 'json', 'q.brief.md'], dir);
    assert.match(r.stderr, /^\.briefrc\.yaml:4:16: error: Custom rule "desk\/bad": The pattern "\(\\w\+\) \\1" cannot be used: backreferences/m);
    const [file] = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(
      file.messages.filter((m) => m.ruleId.startsWith('desk/')).map((m) => m.ruleId),
      ['desk/good'],
    );
  });

  test('the file system host finds a pack through a symbolic link and reads it from its real place', () => {
    const dir = join(root, 'linked');
    write(dir, {
      '.store/brief-pack-linked/package.json': '{"name": "brief-pack-linked"}',
      '.store/brief-pack-linked/briefrc.yaml': 'extends: ./base.yaml\nscale: nato\n',
      '.store/brief-pack-linked/base.yaml': 'rules:\n  vague-hedge: error\n',
      'app/.briefrc.yaml': 'extends: brief-pack-linked\n',
    });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(dir, '.store/brief-pack-linked'), join(dir, 'node_modules/brief-pack-linked'), 'dir');
    const r = loadConfig(fsConfigHost, {filePath: toPosix(join(dir, 'app/a.brief.md'))});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.sources, [
      toPosix(join(dir, '.store/brief-pack-linked/base.yaml')),
      toPosix(join(dir, '.store/brief-pack-linked/briefrc.yaml')),
      toPosix(join(dir, 'app/.briefrc.yaml')),
    ]);
    assert.equal(r.config.scale, 'nato');
    assert.equal(r.config.rules['vague-hedge'].level, 'error');
  });

  test('built-in packs work from the command line', () => {
    const dir = join(root, 'builtin');
    write(dir, {'.briefrc.yaml': 'extends: brief:phia\n', 'q.brief.md': REPORT.replace('very likely to close', 'a real possibility to close')});
    const r = brief(['lint', '--format', 'json', 'q.brief.md'], dir);
    assert.equal(r.stderr, '');
    const [file] = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(file.messages.some((m) => m.ruleId === 'phia/realistic-possibility' && m.fix));
  });
});
