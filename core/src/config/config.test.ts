import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {loadConfig, isIgnored, ConfigCache, findConfigFile, MAX_CONFIG_BYTES, type ConfigHost, type ConfigError} from './load.js';
import {configSchemaText, buildConfigSchema} from './schema.js';
import {allRules} from '../rules/index.js';
import type {Rule} from '../rules/types.js';
import {defaultConfig} from './types.js';
import {lintText} from '../linter.js';
import {parseBrief} from '../parse/document.js';

/** An in-memory file system. */
function memory(files: Record<string, string>, opts: {throwOn?: string[]} = {}): ConfigHost & {reads: string[]} {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      if (opts.throwOn?.includes(path)) throw new Error('EACCES: permission denied');
      return files[path];
    },
  };
}

/** 1-based line and column (UTF-16) of the first occurrence of `needle` in `text` (after `after`, if given). */
function posOf(text: string, needle: string, after?: string): {line: number; column: number} {
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" not in text`);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const column = i - (before.lastIndexOf('\n') + 1) + 1;
  return {line, column};
}

function only(errors: ConfigError[], pattern: RegExp): ConfigError {
  const found = errors.filter((e) => pattern.test(e.message));
  assert.equal(found.length, 1, `expected one error matching ${pattern}, got:\n${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return found[0];
}

function at(e: ConfigError, text: string, needle: string, after?: string) {
  const p = posOf(text, needle, after);
  assert.deepEqual({line: e.line, column: e.column}, p, `position of: ${e.message}`);
  const end = posOf(text, needle, after);
  const endCol = end.column + needle.length;
  assert.deepEqual({endLine: e.endLine, endColumn: e.endColumn}, {endLine: end.line, endColumn: endCol}, `end of: ${e.message}`);
}

const fakeRule: Rule = {
  id: 'fake-rule-with-options',
  category: 'style',
  defaultLevel: 'info',
  description: 'A rule that exists only in these tests.',
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: {
      max: {type: 'integer', minimum: 1, maximum: 10},
      mode: {type: 'string', enum: ['strict', 'loose']},
      words: {type: 'array', items: {type: 'string'}},
    },
    additionalProperties: false,
  },
  defaultOptions: {max: 3, mode: 'loose'},
  docs: {rationale: 'Test only.', bad: '', good: ''},
  check() {},
};
const testRules: Rule[] = [...allRules, fakeRule];

describe('discovery', () => {
  test('walks up from the file to the nearest config and stops there', () => {
    const host = memory({
      '/repo/.briefrc.yaml': 'scale: nato\n',
      '/repo/team/.briefrc.yml': 'scale: kent\n',
    });
    const deep = loadConfig(host, {filePath: '/repo/team/a/b/x.brief.md'});
    assert.equal(deep.config.scale, 'kent');
    assert.deepEqual(deep.sources, ['/repo/team/.briefrc.yml']);
    const top = loadConfig(host, {filePath: '/repo/other/x.brief.md'});
    assert.equal(top.config.scale, 'nato');
    assert.deepEqual(top.sources, ['/repo/.briefrc.yaml']);
  });

  test('.briefrc.json is found too, and .yaml is preferred in the same folder', () => {
    const host = memory({'/p/.briefrc.json': '{\n\t"scale": "icd203"\n}\n'});
    assert.equal(loadConfig(host, {filePath: '/p/x.brief.md'}).config.scale, 'icd203');
    const both = memory({'/p/.briefrc.json': '{"scale": "icd203"}', '/p/.briefrc.yaml': 'scale: kent'});
    assert.deepEqual(loadConfig(both, {filePath: '/p/x.brief.md'}).sources, ['/p/.briefrc.yaml']);
  });

  test('no config: defaults, nothing read as a source, no errors', () => {
    const r = loadConfig(memory({}), {filePath: '/a/b/x.brief.md'});
    assert.deepEqual(r.config, defaultConfig());
    assert.deepEqual(r.sources, []);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(loadConfig(memory({})), {config: defaultConfig(), sources: [], ignores: [], errors: []});
  });

  test('a shared cache remembers discovery per folder', () => {
    const host = memory({'/r/.briefrc.yaml': 'scale: nato\n'});
    const cache = new ConfigCache();
    assert.equal(findConfigFile(host, '/r/a/b', cache), '/r/.briefrc.yaml');
    const before = host.reads.length;
    assert.equal(findConfigFile(host, '/r/a/b', cache), '/r/.briefrc.yaml');
    assert.equal(findConfigFile(host, '/r/a', cache), '/r/.briefrc.yaml');
    assert.equal(host.reads.length, before);
    loadConfig(host, {filePath: '/r/a/x.brief.md', cache});
    const reads = host.reads.length;
    loadConfig(host, {filePath: '/r/a/y.brief.md', cache});
    assert.equal(host.reads.length, reads, 'config file parsed once');
  });

  test('an explicit path replaces discovery', () => {
    const host = memory({'/repo/.briefrc.yaml': 'scale: nato\n', '/etc/brief/team.yaml': 'scale: kent\n'});
    const r = loadConfig(host, {filePath: '/repo/x.brief.md', explicitPath: '/etc/brief/team.yaml'});
    assert.equal(r.config.scale, 'kent');
    assert.deepEqual(r.sources, ['/etc/brief/team.yaml']);
  });

  test('a missing explicit config is a fatal error', () => {
    const r = loadConfig(memory({}), {explicitPath: '/nowhere/brief.yaml'});
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].fatal, true);
    assert.match(r.errors[0].message, /not found: \/nowhere\/brief\.yaml/);
    assert.deepEqual(r.config, defaultConfig());
  });

  test('an unreadable config is a fatal error', () => {
    const r = loadConfig(memory({'/p/.briefrc.yaml': 'scale: nato'}, {throwOn: ['/p/.briefrc.yaml']}), {filePath: '/p/x.brief.md'});
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].fatal, true);
    assert.match(r.errors[0].message, /Cannot read config file: EACCES/);
  });

  test('a config over 1 MB is refused, unread when the host gives sizes', () => {
    const big = 'scale: nato\n' + '#'.repeat(MAX_CONFIG_BYTES);
    const r = loadConfig(memory({'/p/.briefrc.yaml': big}), {filePath: '/p/x.brief.md'});
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /too large.*1 MB/);
    assert.equal(r.errors[0].fatal, true);
    assert.equal(r.config.scale, 'phia');
    let read = false;
    const sized: ConfigHost = {
      readFile: () => {
        read = true;
        return 'scale: nato';
      },
      fileSize: (p) => (p === '/p/.briefrc.yaml' ? 5_000_000 : undefined),
    };
    const r2 = loadConfig(sized, {filePath: '/p/x.brief.md'});
    assert.equal(read, false);
    assert.match(r2.errors[0].message, /5000000 bytes/);
  });
});

describe('extends', () => {
  test('chain: extended files first, later files override, rules merged per rule', () => {
    const host = memory({
      '/shared/base.yaml': 'scale: icd203\nrequireSuppressionReason: true\nrules:\n  fake-rule-with-options: [error, {max: 5, words: [a]}]\n  term-off-scale: error\n',
      '/repo/team.yaml': 'extends: ../shared/base.yaml\nsections:\n  summary: [Overview, "  Main   Points "]\nrules:\n  fake-rule-with-options: {mode: strict}\n',
      '/repo/.briefrc.yaml': 'extends: [./team.yaml]\nscale: nato\nrules:\n  fake-rule-with-options: warning\n',
    });
    const r = loadConfig(host, {filePath: '/repo/x.brief.md', rules: testRules});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.sources, ['/shared/base.yaml', '/repo/team.yaml', '/repo/.briefrc.yaml']);
    assert.equal(r.config.scale, 'nato');
    assert.equal(r.config.requireSuppressionReason, true);
    assert.deepEqual(r.config.sections.summary, ['overview', 'main points']);
    assert.deepEqual(r.config.sections.judgements, defaultConfig().sections.judgements);
    assert.deepEqual(r.config.rules['fake-rule-with-options'], {level: 'warning', options: {max: 5, words: ['a'], mode: 'strict'}});
    assert.deepEqual(r.config.rules['term-off-scale'], {level: 'error', options: {}});
  });

  test('options without a level keep the rule default level', () => {
    const host = memory({'/p/.briefrc.yaml': 'rules:\n  fake-rule-with-options: {max: 2}\n'});
    const r = loadConfig(host, {filePath: '/p/x.brief.md', rules: testRules});
    assert.deepEqual(r.config.rules['fake-rule-with-options'], {level: 'info', options: {max: 2}});
  });

  test('a cycle is reported at the extends entry that closes it; the rest applies', () => {
    const a = 'scale: nato\nextends: ./b.yaml\n';
    const b = 'extends:\n  - ./a.yaml\nrequireSuppressionReason: true\n';
    const host = memory({'/c/a.yaml': a, '/c/b.yaml': b});
    const r = loadConfig(host, {explicitPath: '/c/a.yaml'});
    const e = only(r.errors, /cycle/);
    assert.equal(e.file, '/c/b.yaml');
    at(e, b, './a.yaml');
    assert.match(e.message, /\/c\/a\.yaml → \/c\/b\.yaml → \/c\/a\.yaml/);
    assert.equal(r.config.scale, 'nato');
    assert.equal(r.config.requireSuppressionReason, true);
    assert.deepEqual(r.sources, ['/c/b.yaml', '/c/a.yaml']);
  });

  test('a file extending itself is a cycle', () => {
    const text = 'extends: .briefrc.yaml\n';
    const r = loadConfig(memory({'/s/.briefrc.yaml': text}), {filePath: '/s/x.brief.md'});
    at(only(r.errors, /cycle/), text, '.briefrc.yaml');
  });

  test('a missing file to extend is reported where it is named', () => {
    const text = 'scale: kent\nextends: [./here.yaml, ./gone.yaml]\n';
    const r = loadConfig(memory({'/m/.briefrc.yaml': text, '/m/here.yaml': 'requireSuppressionReason: true'}), {filePath: '/m/x.brief.md'});
    const e = only(r.errors, /Cannot find/);
    at(e, text, './gone.yaml');
    assert.match(e.message, /\/m\/gone\.yaml/);
    assert.equal(e.fatal, undefined);
    assert.equal(r.config.scale, 'kent');
    assert.equal(r.config.requireSuppressionReason, true);
  });

  test('depth is limited', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 15; i++) files[`/d/c${i}.yaml`] = `extends: ./c${i + 1}.yaml\n`;
    files['/d/c15.yaml'] = 'scale: kent\n';
    const r = loadConfig(memory(files), {explicitPath: '/d/c0.yaml'});
    const e = only(r.errors, /more than 10 files deep/);
    assert.equal(e.file, '/d/c9.yaml');
    assert.equal(r.sources.length, 10);
  });

  test('diamond: a file reached twice applies once', () => {
    const host = memory({
      '/x/.briefrc.yaml': 'extends: [./left.yaml, ./right.yaml]\n',
      '/x/left.yaml': 'extends: ./root.yaml\nscale: kent\n',
      '/x/right.yaml': 'extends: ./root.yaml\n',
      '/x/root.yaml': 'scale: nato\n',
    });
    const r = loadConfig(host, {filePath: '/x/a.brief.md'});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.sources, ['/x/root.yaml', '/x/left.yaml', '/x/right.yaml', '/x/.briefrc.yaml']);
    assert.equal(r.config.scale, 'kent');
  });
});

describe('overrides and ignores', () => {
  const text = [
    'rules:',
    '  term-off-scale: warning',
    'overrides:',
    '  - files: "drafts/**"',
    '    rules:',
    '      term-off-scale: off',
    '  - files: ["*.ukic.brief.md", "legacy/*.brief.md"]',
    '    scale: icd203',
    '    sections: {required: [title]}',
    'ignores: [archive/, "*.tmp.brief.md", /top-only.brief.md]',
    '',
  ].join('\n');
  const host = memory({'/w/.briefrc.yaml': text});
  const cfg = (p: string) => loadConfig(host, {filePath: p}).config;

  test('a glob relative to the config folder selects files', () => {
    assert.equal(cfg('/w/drafts/a.brief.md').rules['term-off-scale'].level, 'off');
    assert.equal(cfg('/w/drafts/deep/er/a.brief.md').rules['term-off-scale'].level, 'off');
    assert.equal(cfg('/w/final/a.brief.md').rules['term-off-scale'].level, 'warning');
    assert.equal(cfg('/w/final/drafts/a.brief.md').rules['term-off-scale'].level, 'warning', 'anchored at the config folder');
  });

  test('a pattern without "/" matches at any depth; several patterns', () => {
    assert.equal(cfg('/w/a/b/x.ukic.brief.md').scale, 'icd203');
    assert.deepEqual(cfg('/w/a/b/x.ukic.brief.md').requiredSections, ['title']);
    assert.equal(cfg('/w/legacy/old.brief.md').scale, 'icd203');
    assert.equal(cfg('/w/legacy/sub/old.brief.md').scale, 'phia');
    assert.equal(cfg('/w/x.brief.md').scale, 'phia');
  });

  test('overrides of an extended file are relative to that file', () => {
    const h = memory({
      '/team/shared.yaml': 'overrides:\n  - files: "drafts/**"\n    scale: kent\n',
      '/team/proj/.briefrc.yaml': 'extends: ../shared.yaml\n',
    });
    assert.equal(loadConfig(h, {filePath: '/team/drafts/a.brief.md', explicitPath: '/team/proj/.briefrc.yaml'}).config.scale, 'kent');
    assert.equal(loadConfig(h, {filePath: '/team/proj/drafts/a.brief.md'}).config.scale, 'phia');
  });

  test('overrides do not apply without a file', () => {
    assert.equal(loadConfig(host, {explicitPath: '/w/.briefrc.yaml'}).config.rules['term-off-scale'].level, 'warning');
  });

  test('ignores: folders, basenames at any depth, anchored patterns', () => {
    const {ignores, errors} = loadConfig(host, {filePath: '/w/x.brief.md'});
    assert.deepEqual(errors, []);
    assert.ok(isIgnored(ignores, '/w/archive/a.brief.md'));
    assert.ok(isIgnored(ignores, '/w/archive/2020/a.brief.md'));
    assert.ok(isIgnored(ignores, '/w/sub/archive/a.brief.md'));
    assert.ok(isIgnored(ignores, '/w/sub/x.tmp.brief.md'));
    assert.ok(isIgnored(ignores, '/w/top-only.brief.md'));
    assert.ok(!isIgnored(ignores, '/w/sub/top-only.brief.md'));
    assert.ok(!isIgnored(ignores, '/w/a.brief.md'));
    assert.ok(!isIgnored(ignores, '/elsewhere/archive/a.brief.md'));
  });

  test('ignores survive folder names with glob characters', () => {
    const h = memory({'/w/(x) [y]/.briefrc.yaml': 'ignores: ["old/**"]\n'});
    const {ignores} = loadConfig(h, {filePath: '/w/(x) [y]/a.brief.md'});
    assert.ok(isIgnored(ignores, '/w/(x) [y]/old/a.brief.md'));
    assert.ok(!isIgnored(ignores, '/w/(x) [y]/new/a.brief.md'));
  });
});

describe('custom scales', () => {
  const text = [
    'scales:',
    '  house:',
    '    name: House yardstick',
    '    source: Team style guide',
    '    terms:',
    '      - {term: not expected, band: [5, 30], label: "5–30%"}',
    '      - {term: expected, band: [60, 90], forms: [expected, Expectedly]}',
    '      - {term: near certain, band: [90, 100]}',
    '',
  ].join('\n');
  const host = memory({'/h/.briefrc.yaml': text});

  test('become core Scale objects (forms default to the term, lower case)', () => {
    const {config, errors} = loadConfig(host, {filePath: '/h/x.brief.md'});
    assert.deepEqual(errors, []);
    const s = config.scales.house;
    assert.equal(s.name, 'House yardstick');
    assert.equal(s.source, 'Team style guide');
    assert.deepEqual(s.terms.map((t) => [t.term, t.band, t.label, t.forms]), [
      ['not expected', [5, 30], '5–30%', ['not expected']],
      ['expected', [60, 90], '60–90%', ['expected', 'expectedly']],
      ['near certain', [90, 100], '90–100%', ['near certain']],
    ]);
  });

  test('a brief selects one in its front matter and term-off-scale uses its terms', () => {
    const {config} = loadConfig(host, {filePath: '/h/x.brief.md'});
    const brief = (statement: string) =>
      `---\ntitle: Harbour works\nscale: house\n---\n\n# Harbour works\n\n## Key Judgement 1\n\n${statement}\n\n- Cranes arrived in May.[^s1]\n\n## Sources\n\n[^s1]: Port notice, 2024.\n`;
    const doc = parseBrief(brief('The works are expected to finish by 2026.'), {config});
    assert.equal(doc.scale.id, 'house');
    assert.equal(doc.scaleOrigin, 'front-matter');
    const onScale = lintText(brief('The works are expected to finish by 2026.'), {config, only: ['term-off-scale']});
    assert.deepEqual(onScale.findings, []);
    const off = lintText(brief('The works are highly likely to finish by 2026.'), {config, only: ['term-off-scale']});
    assert.equal(off.findings.length, 1);
    assert.match(off.findings[0].message, /House yardstick/);
    // Without the config, "house" is no scale and the default (PHIA) applies: "highly likely" is fine there.
    const plain = lintText(brief('The works are highly likely to finish by 2026.'), {only: ['term-off-scale']});
    assert.deepEqual(plain.findings, []);
  });

  test('the config scale key can name a custom scale', () => {
    const r = loadConfig(memory({'/h/.briefrc.yaml': text + 'scale: house\n'}), {filePath: '/h/x.brief.md'});
    assert.deepEqual(r.errors, []);
    assert.equal(r.config.scale, 'house');
    assert.equal(parseBrief('# T\n', {config: r.config}).scale.id, 'house');
  });
});

