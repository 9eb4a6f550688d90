/**
 * Custom rules compiled from definitions: every kind, scopes, messages, fixes,
 * levels and suppressions, and RE2 safety. Definitions here go straight into a
 * ResolvedConfig; loading them from YAML is tested in core/src/config/custom-rules.test.ts.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from '../linter.js';
import {applyFixes} from '../fix.js';
import {defaultConfig, type ResolvedConfig} from '../config/types.js';
import {allRules} from '../rules/index.js';
import {stripMarkers} from '../testing/rule-tester.js';
import {
  checkCustomRule,
  compilePattern,
  docsUrlFor,
  matchCase,
  rulesByIdFor,
  rulesFor,
  rulesForConfigs,
  CUSTOM_RULES_DOCS_URL,
  MAX_PATTERN_LENGTH,
  PatternMatcher,
  TermMatcher,
  type CustomRuleDefinition,
} from './index.js';

function configWith(customRules: Record<string, CustomRuleDefinition>, extra: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {...defaultConfig(), customRules, ...extra};
}

function findingsOf(id: string, text: string, def: CustomRuleDefinition, extra: Partial<ResolvedConfig> = {}) {
  return lintText(text, {config: configWith({[id]: def}, extra)}).findings.filter((f) => f.ruleId === id);
}

/** Asserts that `id` flags exactly the ⟦marked⟧ ranges; returns the findings and the clean text. */
function expectMarked(id: string, marked: string, def: CustomRuleDefinition, extra: Partial<ResolvedConfig> = {}) {
  const {text, ranges} = stripMarkers(marked);
  const findings = findingsOf(id, text, def, extra);
  const show = (list: Array<{start: number; end: number}>) => list.map((r) => JSON.stringify(text.slice(r.start, r.end)) + `@${r.start}`).join(', ') || '(none)';
  assert.equal(show(findings), show(ranges));
  return {text, findings};
}

/** A brief with every kind of passage: Summary, a key judgement with evidence, a quotation, code, sources. */
function harbour(parts: {fm?: string; summary?: string; statement?: string; evidence?: string[]; sources?: string} = {}): string {
  const fm = parts.fm ?? 'title: Harbour closure\ndate: 2026-11-01\nscale: phia';
  const evidence = parts.evidence ?? ['Ship calls fell 30% in 2025.[^a]', 'A pilot said the cranes are "very old and failing".[^b]'];
  return [
    `---\n${fm}\n---`,
    '# Harbour closure',
    '## Summary',
    parts.summary ?? 'The north quay is likely to close within six months.',
    '## Key Judgements',
    '### Key Judgement 1',
    parts.statement ?? 'The harbour authority is likely to close the north quay within six months.',
    evidence.map((e) => `- ${e}`).join('\n'),
    '## Sources',
    parts.sources ?? '[^a]: Port statistics office, very detailed tables, 2026-01-10.\n[^b]: Interview notes, 2026-02-01.',
    '',
  ].join('\n\n');
}

