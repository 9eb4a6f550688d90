/**
 * Custom rules over LSP: a `.briefrc.yaml` with `customRules` (and a built-in pack)
 * gives diagnostics whose code is the custom rule id, whose codeDescription is the
 * rule's `docs` URL (or the custom-rules guide), with quick fixes for substitutions;
 * a bad definition is reported in the config file while the rest still applies.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DiagnosticSeverity} from 'vscode-languageserver-protocol/node';
import {TestClient, applyEdits, editsOf, textAt} from './harness.js';
import {tempDir, fileUri} from './fixtures.js';

const TEXT = `---
title: Quay closure
date: 2026-11-01
---
# Quay closure

## Summary

We think the north quay is a real possibility to close within six months.

## Key Judgements

### Key Judgement 1

The harbour authority is likely to close the north quay within six months.

- Ship calls fell 30% in 2025.[^a]

## Sources

[^a]: Port statistics office, 2026-01-10.
`;

const CONFIG = `extends: brief:phia
customRules:
  desk/assess:
    kind: substitution
    swap: {think: assess}
    category: estimative
    docs: https://example.org/desk-style#assess
  desk/two-evidence:
    kind: occurrence
    count: {facts: [evidence]}
    min: 2
    category: judgement
    severity: error
`;

describe('custom rules over stdio', () => {
  const dir = tempDir('brief-lsp-custom-rules-');
  const client = new TestClient({rootUri: fileUri(dir)});
  before(() => client.initialize());
  after(async () => {
    await client.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  test('diagnostic code is the custom rule id; codeDescription its docs URL or the custom-rules guide', async () => {
    const sub = join(dir, 'desk');
    mkdirSync(sub);
    writeFileSync(join(sub, '.briefrc.yaml'), CONFIG);
    const uri = fileUri(join(sub, 'q.brief.md'));
    const diags = await client.openAndWait(uri, TEXT);

    const assess = diags.find((d) => d.code === 'desk/assess');
    assert.ok(assess, JSON.stringify(diags.map((d) => d.code)));
    assert.equal(textAt(TEXT, assess.range), 'think');
    assert.equal(assess.message, 'Write "assess" instead of "think" (house rule desk/assess).');
    assert.equal(assess.severity, DiagnosticSeverity.Warning);
    assert.equal(assess.source, 'brief');
    assert.deepEqual(assess.codeDescription, {href: 'https://example.org/desk-style#assess'});
    assert.deepEqual(assess.data, {ruleId: 'desk/assess', category: 'estimative', fixable: true});

    const two = diags.find((d) => d.code === 'desk/two-evidence');
    assert.ok(two);
    assert.equal(two.severity, DiagnosticSeverity.Error, 'the severity the definition gives');
    assert.equal(textAt(TEXT, two.range), 'The harbour authority is likely to close the north quay within six months.');
    assert.match(String(two.codeDescription?.href), /\/docs\/custom-rules\.md$/);

    const pack = diags.find((d) => d.code === 'phia/realistic-possibility');
    assert.ok(pack, 'a custom rule from a built-in pack');
    assert.equal(textAt(TEXT, pack.range), 'real possibility');

    // The substitution's fix is a quick fix, like a built-in rule's.
    const actions = await client.codeActions(uri, assess.range, [assess], ['quickfix']);
    const fix = actions.find((a) => a.title === 'Replace with "assess"');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.match(applyEdits(TEXT, editsOf(fix, uri)), /^We assess the north quay/m);
  });

  test('a bad definition is a diagnostic in the config file; the other custom rules still run', async () => {
    const sub = join(dir, 'broken');
    mkdirSync(sub);
    const rc = join(sub, '.briefrc.yaml');
    writeFileSync(rc, "customRules:\n  desk/bad:\n    kind: existence\n    patterns: ['(a+)\\1']\n  desk/very:\n    kind: existence\n    terms: [quay]\n");
    const uri = fileUri(join(sub, 'q.brief.md'));
    const diags = await client.openAndWait(uri, TEXT);
    assert.equal(diags.filter((d) => d.code === 'desk/very').length, 3);
    const config = await client.waitForDiagnostics(fileUri(rc), (p) => p.diagnostics.length > 0);
    assert.equal(config.diagnostics.length, 1);
    const [d] = config.diagnostics;
    assert.equal(d.range.start.line, 3);
    assert.equal(d.range.start.character, "    patterns: ['".length - 1);
    assert.match(String(d.message), /backreferences/);
  });
});
