/**
 * Hostile input, one case at a time: broken front matter, hostile .briefrc.yaml
 * files (wrong types everywhere, unknown rules, cycles, alias bombs, deep nesting),
 * unknown scales, extreme nesting, a 1 MB line; and through the CLI, binary and
 * 50 MB files next to good ones. Each: a clear message with a position where one
 * exists, no crash, and everything else still checked.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {lintText, loadConfig, type ConfigHost, type Finding} from '../../core/src/index.js';

const CLI = resolve(import.meta.dirname, '..', '..', 'cli', 'src', 'main.js');

/** A small brief whose key judgement uses an off-scale term (a finding that must survive any damage elsewhere). */
function brief(frontMatter: string | undefined, extra = ''): string {
  const fm = frontMatter === undefined ? '' : `---\n${frontMatter}\n---\n\n`;
  return `${fm}# Ferry Service\n\n## Summary\n\nThe operators are highly likely to resume the night ferry within three months.\n\n${extra}## Key Judgement 1\n\nThe operators are very likely to resume the night ferry within three months.\n\n- Crews were hired in June.[^a]\n\n## Sources\n\n[^a]: Harbour Gazette, hiring notice, 2026-10-01. Grade B2.\n`;
}

/** 1-based line:column of an offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  return `${line}:${offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) }`;
}

function ids(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

/** "Billion laughs": nine aliases of nine aliases … of a list, ~9^depth nodes when expanded. */
function aliasBomb(depth: number, indent = ''): string {
  const lines = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i <= depth; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

describe('front matter', () => {
  // [case, YAML, line:column of the first error (in the whole brief), what the message says]
  const broken: Array<[string, string, string, RegExp]> = [
    ['an unclosed flow sequence', 'title: [unclosed\nscale: phia', '3:1', /flow sequence.*end with a \]/],
    ['a bad indent', 'title: Ferry\n  scale: phia', '2:8', /nested mappings/],
    ['an unterminated string', 'title: "Ferry\nscale: phia', '4:1', /missing closing "quote/],
    ['a tab indent', 'title: Ferry\n\tscale: phia', '3:1', /tabs are not allowed/],
    ['a duplicate key', 'title: Ferry\ntitle: Boats', '3:1', /keys must be unique/],
  ];
  for (const [name, yaml, position, message] of broken) {
    test(`invalid YAML (${name}): frontmatter-invalid at ${position}, and the body is still checked`, () => {
      const text = brief(yaml);
      const {findings} = lintText(text);
      const invalid = findings.filter((f) => f.ruleId === 'frontmatter-invalid');
      assert.ok(invalid.length >= 1, JSON.stringify(ids(findings)));
      assert.equal(lineCol(text, invalid[0].start), position);
      assert.match(invalid[0].message, /^Front matter is not valid YAML: /);
      assert.match(invalid[0].message, message);
      assert.ok(ids(findings).includes('term-off-scale'), 'the key judgement is still checked');
    });
  }

  test('unclosed front matter: one finding at the opening fence, the rest still checked', () => {
    const text = brief(undefined).replace(/^/, '---\ntitle: Ferry\n');
    const {findings} = lintText(text);
    const invalid = findings.filter((f) => f.ruleId === 'frontmatter-invalid');
    assert.deepEqual(invalid.map((f) => [f.start, f.end]), [[0, 3]]);
    assert.match(invalid[0].message, /no closing `---`/);
  });

  test('an unknown scale is reported on its value, and the default scale applies', () => {
    const text = brief('title: Ferry\nscale: phya');
    const {findings, doc} = lintText(text);
    const f = findings.find((x) => x.ruleId === 'frontmatter-keys')!;
    assert.ok(f, JSON.stringify(ids(findings)));
    assert.equal(text.slice(f.start, f.end), 'phya');
    assert.match(f.message, /not a known estimative scale/);
    assert.equal(doc.scale.id, 'phia');
    assert.ok(ids(findings).includes('term-off-scale'));
  });

  test('a scale of the wrong type (list, number, map) is reported, not used', () => {
    for (const value of ['[phia]', '42', '{id: phia}']) {
      const text = brief(`title: Ferry\nscale: ${value}`);
      const {findings, doc} = lintText(text);
      assert.equal(doc.scale.id, 'phia', value);
      assert.ok(findings.some((f) => f.ruleId.startsWith('frontmatter') && f.start >= text.indexOf('scale:')), `${value}: ${JSON.stringify(ids(findings))}`);
    }
  });

  // Aliases make YAML expand exponentially; the yaml library refuses (throws) past 100 alias
  // resolutions. The engine must turn that into a finding, never an exception.
  test('a YAML alias bomb (billion laughs) in the front matter is a finding, not a crash', () => {
    const text = brief(`title: Ferry\n${aliasBomb(8)}\nscale: phia`);
    const {findings} = lintText(text);
    assert.ok(ids(findings).includes('frontmatter-invalid'), JSON.stringify(ids(findings)));
    assert.ok(ids(findings).includes('term-off-scale'));
  });

  test('an alias to an undefined anchor in the front matter is a finding, not a crash', () => {
    const text = brief('title: Ferry\ntags: *nowhere\nscale: phia');
    const {findings} = lintText(text);
    const invalid = findings.find((f) => f.ruleId === 'frontmatter-invalid');
    assert.ok(invalid, JSON.stringify(ids(findings)));
    assert.ok(invalid.start >= text.indexOf('title:') && invalid.end <= text.indexOf('\n---\n', 4) + 1, 'inside the front matter');
    assert.ok(ids(findings).includes('term-off-scale'));
  });

  test('deeply nested YAML in the front matter: a finding or a value, never a crash', () => {
    for (const yaml of [`title: ${'['.repeat(20000)}${']'.repeat(20000)}`, `title: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`]) {
      const {findings} = lintText(brief(yaml));
      assert.ok(ids(findings).includes('term-off-scale'));
    }
  });
});

describe('extreme structure', () => {
  const tail = '## Key Judgement 2\n\nThe harbour fees are very likely to rise by 2027.\n\n';

  test('5,000 levels of nested lists and block quotes: no crash, and the sections after them are still checked', () => {
    for (const deep of ['- '.repeat(5000) + 'deep item\n\n', '> '.repeat(5000) + 'deep quote\n\n', '1. '.repeat(5000) + 'deep\n\n', Array.from({length: 5000}, (_, i) => ' '.repeat(i % 40) + '- level\n').join('') + '\n']) {
      const text = brief('title: Ferry\nscale: phia', deep + tail);
      const {findings} = lintText(text);
      const off = findings.filter((f) => f.ruleId === 'term-off-scale').map((f) => text.slice(f.start, f.end));
      assert.deepEqual(off, ['very likely', 'very likely'], 'both judgements are checked, before and after the nesting');
    }
  });

  test('a 1 MB single line of evidence: every uncited figure is reported where it is', () => {
    const sentence = 'Fees rose 12% and the crews stayed home. ';
    const n = Math.ceil((1024 * 1024) / sentence.length);
    const line = '- ' + sentence.repeat(n).trimEnd();
    const text = brief('title: Ferry\nscale: phia').replace('- Crews were hired in June.[^a]\n', `- Crews were hired in June.[^a]\n\n${line}\n`);
    const {findings} = lintText(text);
    const claims = findings.filter((f) => f.ruleId === 'uncited-claim');
    assert.equal(claims.length, n);
    assert.ok(claims.every((f) => text.slice(f.start, f.end) === '12%'));
    assert.ok(ids(findings).includes('term-off-scale'));
  });

  test('1 MB of one character that opens a construct: no crash', () => {
    for (const c of ['[', '*', '_', '`', '<', '|', '#', '>', '!', '(', '\\', '"', '-', '\0', '\uD800', '\r']) {
      const text = brief('title: Ferry\nscale: phia', c.repeat(1024 * 1024) + '\n\n');
      assert.doesNotThrow(() => lintText(text), `1 MB of ${JSON.stringify(c)}`);
    }
  });
});

describe('hostile .briefrc.yaml', () => {
  function load(files: Record<string, string>) {
    const host: ConfigHost = {readFile: (p) => files[p]};
    return loadConfig(host, {filePath: '/work/a.brief.md'});
  }
  const where = (e: {line: number; column: number}) => `${e.line}:${e.column}`;

  test('wrong types everywhere: one error per key, with its position; defaults apply; linting works', () => {
    const yaml = 'scale: 5\nrules: [1, 2]\noverrides: {a: 1}\nextends: 7\nignores: yes\nrequireSuppressionReason: maybe\nscales: []\nsections: 3\n';
    const loaded = load({'/work/.briefrc.yaml': yaml});
    const lines = new Set(loaded.errors.map((e) => e.line));
    for (let line = 1; line <= 8; line++) assert.ok(lines.has(line), `line ${line} reported: ${loaded.errors.map((e) => `${where(e)} ${e.message}`).join('; ')}`);
    assert.ok(loaded.errors.every((e) => e.file === '/work/.briefrc.yaml' && e.line >= 1 && e.column >= 1));
    assert.ok(ids(lintText(brief('title: Ferry'), {config: loaded.config}).findings).includes('term-off-scale'));
  });

  test('unknown rules and levels, nested wrong shapes: each reported, the valid rest applies', () => {
    const yaml = 'rules:\n  vage-hedge: error\n  term-off-scale: loud\n  uncited-claim: {level: 1}\n  judgement-no-timeframe: error\n  "": off\noverrides: [{files: 5, rules: 3}, 7, null, {}]\nextends: [5, null, {}]\nignores: [1, null, [a]]\nscales: {x: 5, y: {terms: 3}}\n';
    const loaded = load({'/work/.briefrc.yaml': yaml});
    assert.ok(loaded.errors.some((e) => /vage-hedge/.test(e.message) && where(e) === '2:3'), loaded.errors.map((e) => `${where(e)} ${e.message}`).join('\n'));
    assert.ok(loaded.errors.some((e) => /loud/.test(e.message) && e.line === 3));
    assert.equal(loaded.config.rules['judgement-no-timeframe']?.level, 'error');
  });

  test('a cycle of three files: reported once where it closes; no hang', () => {
    const loaded = load({'/work/.briefrc.yaml': 'extends: ./b.yaml\n', '/work/b.yaml': 'extends: ./c.yaml\n', '/work/c.yaml': 'extends: ./.briefrc.yaml\nrules: {vague-hedge: error}\n'});
    const cycles = loaded.errors.filter((e) => /cycle/.test(e.message));
    assert.equal(cycles.length, 1);
    assert.equal(loaded.config.rules['vague-hedge']?.level, 'error', 'the files in the cycle still apply');
  });

  test('a YAML alias bomb: no expansion, no crash, the rest of the file applies', () => {
    const yaml = `${aliasBomb(9)}\nrules:\n  vague-hedge: error\n  judgement-no-timeframe: *l9\n`;
    const loaded = load({'/work/.briefrc.yaml': yaml});
    assert.ok(loaded.errors.length > 0);
    assert.ok(loaded.errors.every((e) => e.line >= 1 && e.column >= 1));
    assert.equal(loaded.config.rules['vague-hedge']?.level, 'error');
  });

  test('deeply nested YAML: an error with a position, no crash', () => {
    for (const yaml of [`rules: ${'['.repeat(20000)}${']'.repeat(20000)}\nscale: icd203\n`, `scale: icd203\nrules: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`]) {
      const loaded = load({'/work/.briefrc.yaml': yaml});
      assert.ok(loaded.errors.length > 0);
      assert.ok(loaded.errors.every((e) => e.line >= 1 && e.column >= 1 && e.message.length > 0));
    }
  });

  test('binary junk and an empty file', () => {
    assert.match(load({'/work/.briefrc.yaml': '\0\x01\x02\uFFFD\uD800'}).errors[0].message, /map of settings|Invalid YAML/);
    assert.deepEqual(load({'/work/.briefrc.yaml': ''}).errors, []);
  });
});

describe('the CLI with bad files next to good ones', () => {
  let root: string;
  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'brief-bad-input-')));
  });
  after(() => rmSync(root, {recursive: true, force: true}));

  function run(args: string[], cwd: string) {
    const r = spawnSync(process.execPath, [CLI, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}, timeout: 120_000, maxBuffer: 64 * 1024 * 1024});
    return {code: r.status, stdout: r.stdout, stderr: r.stderr};
  }

  test('50 MB, binary, invalid UTF-8, deep nesting and a 1 MB line: each named with a clear message, exit 1, the good file linted', () => {
    const d = join(root, 'mixed');
    mkdirSync(d);
    writeFileSync(join(d, 'huge.brief.md'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    writeFileSync(join(d, 'image.brief.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(d, 'latin1.brief.md'), Buffer.from(brief('title: Café'), 'latin1'));
    writeFileSync(join(d, 'deep.brief.md'), brief('title: Deep', '- '.repeat(5000) + 'deep\n\n'));
    writeFileSync(join(d, 'line.brief.md'), brief('title: Line').replace('- Crews were hired in June.[^a]\n', `- Crews were hired in June.[^a]\n\n- ${'Fees rose 12% again. '.repeat(50000)}\n`));
    writeFileSync(join(d, 'broken.brief.md'), brief('title: [unclosed\nscale: phia'));
    writeFileSync(join(d, 'good.brief.md'), brief('title: Good\nscale: phia'));
    const r = run(['lint', '--format', 'json'], d);
    assert.equal(r.code, 1, r.stderr);
    const results = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; message: string; line: number; column: number}>}>;
    const of = (name: string) => results.find((x) => x.filePath === join(d, name))!.messages;
    assert.equal(results.length, 7);
    assert.deepEqual(of('huge.brief.md').map((m) => [m.ruleId, m.line, m.column]), [['brief/file', 1, 1]]);
    assert.match(of('huge.brief.md')[0].message, /too large to lint \(50\.0 MB; the limit is 20 MB\)/);
    assert.match(of('image.brief.md')[0].message, /binary/);
    assert.match(of('latin1.brief.md')[0].message, /not valid UTF-8/);
    assert.ok(of('latin1.brief.md').some((m) => m.ruleId === 'term-off-scale'), 'a file read with replacement characters is still linted');
    assert.ok(of('deep.brief.md').some((m) => m.ruleId === 'term-off-scale'));
    assert.equal(of('line.brief.md').filter((m) => m.ruleId === 'uncited-claim').length, 50000);
    assert.deepEqual(of('broken.brief.md').filter((m) => m.ruleId === 'frontmatter-invalid').map((m) => m.line), [3], 'where the YAML error is, as in the editor');
    assert.ok(of('good.brief.md').some((m) => m.ruleId === 'term-off-scale'));

    // The stylish report names each file above its messages.
    const stylish = run(['lint'], d);
    assert.equal(stylish.code, 1);
    for (const name of ['huge.brief.md', 'image.brief.md', 'latin1.brief.md', 'good.brief.md']) assert.match(stylish.stdout, new RegExp(`^${name.replace('.', '\\.')}$`, 'm'));
    assert.match(stylish.stdout, /^huge\.brief\.md\n\s+1:1\s+error\s+File is too large to lint/m);
  });

  test('a file the engine cannot handle is reported on that file; the others are still linted (exit 1, not 2)', () => {
    const d = join(root, 'engine-failure');
    mkdirSync(d);
    // YAML aliases in front matter have made the engine throw; whatever the engine does with them, the run goes on.
    writeFileSync(join(d, 'a.brief.md'), brief(`title: A\ntags: *nowhere\n${aliasBomb(8)}`));
    writeFileSync(join(d, 'b.brief.md'), brief('title: B\nscale: phia'));
    const r = run(['lint', '--no-config', '--format', 'json'], d);
    assert.equal(r.code, 1, r.stderr);
    const results = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; message: string}>}>;
    const a = results.find((x) => x.filePath === join(d, 'a.brief.md'))!.messages;
    const b = results.find((x) => x.filePath === join(d, 'b.brief.md'))!.messages;
    assert.ok(a.some((m) => m.ruleId === 'frontmatter-invalid' || (m.ruleId === 'brief/file' && /failed on this file/.test(m.message))), JSON.stringify(a));
    assert.ok(b.some((m) => m.ruleId === 'term-off-scale'));
  });

  test('a hostile .briefrc.yaml: errors with file:line:column on stderr, files still linted', () => {
    const d = join(root, 'hostile-config');
    mkdirSync(d);
    writeFileSync(join(d, '.briefrc.yaml'), `${aliasBomb(9)}\nscale: 5\nrules:\n  vage-hedge: error\n  term-off-scale: error\n  uncited-claim: *l9\nextends: ./.briefrc.yaml\n`);
    writeFileSync(join(d, 'a.brief.md'), brief('title: A\nscale: phia'));
    const r = run(['lint', '--format', 'json'], d);
    assert.equal(r.code, 1, `term-off-scale: error still applies; stderr: ${r.stderr}`);
    assert.match(r.stderr, /\.briefrc\.yaml:\d+:\d+: error: .*scale/);
    assert.match(r.stderr, /\.briefrc\.yaml:\d+:\d+: \w+: .*vage-hedge/);
    const [result] = JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string; severity: string}>}>;
    assert.equal(result.messages.find((m) => m.ruleId === 'term-off-scale')?.severity, 'error');
  });
});
