import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {lintText} from '../linter.js';
import {brief} from '../testing/rule-tester.js';
import {generateBrief} from '../../../bench/generate.js';
import {renderBrief, RenderCache, defaultRenderCache} from './index.js';
import {renderSection} from './markdown.js';
import {chunkCuts, type SectionTemplate} from './template.js';
import {byClass, lineOf, sourceLine, tagBefore} from './html-reader.js';

const DEFECTS = readFileSync(new URL('../../../../examples/defects.brief.md', import.meta.url), 'utf8');

function renderWith(cache: RenderCache, text: string) {
  const {doc, findings} = lintText(text);
  return {doc, findings, ...renderBrief(doc, findings, {cache})};
}

describe('renderBrief: per-section cache', () => {
  test('a cold render parses every section once; an unchanged re-render parses none', () => {
    const cache = new RenderCache();
    const first = renderWith(cache, DEFECTS);
    assert.equal(cache.misses, first.doc.sections.length);
    const again = renderWith(cache, DEFECTS);
    assert.equal(cache.misses, first.doc.sections.length);
    assert.equal(again.body, first.body);
  });

  test('a one-character edit re-parses only the edited section, and the result equals a fresh render', () => {
    const cache = new RenderCache();
    renderWith(cache, DEFECTS);
    const before = cache.misses;
    const at = DEFECTS.indexOf('Harvest surveys');
    const edited = DEFECTS.slice(0, at) + 'X' + DEFECTS.slice(at);
    const incremental = renderWith(cache, edited);
    assert.equal(cache.misses - before, 1);
    const fresh = renderWith(new RenderCache(), edited);
    assert.equal(incremental.body, fresh.body);
    assert.ok(incremental.body.includes('XHarvest surveys'));
  });

  test('inserting lines shifts data-line in later sections without re-parsing them', () => {
    const cache = new RenderCache();
    renderWith(cache, DEFECTS);
    const before = cache.misses;
    const at = DEFECTS.indexOf('- Harvest surveys');
    const edited = DEFECTS.slice(0, at) + '- A new line of evidence.\n- And another.\n' + DEFECTS.slice(at);
    const r = renderWith(cache, edited);
    assert.equal(cache.misses - before, 1);
    for (const snippet of ['The provincial court will rule', 'Protest organisers', 'Valley archive']) {
      assert.equal(lineOf(r.body, snippet), sourceLine(edited, snippet), snippet);
    }
    assert.equal(r.body, renderWith(new RenderCache(), edited).body);
  });

  test('findings move with the edit although the other sections come from the cache', () => {
    const cache = new RenderCache();
    const text = brief();
    renderWith(cache, text);
    const at = text.indexOf('- The operators have hired');
    const edited = text.slice(0, at) + '- Officials said the crews were ready.\n' + text.slice(at);
    const r = renderWith(cache, edited);
    const li = tagBefore(r.body, '>Officials said');
    assert.equal(li.name, 'li');
    assert.ok(li.attrs.get('data-rules')!.split(' ').includes('uncited-attribution'));
    assert.equal(r.body, renderWith(new RenderCache(), edited).body);
  });

  test('editing a link definition re-renders the sections that use it', () => {
    const text = brief({
      judgements: [{statement: 'The ferry operators are likely to resume the night service within the next three months.', evidence: ['The [harbour report][hr] lists new crew.[^s1]']}],
      extra: '\n[hr]: https://example.org/one\n',
    });
    const cache = new RenderCache();
    renderWith(cache, text);
    const edited = text.replace('https://example.org/one', 'https://example.org/two');
    const r = renderWith(cache, edited);
    assert.ok(r.body.includes('<a href="https://example.org/two">harbour report</a>'));
    assert.equal(r.body, renderWith(new RenderCache(), edited).body);
  });

  test('the shared default cache counts too', () => {
    const before = defaultRenderCache.misses + defaultRenderCache.hits;
    const {doc, findings} = lintText(brief({title: 'Default Cache Probe'}));
    renderBrief(doc, findings);
    assert.equal(defaultRenderCache.misses + defaultRenderCache.hits - before, doc.sections.length);
  });

  test('the cache stays within its size bound', () => {
    const cache = new RenderCache(4096);
    for (let i = 0; i < 20; i++) renderWith(cache, brief({title: `Brief number ${i}`, summary: `Summary ${i} `.repeat(40)}));
    assert.ok((cache as unknown as {size: number}).size <= 4096 + 2000);
  });
});