describe('existence', () => {
  const def: CustomRuleDefinition = {kind: 'existence', terms: ['very', 'clearly'], message: 'Cut "{match}" ({id}).'};

  test('flags whole words in any case across the body; not inside words, quotations, code or Sources', () => {
    const text = harbour({
      summary: '⟦Very⟧ clearly put: everyone agrees `very` little. ⟦Clearly⟧, the quay is likely to close within six months.',
    });
    // "clearly put" is flagged too: mark it.
    const marked = text.replace('Very⟧ clearly put', 'Very⟧ ⟦clearly⟧ put');
    const {findings} = expectMarked('house/no-very', marked, def);
    assert.equal(findings[0].message, 'Cut "Very" (house/no-very).');
    assert.equal(findings[0].category, 'style');
    assert.equal(findings[0].severity, 'warning');
  });

  test('scope: judgement reads only key judgement statements', () => {
    expectMarked(
      'house/no-very',
      harbour({summary: 'It is very likely to close within six months.', statement: 'The authority is ⟦very⟧ likely to close the north quay within six months.'}),
      {...def, scope: 'judgement'},
    );
  });

  test('scope: evidence reads each evidence item (quotations excepted); scope: source each source entry', () => {
    expectMarked('house/no-very', harbour({evidence: ['Calls fell ⟦very⟧ fast.[^a]', 'A pilot said "very old".[^b]']}), {...def, scope: 'evidence'});
    expectMarked('house/no-very', harbour({sources: '[^a]: Port statistics, ⟦very⟧ detailed, 2026-01-10.\n[^b]: Notes, 2026-02-01.'}), {...def, scope: 'source'});
  });

  test('scope: summary reads the Summary only', () => {
    expectMarked('house/no-very', harbour({summary: 'It is ⟦very⟧ likely to close within six months.', statement: 'It is very likely to close within six months.'}), {
      ...def,
      scope: 'summary',
    });
  });

  test('multi-word terms match across any white space; patterns are RE2 regular expressions', () => {
    expectMarked('house/iot', harbour({summary: 'We act ⟦in  order\nto⟧ keep the quay open, ⟦in order to⟧ trade.'}), {kind: 'existence', terms: ['in order to']});
    expectMarked('house/ly', harbour({summary: 'It will ⟦surely⟧ and ⟦SURELY⟧ close within six months.'}), {kind: 'existence', patterns: ['\\bsure\\w+']});
  });

  test('ignoreCase: false matches the case as written', () => {
    expectMarked('house/acronym', harbour({summary: 'The ⟦NATO⟧ view differs from the nato one within six months.'}), {kind: 'existence', terms: ['NATO'], ignoreCase: false});
  });

  test('terms keep to whole words in any script', () => {
    const {text} = stripMarkers(harbour({summary: 'Le quai très fermé; très⟦⟧ within six months.'.replace('⟦⟧', '')}));
    assert.equal(findingsOf('house/tres', text, {kind: 'existence', terms: ['tr']}).length, 0);
    assert.equal(findingsOf('house/tres', text, {kind: 'existence', terms: ['très']}).length, 2);
  });
});

describe('substitution', () => {
  const def: CustomRuleDefinition = {kind: 'substitution', swap: {think: 'assess', 'real possibility': 'realistic possibility'}, category: 'estimative'};

  test('flags each term with the preferred one in the original capitalisation; the fix re-lints clean', () => {
    const marked = harbour({summary: '⟦Think⟧ again: we ⟦think⟧ closure is a ⟦real possibility⟧; we ⟦THINK⟧ so within six months.'});
    const {text, findings} = expectMarked('house/words', marked, def);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'Write "Assess" instead of "Think" (house rule house/words).',
        'Write "assess" instead of "think" (house rule house/words).',
        'Write "realistic possibility" instead of "real possibility" (house rule house/words).',
        'Write "ASSESS" instead of "THINK" (house rule house/words).',
      ],
    );
    assert.equal(findings[0].category, 'estimative');
    const fixed = applyFixes(
      text,
      findings.map((f) => f.fix!),
    ).text;
    assert.ok(fixed.includes('Assess again: we assess closure is a realistic possibility; we ASSESS so'), fixed);
    assert.deepEqual(findingsOf('house/words', fixed, def), []);
  });

  test('{preferred} and {match} placeholders; text already in the preferred form is left alone', () => {
    const text = harbour({summary: 'A realistic possibility, a possibility, within six months.'});
    const found = findingsOf('house/poss', text, {kind: 'substitution', swap: {possibility: 'realistic possibility'}, message: '{match} → {preferred}'});
    assert.deepEqual(
      found.map((f) => [text.slice(f.start, f.end), f.message]),
      [['possibility', 'possibility → realistic possibility']],
    );
    const fixed = applyFixes(text, [found[0].fix!]).text;
    assert.deepEqual(findingsOf('house/poss', fixed, {kind: 'substitution', swap: {possibility: 'realistic possibility'}}), [], 'no fix loop');
  });

  test('matchCase keeps the capitalisation of the text it replaces', () => {
    assert.equal(matchCase('Think', 'assess'), 'Assess');
    assert.equal(matchCase('THINK', 'assess'), 'ASSESS');
    assert.equal(matchCase('think', 'assess'), 'assess');
    assert.equal(matchCase('Real possibility', 'realistic possibility'), 'Realistic possibility');
  });
});

