/**
 * `customRules:` and rule packs in `.briefrc.yaml`: validation with positions (the
 * rest of the file still applies), levels and overrides for custom rule ids,
 * `extends` of built-in packs and of npm packages (through an in-memory host here;
 * cli/src/packs.test.ts does the same through the real file system).
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {loadConfig, ConfigCache, type ConfigError, type ConfigHost} from './load.js';
import {lintText} from '../linter.js';
import {rulesFor} from '../custom/index.js';
import {builtinPacks} from '../packs/index.js';

function memory(files: Record<string, string>): ConfigHost {
  return {readFile: (path) => files[path]};
}

/** 1-based line and column of the first `needle` in `text` (after `after`). */
function posOf(text: string, needle: string, after?: string): {line: number; column: number} {
  const i = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(i >= 0, `"${needle}" not in text`);
  const before = text.slice(0, i);
  return {line: before.split('\n').length, column: i - (before.lastIndexOf('\n') + 1) + 1};
}

function only(errors: ConfigError[], pattern: RegExp): ConfigError {
  const found = errors.filter((e) => pattern.test(e.message));
  assert.equal(found.length, 1, `expected one error matching ${pattern}, got:\n${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return found[0];
}

function at(e: ConfigError, text: string, needle: string, after?: string) {
  const p = posOf(text, needle, after);
  assert.deepEqual({line: e.line, column: e.column}, p, e.message);
}

const BRIEF = `---
title: Harbour closure
date: 2026-11-01
---
# Harbour closure

## Summary

We think the quay is very likely to close within six months.
`;

describe('customRules in .briefrc.yaml', () => {
  test('valid definitions load into the config and run', () => {
    const text = `customRules:
  house/no-very:
    kind: existence
    terms: [very]
    message: 'Cut "{match}".'
    severity: error
    category: style
  house/assess:
    kind: substitution
    swap: {think: assess}
`;
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(Object.keys(r.config.customRules!), ['house/no-very', 'house/assess']);
    assert.equal(r.config.customRules!['house/no-very'].definedIn, '/p/.briefrc.yaml');
    const found = lintText(BRIEF, {config: r.config}).findings.filter((f) => f.ruleId.startsWith('house/'));
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity, f.message]),
      [
        ['house/assess', 'warning', 'Write "assess" instead of "think" (house rule house/assess).'],
        ['house/no-very', 'error', 'Cut "very".'],
      ],
    );
  });

  test('errors have positions; a bad definition is dropped and the rest of the file still applies', () => {
    const text = `scale: icd203
customRules:
  house/unknown-kind:
    kind: exists
    terms: [very]
  house/bad-regex:
    kind: existence
    patterns: ['ok', '(very)\\s+\\1']
  house/no-swap:
    kind: substitution
    message: hi
  house/stray-key:
    kind: existence
    terms: [clearly]
    swap: {a: b}
  House/Upper:
    kind: existence
    terms: [x]
  house/good:
    kind: existence
    terms: [very]
  vague-hedge:
    kind: existence
    terms: [x]
  house/bad-docs:
    kind: existence
    terms: [maybe]
    docs: example.org
`;
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    at(only(r.errors, /kind.*must be one of "existence", "substitution", "occurrence", "conditional", "required-metadata" \(got "exists"\)/), text, 'exists');
    const regex = only(r.errors, /backreferences/);
    at(regex, text, "'(very)");
    assert.match(regex.message, /^Custom rule "house\/bad-regex": The pattern "\(very\)\\s\+\\1" cannot be used: backreferences .* The rule is not used\.$/);
    at(only(r.errors, /house\/no-swap" needs "swap"/), text, 'kind: substitution');
    const stray = only(r.errors, /Unknown key "swap"/);
    at(stray, text, 'swap: {a: b}');
    assert.equal(stray.severity, 'warning');
    at(only(r.errors, /"House\/Upper" in "customRules" must match a namespaced id/), text, 'House/Upper');
    at(only(r.errors, /"vague-hedge" in "customRules" must match a namespaced id/), text, 'vague-hedge', 'house/good');
    at(only(r.errors, /bad-docs\.docs" "example.org" does not match a web address starting with http:\/\/ or https:\/\//), text, 'example.org');
    assert.equal(r.config.scale, 'icd203', 'the rest of the file applies');
    assert.deepEqual(Object.keys(r.config.customRules!).sort(), ['house/bad-docs', 'house/good', 'house/stray-key']);
  });

  test('a missing kind and a placeholder the kind does not fill', () => {
    const text = `customRules:
  house/no-kind:
    terms: [very]
  house/placeholder:
    kind: existence
    terms: [very]
    message: 'Say {preferred}'
`;
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    at(only(r.errors, /house\/no-kind" needs "kind": one of "existence"/), text, 'terms: [very]');
    const w = only(r.errors, /"\{preferred\}" is not a placeholder/);
    assert.equal(w.severity, 'warning');
    at(w, text, "'Say");
    assert.deepEqual(Object.keys(r.config.customRules!), ['house/placeholder'], 'a warning keeps the rule');
  });

  test('levels and overrides by glob apply to custom rule ids; unknown custom ids get a warning with a hint', () => {
    const text = `customRules:
  house/no-very:
    kind: existence
    terms: [very]
rules:
  house/no-very: error
  house/no-vary: off
overrides:
  - files: "drafts/**"
    rules:
      house/no-very: off
`;
    const host = memory({'/p/.briefrc.yaml': text});
    const main = loadConfig(host, {filePath: '/p/a.brief.md'});
    const w = only(main.errors, /Unknown custom rule "house\/no-vary"/);
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /Did you mean "house\/no-very"\?/);
    at(w, text, 'house/no-vary');
    assert.equal(main.config.rules['house/no-very'].level, 'error');
    assert.equal(lintText(BRIEF, {config: main.config}).findings.filter((f) => f.ruleId === 'house/no-very')[0].severity, 'error');
    const draft = loadConfig(host, {filePath: '/p/drafts/b.brief.md'});
    assert.equal(draft.config.rules['house/no-very'].level, 'off');
    assert.deepEqual(
      lintText(BRIEF, {config: draft.config}).findings.filter((f) => f.ruleId === 'house/no-very'),
      [],
    );
  });

  test('a custom rule setting takes a level only', () => {
    const text = 'customRules:\n  house/v:\n    kind: existence\n    terms: [very]\nrules:\n  house/v: [error, {strict: true}]\n';
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    at(only(r.errors, /Custom rule "house\/v" has no options; give only its level, e.g. "house\/v: warning"\./), text, '{strict');
  });

  test('a file can set levels of custom rules defined in a file it extends, and redefine them', () => {
    const files = {
      '/p/base.yaml': 'customRules:\n  house/no-very:\n    kind: existence\n    terms: [very]\n  house/think:\n    kind: substitution\n    swap: {think: assess}\n',
      '/p/.briefrc.yaml': 'extends: base.yaml\nrules:\n  house/think: info\ncustomRules:\n  house/no-very:\n    kind: existence\n    terms: [likely]\n',
    };
    const r = loadConfig(memory(files), {filePath: '/p/a.brief.md'});
    assert.deepEqual(r.errors, []);
    assert.equal(r.config.rules['house/think'].level, 'info');
    assert.deepEqual((r.config.customRules!['house/no-very'] as {terms: string[]}).terms, ['likely'], 'the extending file wins');
  });

  test('required-metadata keys are allowed front-matter keys (frontmatter-keys does not call them unknown)', () => {
    const text = `customRules:
  house/meta:
    kind: required-metadata
    keys:
      classification: {values: [OFFICIAL]}
rules:
  frontmatter-keys: [warning, {allow: [team]}]
`;
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    assert.deepEqual(r.config.rules['frontmatter-keys'].options.allow, ['team', 'classification']);
    const doc = BRIEF.replace('date: 2026-11-01\n', 'date: 2026-11-01\nclassification: OFFICIAL\nteam: ports\n');
    assert.deepEqual(
      lintText(doc, {config: r.config}).findings.filter((f) => f.ruleId === 'frontmatter-keys' || f.ruleId === 'house/meta'),
      [],
    );
  });
});

describe('extends: rule packs', () => {
  test('built-in packs load cleanly and set the scale, levels and custom rules of their standard', () => {
    for (const id of builtinPacks.keys()) {
      const r = loadConfig(memory({'/p/.briefrc.yaml': `extends: brief:${id}\n`}), {filePath: '/p/a.brief.md'});
      assert.deepEqual(r.errors, [], `brief:${id}`);
      assert.deepEqual(r.sources, [`brief:${id}`, '/p/.briefrc.yaml']);
    }
    const phia = loadConfig(memory({'/p/.briefrc.yaml': 'extends: brief:phia\n'}), {filePath: '/p/a.brief.md'}).config;
    assert.equal(phia.scale, 'phia');
    assert.equal(phia.rules['term-off-scale'].level, 'error');
    assert.ok(phia.customRules!['phia/realistic-possibility']);
    const icd = loadConfig(memory({'/p/.briefrc.yaml': 'extends: brief:icd203\nrules:\n  icd203/source-descriptor: off\n'}), {filePath: '/p/a.brief.md'});
    assert.deepEqual(icd.errors, []);
    assert.equal(icd.config.scale, 'icd203');
    assert.equal(icd.config.rules['confidence-with-likelihood'].level, 'error');
    assert.deepEqual(icd.config.requiredSections, ['title', 'summary', 'judgements', 'sources']);
    assert.equal(icd.config.rules['icd203/source-descriptor'].level, 'off', 'a pack rule can be turned off like any other');
  });

  test('the PHIA pack: "real possibility" becomes "realistic possibility"; a bare percentage needs its yardstick term', () => {
    const config = loadConfig(memory({'/p/.briefrc.yaml': 'extends: brief:phia\n'}), {filePath: '/p/a.brief.md'}).config;
    const text = BRIEF.replace('We think the quay is very likely to close within six months.', 'Closure is a real possibility within six months.') +
      '\n## Key Judgements\n\n### Key Judgement 1\n\nThe quay will close within six months (70%).\n\n- Calls fell.[^a]\n\n## Sources\n\n[^a]: Port office, 2026-01-01.\n';
    const found = lintText(text, {config}).findings.filter((f) => f.ruleId.startsWith('phia/'));
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      [
        ['phia/realistic-possibility', 'real possibility'],
        ['phia/terms-not-numbers', '70%'],
      ],
    );
    assert.equal(found[0].fix?.edits[0].text, 'realistic possibility');
  });

  test('the ICD 203 pack: an assessment needs a confidence level; a source entry needs a descriptor', () => {
    const config = loadConfig(memory({'/p/.briefrc.yaml': 'extends: brief:icd203\n'}), {filePath: '/p/a.brief.md'}).config;
    const text = `---\ntitle: Harbour\ndate: 2026-11-01\n---\n# Harbour\n\n## Summary\n\nThe quay will likely close within six months.\n\n## Key Judgements\n\n### Key Judgement 1\n\nWe assess the quay will likely close within six months.\n\n- Calls fell.[^a]\n- Cranes failed.[^b]\n\n## Sources\n\n[^a]: Port office tables, 2026-01-01.\n[^b]: Harbour engineer with direct access to the cranes, 2026-02-01.\n`;
    const found = lintText(text, {config}).findings.filter((f) => f.ruleId.startsWith('icd203/'));
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.category, text.slice(f.start, f.end)]),
      [
        ['icd203/assessment-confidence', 'estimative', 'assess'],
        ['icd203/source-descriptor', 'sourcing', '[^a]: Port office tables, 2026-01-01.'],
      ],
    );
  });

  test('an unknown built-in pack is an error with a hint; the rest applies', () => {
    const text = 'extends: [brief:phai]\nscale: nato\n';
    const r = loadConfig(memory({'/p/.briefrc.yaml': text}), {filePath: '/p/a.brief.md'});
    const e = only(r.errors, /Unknown built-in pack "brief:phai"\. Did you mean "brief:phia"\? Built-in packs: brief:phia, brief:icd203\./);
    at(e, text, 'brief:phai');
    assert.equal(r.config.scale, 'nato');
  });

  test('an npm package is found by walking up node_modules from the config file; package.json "brief" names its file', () => {
    const files: Record<string, string> = {
      '/w/node_modules/brief-pack-ports/package.json': '{"name": "brief-pack-ports"}',
      '/w/node_modules/brief-pack-ports/briefrc.yaml': 'scale: kent\ncustomRules:\n  ports/no-very:\n    kind: existence\n    terms: [very]\n',
      '/w/app/node_modules/@acme/brief-pack-house/package.json': '{"name": "@acme/brief-pack-house", "brief": "config/house.yaml"}',
      '/w/app/node_modules/@acme/brief-pack-house/config/house.yaml': 'extends: ./base.yaml\nrules:\n  vague-hedge: error\n',
      '/w/app/node_modules/@acme/brief-pack-house/config/base.yaml': 'rules:\n  stacked-hedge: info\n',
      '/w/app/reports/.briefrc.yaml': 'extends: [brief-pack-ports, "@acme/brief-pack-house"]\nrules:\n  ports/no-very: error\n',
    };
    const r = loadConfig(memory(files), {filePath: '/w/app/reports/a.brief.md'});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.sources, [
      '/w/node_modules/brief-pack-ports/briefrc.yaml',
      '/w/app/node_modules/@acme/brief-pack-house/config/base.yaml',
      '/w/app/node_modules/@acme/brief-pack-house/config/house.yaml',
      '/w/app/reports/.briefrc.yaml',
    ]);
    assert.equal(r.config.scale, 'kent');
    assert.equal(r.config.rules['ports/no-very'].level, 'error');
    assert.equal(r.config.rules['vague-hedge'].level, 'error');
    assert.equal(r.config.rules['stacked-hedge'].level, 'info');
  });

  test('a file inside a package can be named directly', () => {
    const files = {
      '/w/node_modules/brief-pack-acme/package.json': '{"name": "brief-pack-acme"}',
      '/w/node_modules/brief-pack-acme/strict.yaml': 'rules:\n  vague-hedge: error\n',
      '/w/.briefrc.yaml': 'extends: [brief-pack-acme/strict.yaml, brief-pack-acme/none.yaml]\n',
    };
    const r = loadConfig(memory(files), {filePath: '/w/a.brief.md'});
    assert.equal(r.config.rules['vague-hedge'].level, 'error');
    only(r.errors, /The rule pack "brief-pack-acme" has no file "none.yaml"/);
  });

  test('a pack that is not installed, or has no pack file, is an error at the entry', () => {
    const text = 'extends:\n  - brief-pack-missing\n  - brief-pack-empty\n';
    const files = {'/w/.briefrc.yaml': text, '/w/node_modules/brief-pack-empty/package.json': '{"name": "brief-pack-empty"}'};
    const r = loadConfig(memory(files), {filePath: '/w/a.brief.md'});
    at(only(r.errors, /Cannot find the rule pack "brief-pack-missing": no node_modules\/brief-pack-missing in \/w or any folder above it/), text, 'brief-pack-missing');
    at(only(r.errors, /"brief-pack-empty" .* is not a rule pack: it has no briefrc.yaml/), text, 'brief-pack-empty');
  });

  test('a cycle through a package is reported', () => {
    const files = {
      '/w/.briefrc.yaml': 'extends: brief-pack-loop\n',
      '/w/node_modules/brief-pack-loop/briefrc.yaml': 'extends: ../../.briefrc.yaml\n',
      '/w/node_modules/brief-pack-loop/package.json': '{}',
    };
    const r = loadConfig(memory(files), {filePath: '/w/a.brief.md', cache: new ConfigCache()});
    const e = only(r.errors, /cycle/);
    assert.equal(e.file, '/w/node_modules/brief-pack-loop/briefrc.yaml');
    assert.match(e.message, /\/w\/\.briefrc\.yaml → \/w\/node_modules\/brief-pack-loop\/briefrc\.yaml → \/w\/\.briefrc\.yaml/);
  });

  test('rulesFor lists a pack\'s custom rules after the built-ins', () => {
    const config = loadConfig(memory({'/p/.briefrc.yaml': 'extends: brief:icd203\n'}), {filePath: '/p/a.brief.md'}).config;
    assert.deepEqual(
      rulesFor(config)
        .filter((r) => r.id.includes('/'))
        .map((r) => r.id),
      ['icd203/assessment-confidence', 'icd203/source-descriptor'],
    );
  });
});

describe('documentation examples', () => {
  const blocks = (file: string) => {
    const text = readFileSync(new URL(`../../../../docs/${file}`, import.meta.url), 'utf8');
    return [...text.matchAll(/```yaml\n([^]*?)```/g)].map((m) => m[1]);
  };

  test('every YAML example in docs/custom-rules.md and docs/packs.md loads without errors', () => {
    const examples = [...blocks('custom-rules.md'), ...blocks('packs.md')];
    assert.ok(examples.length >= 7);
    for (const yaml of examples) {
      const files: Record<string, string> = {
        '/p/.briefrc.yaml': yaml,
        '/shared/briefrc.yaml': '',
        '/p/node_modules/@acme/brief-pack-house/briefrc.yaml': '',
        '/p/node_modules/@acme/brief-pack-house/package.json': '{}',
      };
      const r = loadConfig(memory(files), {filePath: '/p/a.brief.md'});
      const problems = r.errors.filter((e) => !/Unknown custom rule "house\/no-vary"/.test(e.message));
      assert.deepEqual(problems, [], yaml);
    }
  });
});