describe('errors, with exact positions', () => {
  const load = (text: string, name = '/e/.briefrc.yaml') => loadConfig(memory({[name]: text}), {filePath: '/e/x.brief.md', rules: testRules});

  test('invalid YAML: position of the syntax error; the other entries still apply', () => {
    const text = 'scale: kent\nrules: {term-off-scale: error\nrequireSuppressionReason: true\n';
    const r = load(text);
    assert.ok(r.errors.length >= 1);
    const e = r.errors[0];
    assert.match(e.message, /^Invalid YAML: /);
    assert.equal(e.severity, 'error');
    assert.ok(e.line >= 2, `line ${e.line}`);
    assert.equal(r.config.scale, 'kent');
  });

  test('invalid YAML: a bad indent is pinned to its line and column', () => {
    const text = 'scale: kent\nsections:\n  summary: [Overview]\n   judgements: [KJs]\nrequireSuppressionReason: true\n';
    const r = load(text);
    const e = r.errors[0];
    assert.match(e.message, /^Invalid YAML/);
    assert.match(e.message, /same column/);
    assert.deepEqual([e.line, e.column], [4, 1]);
    assert.equal(r.config.scale, 'kent');
    assert.equal(r.config.requireSuppressionReason, true);
  });

  test('duplicate keys', () => {
    const text = 'scale: kent\nscale: nato\n';
    const r = load(text);
    const e = only(r.errors, /unique/);
    assert.deepEqual([e.line, e.column], [2, 1]);
  });

  test('invalid JSON config', () => {
    const text = '{\n  "scale": "kent",\n  "rules": {"term-off-scale" "error"}\n}\n';
    const r = load(text, '/e/.briefrc.json');
    const e = only(r.errors, /^Invalid JSON: Missing , or :/);
    assert.deepEqual([e.line, e.column], [3, 30]);
    assert.equal(r.config.scale, 'kent');
    assert.equal(r.config.rules['term-off-scale'], undefined);
  });

  test('a config that is not a map', () => {
    const text = '- scale: kent\n';
    const e = only(load(text).errors, /must be a map/);
    assert.deepEqual([e.line, e.column], [1, 1]);
  });

  test('an empty config is fine', () => {
    assert.deepEqual(load('').errors, []);
    assert.deepEqual(load('# nothing yet\n').errors, []);
  });

  test('unknown top-level key, with did-you-mean', () => {
    const text = 'scale: kent\nrequireSupressionReason: true\n';
    const r = load(text);
    const e = only(r.errors, /Unknown key/);
    assert.match(e.message, /"requireSupressionReason".*Did you mean "requireSuppressionReason"\?/);
    assert.equal(e.severity, 'warning');
    at(e, text, 'requireSupressionReason');
    assert.equal(r.config.scale, 'kent');
    assert.equal(r.config.requireSuppressionReason, false);
  });

  test('unknown nested key', () => {
    const text = 'sections:\n  sumary: [Overview]\n';
    const e = only(load(text).errors, /Unknown key/);
    assert.match(e.message, /"sumary" in "sections"\. Did you mean "summary"\?/);
    at(e, text, 'sumary');
  });

  test('wrong types', () => {
    const text = 'scale: 3\nrequireSuppressionReason: "yes"\nsections:\n  summary: Overview\nignores: [1]\n';
    const r = load(text);
    at(only(r.errors, /"scale" must be a string, not 3/), text, '3');
    at(only(r.errors, /"requireSuppressionReason" must be true or false, not "yes"/), text, '"yes"');
    at(only(r.errors, /"sections.summary" must be a list, not "Overview"/), text, 'Overview');
    at(only(r.errors, /"ignores\[0\]" must be a string, not 1/), text, '1', 'ignores');
    assert.deepEqual(r.config, defaultConfig());
  });

  test('unknown rule id, with did-you-mean', () => {
    const text = 'rules:\n  term-of-scale: error\n  term-off-scale: error\n';
    const r = load(text);
    const e = only(r.errors, /Unknown rule/);
    assert.match(e.message, /"term-of-scale"\. Did you mean "term-off-scale"\?/);
    at(e, text, 'term-of-scale');
    assert.equal(r.config.rules['term-off-scale'].level, 'error');
    assert.equal(r.config.rules['term-of-scale'], undefined);
  });

  test('bad level, in each form', () => {
    const text = 'rules:\n  term-off-scale: warn\n  fake-rule-with-options: [serious, {max: 2}]\n';
    const r = load(text);
    const e = only(r.errors, /got "warn"/);
    assert.match(e.message, /must be one of "off", "hint", "info", "warning", "error" \(got "warn"\)\. Did you mean "warning"\?/);
    at(e, text, 'warn');
    at(only(r.errors, /got "serious"/), text, 'serious');
    // The valid options of the second still apply, at the rule's own level.
    assert.deepEqual(r.config.rules['fake-rule-with-options'], {level: 'info', options: {max: 2}});
    assert.equal(r.config.rules['term-off-scale'], undefined);
  });

  test('a rule setting of the wrong shape', () => {
    const text = 'rules:\n  term-off-scale: 2\n';
    const e = only(load(text).errors, /must be a level/);
    assert.match(e.message, /"rules.term-off-scale" must be a level \("off", "hint", "info", "warning", "error"\), \[level, options\] or \{level, \.\.\.options\}/);
    at(e, text, '2');
  });

  test('options for a rule that has none', () => {
    const text = 'rules:\n  term-off-scale: [warning, {max: 2}]\n';
    const e = only(load(text).errors, /has no options/);
    at(e, text, '{max: 2}');
  });

  test('invalid rule options are dropped one by one, against the rule options schema', () => {
    const text = [
      'rules:',
      '  fake-rule-with-options:',
      '    level: error',
      '    max: 40',
      '    mode: strictest',
      '    words: [ok, 7]',
      '    colour: red',
      '',
    ].join('\n');
    const r = load(text);
    at(only(r.errors, /"rules.fake-rule-with-options.max" must be at most 10 \(got 40\)/), text, '40');
    at(only(r.errors, /"rules.fake-rule-with-options.mode" must be one of "strict", "loose" \(got "strictest"\)/), text, 'strictest');
    at(only(r.errors, /"rules.fake-rule-with-options.words\[1\]" must be a string, not 7/), text, '7');
    const unknown = only(r.errors, /Unknown option "colour"/);
    assert.match(unknown.message, /for rule "fake-rule-with-options"\. Its options: max, mode, words\./);
    at(unknown, text, 'colour');
    assert.deepEqual(r.config.rules['fake-rule-with-options'], {level: 'error', options: {words: ['ok']}});
  });

  test('option types: integer and minimum', () => {
    const text = 'rules:\n  fake-rule-with-options: [warning, {max: 2.5}]\n  term-off-scale: {level: hint}\n';
    const r = load(text);
    at(only(r.errors, /"rules.fake-rule-with-options\[1\].max" must be a whole number, not 2.5/), text, '2.5');
    assert.equal(r.config.rules['term-off-scale'].level, 'hint');
    const r2 = load('rules:\n  fake-rule-with-options: [warning, {max: 0}]\n');
    only(r2.errors, /must be at least 1 \(got 0\)/);
  });

  test('unknown scale, with did-you-mean and the valid ids', () => {
    const text = 'scales:\n  house: {terms: [{term: expected, band: [60, 90]}]}\nscale: phya\n';
    const e = only(load(text).errors, /Unknown scale/);
    assert.match(e.message, /"phya"\. Did you mean "phia"\? Valid scales: phia, icd203, nato, kent, house\./);
    at(e, text, 'phya');
  });

  test('unknown scale in an override', () => {
    const text = 'overrides:\n  - files: "*.brief.md"\n    scale: kentt\n';
    const e = only(load(text).errors, /Unknown scale "kentt"/);
    at(e, text, 'kentt');
  });

  test('custom scale errors', () => {
    const text = [
      'scales:',
      '  House:',
      '    terms: [{term: a, band: [1, 2]}]',
      '  mine:',
      '    terms:',
      '      - {term: fair, band: [60, 40]}',
      '      - {term: good, band: [70, 120]}',
      '      - {term: odd, band: [10]}',
      '      - {band: [10, 20]}',
      '      - {term: fine, band: [40, 60], colour: blue}',
      '  empty:',
      '    terms: []',
      '',
    ].join('\n');
    const r = load(text);
    at(only(r.errors, /"House" in "scales" must match lower-case letters/), text, 'House');
    at(only(r.errors, /band of "fair" runs backwards: \[60, 40\]/), text, '[60, 40]');
    at(only(r.errors, /"scales.mine.terms\[1\].band\[1\]" must be at most 100 \(got 120\)/), text, '120');
    at(only(r.errors, /"scales.mine.terms\[2\].band" must have at least 2 items/), text, '[10]');
    at(only(r.errors, /"scales.mine.terms\[3\]" needs "term"/), text, '{band: [10, 20]}');
    at(only(r.errors, /Unknown key "colour"/), text, 'colour');
    at(only(r.errors, /"scales.empty.terms" must have at least 1 item/), text, '[]');
    assert.deepEqual(Object.keys(r.config.scales), ['mine']);
    assert.deepEqual(r.config.scales.mine.terms.map((t) => t.term), ['fine']);
  });

  test('a custom scale that shadows a built-in one is a warning', () => {
    const text = 'scales:\n  nato: {terms: [{term: likely, band: [60, 90]}]}\n';
    const e = only(load(text).errors, /replaces the built-in scale/);
    assert.equal(e.severity, 'warning');
    at(e, text, 'nato');
  });

  test('an override without files is dropped', () => {
    const text = 'overrides:\n  - scale: kent\n  - files: 3\n    scale: kent\n';
    const r = load(text);
    at(only(r.errors, /"overrides\[0\]" needs "files"/), text, 'scale: kent');
    at(only(r.errors, /"overrides\[1\].files" must be a path or a list of paths/), text, '3');
    assert.equal(r.config.scale, 'phia');
  });

  test('sections.required takes only known section kinds', () => {
    const text = 'sections:\n  required: [title, sumary, sources]\n';
    const r = load(text);
    const e = only(r.errors, /got "sumary"/);
    assert.match(e.message, /Did you mean "summary"\?/);
    at(e, text, 'sumary');
    assert.deepEqual(r.config.requiredSections, ['title', 'sources']);
  });

  test('positions with CRLF line ends and non-ASCII text are in UTF-16 columns', () => {
    const text = '# Équipe 🚢 config\r\nsections:\r\n  summary: [Résumé]\r\nscale: phya\r\n';
    const e = only(load(text).errors, /Unknown scale/);
    assert.deepEqual([e.line, e.column, e.endLine, e.endColumn], [4, 8, 4, 12]);
    const text2 = 'sections: {summary: ["🚢 Résumé"], sumary: x}\n';
    const e2 = only(load(text2).errors, /Unknown key "sumary"/);
    assert.deepEqual([e2.line, e2.column], [1, text2.indexOf('sumary') + 1]);
  });

  test('errors are listed once, by file and position', () => {
    const text = 'zeta: 1\nalpha: 2\n';
    const r = load(text);
    assert.deepEqual(r.errors.map((e) => e.line), [1, 2]);
  });
});

describe('schema', () => {
  test('schemas/briefrc.schema.json matches the rules (run `node out/scripts/gen-schema.js` after changing rules)', () => {
    // out/core/src/config/ → repository root
    const path = fileURLToPath(new URL('../../../../schemas/briefrc.schema.json', import.meta.url));
    const committed = readFileSync(path, 'utf8');
    assert.equal(committed, configSchemaText(allRules), 'schemas/briefrc.schema.json is out of date: run `npx tsc -p . && node out/scripts/gen-schema.js`');
  });

  test('every rule is in the schema with its options', () => {
    const schema = buildConfigSchema(testRules) as {definitions: {rules: {properties: Record<string, {oneOf: Array<Record<string, unknown>>}>}}};
    const props = schema.definitions.rules.properties;
    for (const rule of testRules) assert.ok(props[rule.id], rule.id);
    const fake = props['fake-rule-with-options'].oneOf;
    assert.deepEqual((fake[1].items as unknown[])[1], fakeRule.optionsSchema);
    assert.ok(((fake[2].properties as Record<string, unknown>).max));
  });

  test('the shipped schema is valid JSON with draft-07 markers', () => {
    const schema = JSON.parse(configSchemaText(allRules));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, false);
  });
});