describe('occurrence', () => {
  test('at least two evidence items per key judgement: reported at the statement, with {count} and {min}', () => {
    const def: CustomRuleDefinition = {kind: 'occurrence', count: {facts: ['evidence']}, min: 2, message: 'Only {count} evidence item(s); house style wants {min}.', category: 'judgement'};
    const marked = harbour({statement: '⟦The harbour authority is likely to close the north quay within six months.⟧', evidence: ['Ship calls fell 30% in 2025.[^a]']});
    const {findings} = expectMarked('house/two', marked, def);
    assert.equal(findings[0].message, 'Only 1 evidence item(s); house style wants 2.');
    assert.equal(findings[0].category, 'judgement');
    expectMarked('house/two', harbour(), def);
  });

  test('at most one hedge word in the Summary: reported at the first one too many', () => {
    const def: CustomRuleDefinition = {kind: 'occurrence', scope: 'summary', count: {terms: ['may', 'might']}, max: 1};
    const {findings} = expectMarked('house/hedges', harbour({summary: 'It may close; it ⟦might⟧ not; it may reopen within six months.'}), def);
    assert.match(findings[0].message, /"may", "might"|"may" or "might"/);
    assert.match(findings[0].message, /3 here.*at most 1/);
  });

  test('a count of a pattern per evidence item', () => {
    // Citation markers, code and URLs are blanked before patterns run: count citations with the fact instead.
    expectMarked('house/cite', harbour({evidence: ['⟦Ship calls fell 30% in 2025.⟧', 'A pilot said so.[^b]']}), {kind: 'occurrence', scope: 'evidence', count: {facts: ['citation']}, min: 1});
    expectMarked('house/year', harbour({evidence: ['Ship calls fell 30% in 2025.[^a]', '⟦A pilot said so.[^b]⟧']}), {kind: 'occurrence', scope: 'evidence', count: '\\b(?:19|20)\\d\\d\\b', min: 1});
  });
});

describe('conditional', () => {
  test('a figure in an evidence item needs a citation there: reported at the figure', () => {
    const def: CustomRuleDefinition = {kind: 'conditional', scope: 'evidence', if: {facts: ['figure']}, then: {facts: ['citation']}, category: 'sourcing', message: 'Cite the source of {match}.'};
    const {findings} = expectMarked('house/figure', harbour({evidence: ['Ship calls fell ⟦30%⟧ in 2025.', 'Crane hours fell 12% in 2025.[^a]', 'A pilot said so.']}), def);
    assert.equal(findings[0].message, 'Cite the source of 30%.');
  });

  test('"assess" in a key judgement needs a confidence level', () => {
    const def: CustomRuleDefinition = {kind: 'conditional', if: {terms: ['assess', 'assesses']}, then: {facts: ['confidence']}};
    const {findings} = expectMarked('house/conf', harbour({statement: 'We ⟦assess⟧ the quay is likely to close within six months.'}), def);
    assert.match(findings[0].message, /"assess" needs a confidence level here too/);
    expectMarked('house/conf', harbour({statement: 'We assess with moderate confidence that the quay will close within six months.'}), def);
    expectMarked('house/conf', harbour({statement: 'The quay is likely to close within six months.'}), def);
  });
});

describe('required-metadata', () => {
  const def: CustomRuleDefinition = {
    kind: 'required-metadata',
    keys: {classification: {values: ['OFFICIAL', 'SECRET']}, date: {format: 'date'}, ref: {pattern: '[A-Z]{3}-\\d+'}, author: null},
    category: 'structure',
  };

  test('a missing key is reported at the opening fence; a wrong value at the value', () => {
    const marked = harbour({fm: 'title: Harbour closure\ndate: ⟦2026-02-30⟧\nclassification: ⟦official⟧\nref: ⟦ABC-12x⟧\nscale: phia'}).replace(/^---/, '⟦---⟧');
    const {findings} = expectMarked('house/meta', marked, def);
    const messages = findings.map((f) => f.message);
    assert.ok(messages.includes('The front matter needs "author" (house rule house/meta).'), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('"date" is "2026-02-30"') && m.includes('YYYY-MM-DD')));
    assert.ok(messages.some((m) => m.includes('"official"') && m.includes('"OFFICIAL", "SECRET"')));
    assert.ok(messages.some((m) => m.includes('"ABC-12x"') && m.includes('/[A-Z]{3}-\\d+/')), 'the pattern must match the whole value');
  });

  test('all present and well formed: nothing; no front matter: reported on the first line', () => {
    expectMarked('house/meta', harbour({fm: 'title: Harbour closure\ndate: 2026-02-28\nclassification: SECRET\nref: ABC-12\nauthor: R. Analyst\nscale: phia'}), def);
    const bare = '⟦# Harbour closure⟧\n\n## Summary\n\nThe quay is likely to close within six months.\n';
    const {findings} = expectMarked('house/meta', bare.replace('⟦# Harbour closure⟧', '⟦⟦⟦⟦# Harbour closure⟧⟧⟧⟧'), def);
    assert.equal(findings.length, 4);
  });

  test('a list of keys and invalidMessage placeholders', () => {
    const found = findingsOf('house/who', harbour(), {kind: 'required-metadata', keys: ['owner'], message: 'Add {key}.'});
    assert.deepEqual(
      found.map((f) => f.message),
      ['Add owner.'],
    );
    const bad = findingsOf('house/date', harbour({fm: 'title: T\ndate: soon'}), {kind: 'required-metadata', keys: {date: {format: 'date'}}, invalidMessage: '{key}={value}, want {expected}'});
    assert.deepEqual(
      bad.map((f) => f.message),
      ['date="soon", want a date written YYYY-MM-DD'],
    );
  });
});

