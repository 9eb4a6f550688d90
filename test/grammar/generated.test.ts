import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {grammarFiles, syntaxesDir} from '../../scripts/gen-grammar.js';

test('syntaxes/ is generated from the scale data and up to date (run `npm run grammar`)', () => {
  const files = grammarFiles();
  assert.deepEqual(readdirSync(syntaxesDir).sort(), [...files.keys()].sort());
  for (const [name, text] of files) assert.equal(readFileSync(join(syntaxesDir, name), 'utf8'), text, `syntaxes/${name} is stale: run npm run grammar`);
});

test('package.json contributes both grammars with the scope names and paths they declare', () => {
  const pkg = JSON.parse(readFileSync(join(syntaxesDir, '..', 'package.json'), 'utf8')) as {
    contributes: {grammars: Array<{scopeName: string; path: string; language?: string; injectTo?: string[]; embeddedLanguages?: Record<string, string>}>};
  };
  const byScope = new Map(pkg.contributes.grammars.map((g) => [g.scopeName, g]));
  for (const [name, text] of grammarFiles()) {
    const grammar = JSON.parse(text) as {scopeName: string};
    const entry = byScope.get(grammar.scopeName);
    assert.ok(entry, `package.json contributes no grammar with scope ${grammar.scopeName}`);
    assert.equal(entry.path, `./syntaxes/${name}`);
  }
  assert.equal(byScope.get('text.html.markdown.brief')?.language, 'brief');
  assert.deepEqual(byScope.get('brief.injection')?.injectTo, ['text.html.markdown.brief']);
  assert.equal(byScope.get('text.html.markdown.brief')?.embeddedLanguages?.['meta.embedded.block.frontmatter'], 'yaml');
});
