/**
 * snippets/brief.code-snippets: every body parses, uses only known variables and
 * sensible choices, and expands (defaults, first choices) to a brief that lints clean.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {lintText, defaultConfig} from '../../core/src/index.js';
import {builtinScales} from '../../core/src/scales/index.js';
import {expandSnippet, parseSnippet, tabstops, variables, TEST_VARIABLES} from './snippet-expander.js';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const root = resolve(import.meta.dirname, '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'brief.code-snippets'), 'utf8')) as Record<string, Snippet>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
const get = (prefix: string) => {
  const s = byPrefix.get(prefix);
  assert.ok(s, `no snippet with prefix ${prefix}`);
  return s;
};

function findings(text: string, config = defaultConfig()) {
  return lintText(text, {config}).findings.map((f) => `${f.ruleId}: ${f.message}`);
}

/** Default config with the off-by-default source-metadata rule on: the skeleton gives dates and grades. */
function strictConfig() {
  const config = defaultConfig();
  config.rules['source-metadata'] = {level: 'warning', options: {}};
  return config;
}

const PHIA_FORMS = new Set(builtinScales.get('phia')!.terms.flatMap((t) => t.forms));

test('the snippets: brief, kj, ev, src and fm, each with a description', () => {
  assert.deepEqual([...byPrefix.keys()].sort(), ['brief', 'ev', 'fm', 'kj', 'src']);
  for (const s of Object.values(snippets)) {
    assert.ok(Array.isArray(s.body) && s.body.length > 0, s.prefix);
    assert.ok(s.description.length > 20, s.prefix);
  }
});

test('snippet bodies parse, use known variables, end at $0 and number their tab stops 1..n', () => {
  for (const s of Object.values(snippets)) {
    const nodes = parseSnippet(s.body.join('\n'));
    for (const v of variables(nodes)) assert.ok(v in TEST_VARIABLES, `${s.prefix}: unknown variable $${v}`);
    const indexes = [...new Set(tabstops(nodes).map((t) => t.index))].sort((a, b) => a - b);
    assert.equal(indexes[0], 0, `${s.prefix}: no final tab stop $0`);
    assert.deepEqual(indexes.slice(1), indexes.slice(1).map((_, i) => i + 1), `${s.prefix}: tab stops ${indexes.join(', ')}`);
  }
});

test('choices: scales are the built-in scales, likelihood terms are PHIA terms, grades are Admiralty grades', () => {
  let scaleChoices = 0;
  let termChoices = 0;
  let gradeChoices = 0;
  for (const s of Object.values(snippets)) {
    for (const t of tabstops(parseSnippet(s.body.join('\n')))) {
      if (!t.choices) continue;
      assert.equal(new Set(t.choices).size, t.choices.length, `${s.prefix}: repeated choice`);
      if (t.choices.includes('phia')) {
        scaleChoices++;
        assert.deepEqual(t.choices, [...builtinScales.keys()], s.prefix);
      } else if (t.choices.every((c) => /^[A-F][1-6]$/.test(c))) {
        gradeChoices++;
        assert.equal(t.choices[0], 'B2', `${s.prefix}: the default grade`);
      } else {
        termChoices++;
        for (const c of t.choices) assert.ok(PHIA_FORMS.has(c.replace(/^an? /, '')), `${s.prefix}: ${c} is not a PHIA term`);
        assert.equal(t.choices.length, builtinScales.get('phia')!.terms.length, `${s.prefix}: one choice per PHIA term`);
      }
    }
  }
  assert.deepEqual([scaleChoices, termChoices, gradeChoices], [2, 2, 2]);
});

test('the brief skeleton, with its defaults, lints with no findings (source-metadata on too)', () => {
  const text = expandSnippet(get('brief').body);
  assert.match(text, /^---\ntitle: .+\ndate: 2026-11-02\nscale: phia\n/);
  assert.match(text, /\n## Summary\n[\s\S]*\n## Key Judgement 1\n[\s\S]*\n- .+\[\^source-1\]\n[\s\S]*\n## Sources\n\n\[\^source-1\]: .+ Grade B2\.\n/);
  assert.deepEqual(findings(text), []);
  assert.deepEqual(findings(text, strictConfig()), []);
});

test('the brief skeleton lints clean with every likelihood choice and every grade choice', () => {
  const nodes = tabstops(parseSnippet(get('brief').body.join('\n')));
  const terms = nodes.find((t) => t.choices?.includes('likely'))!;
  const grades = nodes.find((t) => t.choices?.includes('B2'))!;
  for (const term of terms.choices!) assert.deepEqual(findings(expandSnippet(get('brief').body, {pick: {[terms.index]: term}})), [], term);
  for (const grade of grades.choices!) assert.deepEqual(findings(expandSnippet(get('brief').body, {pick: {[grades.index]: grade}}), strictConfig()), [], grade);
});

test('kj, ev and src added to the skeleton, and fm in place of its front matter, lint with no findings', () => {
  const brief = expandSnippet(get('brief').body).trimEnd() + '\n';
  const [kj, ev, src, fm] = ['kj', 'ev', 'src', 'fm'].map((p) => expandSnippet(get(p).body).trimEnd() + '\n');
  const withAll = brief.replace('\n## Sources\n', `\n${kj}${ev}\n## Sources\n`) + src;
  assert.match(withAll, /## Key Judgement 2\n/);
  assert.deepEqual(findings(withAll), []);
  assert.deepEqual(findings(withAll, strictConfig()), []);
  const body = brief.slice(brief.indexOf('\n---\n') + 5);
  assert.deepEqual(findings(fm + body), []);
});

test('fragments on their own report only what a fragment inherently lacks', () => {
  const allowed: Record<string, string[]> = {
    // A judgement alone: no title or Summary, numbered 2 (it follows Key Judgement 1), its source defined elsewhere.
    kj: ['required-sections', 'judgement-numbering', 'footnote-undefined'],
    ev: ['required-sections', 'footnote-undefined'],
    src: ['required-sections', 'source-unused'],
    fm: ['required-sections'],
  };
  for (const [prefix, rules] of Object.entries(allowed)) {
    const ids = lintText(expandSnippet(get(prefix).body)).findings.map((f) => f.ruleId);
    for (const id of ids) assert.ok(rules.includes(id), `${prefix}: unexpected ${id}`);
  }
});

test('the expander: defaults, mirrors, nested placeholders, choices, variables, escapes', () => {
  assert.equal(expandSnippet('${1:a ${2:b}} $2 $1 ${3|x,y\\,z|} $3 \\$1 ${CURRENT_YEAR} $0'), 'a b b a b x x $1 2026 ');
  assert.equal(expandSnippet('${1|x,y\\,z|}', {pick: {1: 'y,z'}}), 'y,z');
  assert.throws(() => expandSnippet('$UNKNOWN_VAR'), /Unknown snippet variable/);
  assert.throws(() => expandSnippet('${1:open'), /Unclosed/);
  assert.throws(() => expandSnippet('${1/a/b/}'), /Transforms/);
});