describe('custom rules behave like built-in ones', () => {
  const def: CustomRuleDefinition = {kind: 'existence', terms: ['very'], severity: 'error'};
  const text = harbour({summary: 'It is very likely to close within six months.'});

  test('severity comes from the definition; `rules:` levels override it and turn it off', () => {
    assert.equal(findingsOf('house/v', text, def)[0].severity, 'error');
    assert.equal(findingsOf('house/v', text, def, {rules: {'house/v': {level: 'info', options: {}}}})[0].severity, 'info');
    assert.deepEqual(findingsOf('house/v', text, def, {rules: {'house/v': {level: 'off', options: {}}}}), []);
    assert.deepEqual(findingsOf('house/v', text, {...def, severity: 'off'}), []);
  });

  test('brief-disable comments suppress custom rules by id; suppression-reason knows their ids', () => {
    const quieted = text.replace('It is very', '<!-- brief-disable-next-line house/v -- the minister\'s words -->\nIt is very');
    const config = configWith({'house/v': def}, {requireSuppressionReason: true});
    const result = lintText(quieted, {config});
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'house/v' || f.ruleId === 'suppression-reason'),
      [],
    );
    assert.equal(result.suppressed.filter((f) => f.ruleId === 'house/v').length, 1);
    const misspelt = lintText(quieted.replace('house/v ', 'house/w '), {config}).findings.filter((f) => f.ruleId === 'suppression-reason');
    assert.equal(misspelt.length, 1, 'a custom id that does not exist is still reported');
  });

  test('`only` runs a custom rule by id', () => {
    const result = lintText(text, {config: configWith({'house/v': def}), only: ['house/v']});
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['house/v'],
    );
  });

  test('rulesFor: built-ins then custom rules, memoised per config; built-ins alone without customRules', () => {
    const config = configWith({'house/v': def, 'house/w': {kind: 'substitution', swap: {think: 'assess'}}});
    const rules = rulesFor(config);
    assert.equal(rules, rulesFor(config), 'the same array for the same config object');
    assert.equal(rules, rulesFor(structuredClone(config)), 'and for an equal copy (a config cloned to a worker thread)');
    assert.deepEqual(
      rules.slice(allRules.length).map((r) => [r.id, r.fixable]),
      [
        ['house/v', false],
        ['house/w', true],
      ],
    );
    assert.equal(rulesFor(defaultConfig()), allRules);
    assert.equal(rulesByIdFor(config).get('house/w')?.category, 'style');
    assert.deepEqual(
      rulesForConfigs([config, defaultConfig(), configWith({'house/x': def})])
        .slice(allRules.length)
        .map((r) => r.id),
      ['house/v', 'house/w', 'house/x'],
    );
  });

  test('a definition that cannot compile is skipped, never thrown at the host', () => {
    const config = configWith({'house/bad': {kind: 'existence', patterns: ['(a)\\1']}, 'house/v': def});
    assert.deepEqual(
      rulesFor(config)
        .slice(allRules.length)
        .map((r) => r.id),
      ['house/v'],
    );
    assert.equal(lintText(text, {config}).findings.filter((f) => f.ruleId === 'house/v').length, 1);
  });

  test('docs URL: the rule\'s own, else the custom-rules guide; built-in rules keep theirs', () => {
    rulesFor(configWith({'house/doc': {...def, docs: 'https://example.org/house#very'}, 'house/nodoc': def}));
    assert.equal(docsUrlFor('house/doc'), 'https://example.org/house#very');
    assert.equal(docsUrlFor('house/nodoc'), CUSTOM_RULES_DOCS_URL);
    assert.equal(docsUrlFor('house/never-compiled'), CUSTOM_RULES_DOCS_URL);
    assert.match(docsUrlFor('vague-hedge'), /docs\/rules\/vague-hedge\.md$/);
  });
});