describe('renderBrief: performance sanity (no timing assertions)', () => {
  test('a large generated brief renders completely, and an edit re-parses one section', () => {
    const text = generateBrief(300 * 1024);
    const cache = new RenderCache();
    const cold = renderWith(cache, text);
    assert.ok(cache.misses >= cold.doc.sections.length);
    assert.equal(byClass(cold.body, 'brief-card').length, cold.doc.judgements.length);
    assert.ok(cold.doc.judgements.length > 100);
    const marked = byClass(cold.body, 'brief-finding').reduce((n, t) => n + Number(t.attrs.get('data-findings')), 0);
    assert.equal(marked, cold.findings.length);
    const at = text.indexOf('sector 50 ');
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const before = cache.misses;
    const warm = renderWith(cache, edited);
    assert.equal(cache.misses - before, 1);
    assert.ok(warm.html.startsWith('<!DOCTYPE html>'));
  });
});

describe('long sections render in pieces', () => {
  /** A template's HTML without the slot attributes, white space between tags folded. */
  function plain(t: SectionTemplate): string {
    let out = t.chunks[0];
    t.marks.forEach((mark, i) => {
      const slot = t.slots[mark >> 1];
      if (!(mark & 1)) out += `<${slot.tag}${slot.className ? ` class="${slot.className}"` : ''}`;
      out += t.chunks[i + 1];
    });
    return out.replace(/>\s+</g, '><').trim();
  }

  function longSection(): string {
    const parts = ['## Notes\n'];
    for (let i = 0; i < 60; i++) {
      parts.push(`Paragraph ${i} about the harbour, the ferries and the crews, long enough to fill the section quickly and wrap.[^n${i}]`);
      parts.push(`- item ${i} one\n- item ${i} two\n\n  continued item ${i}\n\nAfter list ${i}.`);
      if (i % 10 === 3) parts.push('```\ncode line\n\nColumn zero line inside a fence\n\n[^x]: not a definition\n```');
      if (i % 10 === 5) parts.push('<!-- a comment\n\nColumn zero line inside a comment\n\n-->');
      if (i % 10 === 7) parts.push('> quoted\nlazy line\n\n> second quote');
      if (i % 10 === 8) parts.push('| a | b |\n|---|---|\n| 1 | 2 |');
    }
    parts.push(Array.from({length: 60}, (_, i) => `[^n${i}]: Source ${i}, harbour register extract, 2026-10-0${i % 9 + 1}. Grade B2.\n    Continued note ${i}.`).join('\n'));
    return parts.join('\n\n') + '\n';
  }

  test('the pieces render exactly as the whole section does', () => {
    const text = longSection();
    const cuts = chunkCuts(text);
    assert.ok(cuts.length >= 3, `cuts: ${cuts.length}`);
    const bounds = [0, ...cuts, text.length];
    const pieces = bounds.slice(0, -1).map((b, i) => plain(renderSection(text.slice(b, bounds[i + 1]))));
    assert.equal(pieces.join(''), plain(renderSection(text)));
    // Cuts fall on line starts.
    for (const c of cuts) assert.equal(text[c - 1], '\n');
  });

  test('short sections are not cut', () => {
    assert.deepEqual(chunkCuts('## Short\n\nOne paragraph.\n\nAnother.\n'), []);
  });

  test('an edit in a long Sources section re-parses one piece, and lines and findings stay right', () => {
    const text = generateBrief(120 * 1024);
    const cache = new RenderCache();
    renderWith(cache, text);
    const at = text.indexOf('Sector 30 field report');
    const edited = text.slice(0, at) + 'X' + text.slice(at);
    const before = cache.misses;
    const r = renderWith(cache, edited);
    assert.equal(cache.misses - before, 1);
    assert.equal(r.body, renderWith(new RenderCache(), edited).body);
    assert.equal(lineOf(r.body, 'XSector 30 field report'), sourceLine(edited, 'XSector 30 field report'));
  });
});
