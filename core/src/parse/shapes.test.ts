/**
 * The model's hot objects keep one hidden class each in V8, so that the rules' reads of them
 * stay monomorphic (docs/performance.md, session 7): lists are packed (text/packed.ts) and
 * terms, quotes and likelihood expressions are written field by field, not spread. Checked
 * through V8's test-only natives in a process of its own.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const here = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));

test('terms, direct quotes and likelihood expressions each have one hidden class across briefs', () => {
  const script = `
    const {parseBrief} = await import(${here('./document.js')});
    const {defaultConfig} = await import(${here('../config/types.js')});
    const config = defaultConfig();
    const terms = [], quotes = [], likelihood = [], blockLists = [];
    const words = ['likely', 'highly unlikely', 'a realistic possibility', 'probably not', 'almost certainly'];
    for (let i = 0; i < 40; i++) {
      const w = words[i % words.length];
      const text = '# Brief ' + i + '\\n\\n## Key Judgements\\n\\n1. It is ' + w + ' that the strike ends within ' + (i + 2) + ' months.\\n\\n' +
        '## Evidence\\n\\nThe union said "we are close to a deal today" and it is ' + w + ' to hold.' + (i % 3 ? '' : ' Sailings fell 40%.') + '\\n';
      const doc = parseBrief(text, {config});
      for (const s of doc.sections) {
        blockLists.push(s.blocks);
        for (const b of s.blocks) { terms.push(...b.facts.terms); quotes.push(...b.facts.directQuotes); }
      }
      for (const j of doc.judgements) likelihood.push(...j.likelihood);
    }
    const classes = (xs) => { const firsts = []; for (const x of xs) if (!firsts.some((f) => %HaveSameMap(f, x))) firsts.push(x); return firsts.length; };
    console.log(JSON.stringify({terms: [terms.length > 40, classes(terms)], quotes: [quotes.length > 20, classes(quotes)], likelihood: [likelihood.length > 20, classes(likelihood)], holeyLists: blockLists.filter((l) => %HasHoleyElements(l)).length}));`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8'});
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {terms: [true, 1], quotes: [true, 1], likelihood: [true, 1], holeyLists: 0});
});