describe('checkCustomRule', () => {
  const problems = (def: CustomRuleDefinition, id = 'house/x') => checkCustomRule(id, def).map((p) => `${p.severity} ${p.path.join('.')}: ${p.message}`);

  test('patterns RE2 cannot run in linear time are rejected with the reason', () => {
    const [backref] = problems({kind: 'existence', patterns: ['(very)\\s+\\1']});
    assert.match(backref, /^error patterns\.0: .*backreferences .* not supported/);
    const [look] = problems({kind: 'existence', patterns: ['likely(?= to)']});
    assert.match(look, /^error patterns\.0: .*lookahead and lookbehind/);
    const [syntax] = problems({kind: 'existence', patterns: ['[a-']});
    assert.match(syntax, /^error patterns\.0: The pattern "\[a-" is not a valid regular expression: missing closing \]/);
  });

  test('missing or contradictory fields', () => {
    assert.match(problems({kind: 'existence'})[0], /needs "terms" .* or "patterns"/);
    assert.match(problems({kind: 'substitution', swap: {}})[0], /needs "swap"/);
    assert.match(problems({kind: 'occurrence', count: 'x'})[0], /needs "min", "max" or both/);
    assert.match(problems({kind: 'occurrence', count: 'x', min: 3, max: 1})[0], /"min" \(3\) is more than "max" \(1\)/);
    assert.match(problems({kind: 'conditional', if: {}, then: 'x'})[0], /"if" needs at least one of/);
    assert.match(problems({kind: 'occurrence', scope: 'summary', count: {facts: ['evidence']}, min: 1})[0], /only works with "scope: judgement"/);
    assert.match(problems({kind: 'required-metadata', keys: []})[0], /needs "keys"/);
    assert.match(problems({kind: 'existence', terms: ['x']}, 'brief/x')[0], /reserved/);
  });

  test('unknown placeholders are warnings; a well-formed rule has no problems', () => {
    assert.deepEqual(problems({kind: 'existence', terms: ['very'], message: 'No {match} ({preferred})'}), [
      'warning message: "{preferred}" is not a placeholder of "existence" rules, so it is printed as written. Placeholders: {match}, {id}.',
    ]);
    assert.deepEqual(problems({kind: 'substitution', swap: {think: 'assess'}, message: '{preferred}, not {match}'}), []);
  });
});

describe('RE2 safety', () => {
  test('a catastrophic backtracking pattern runs in linear time on a long line', () => {
    // With a backtracking engine, (a+)+$ on "aaa…ab" takes time exponential in the number of a's:
    // 100 000 of them would never finish. RE2 answers at once.
    const line = 'a'.repeat(100_000) + 'b';
    const m = new PatternMatcher('(a+)+$', false);
    assert.deepEqual(m.find(line), []);
    const text = harbour({summary: `${line}\n\nThe quay is likely to close within six months.`});
    assert.deepEqual(findingsOf('house/redos', text, {kind: 'existence', patterns: ['(a+)+$', '(x+x+)+y']}), []);
    const hit = new PatternMatcher('(a+)+b', false).find(line);
    assert.deepEqual(
      hit.map((h) => [h.start, h.end]),
      [[0, line.length]],
    );
  });

  test('patterns longer than the limit are refused', () => {
    assert.throws(() => compilePattern('a'.repeat(MAX_PATTERN_LENGTH + 1), false), /the limit is 1000/);
    assert.throws(() => compilePattern('(?:a{1,1000}){1,1000}', false), /is too complex/);
    assert.throws(() => compilePattern('(?:abcde){1000}', false), /is too complex \(compiled size 5002; the limit is 5000\)/);
    assert.doesNotThrow(() => compilePattern('[a-z]{1000}', false));
  });

  test('offsets are UTF-16 code units, as everywhere in the engine', () => {
    const text = 'é😀 Very good, very.';
    assert.deepEqual(
      new TermMatcher(['very'], true).find(text).map((h) => [h.start, h.end]),
      [
        [4, 8],
        [15, 19],
      ],
    );
  });
});
