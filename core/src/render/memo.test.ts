/**
 * The page memo (PageMemo): a preview rendered with it is the page rendered without it, after
 * every kind of edit, and a section nothing touched comes back as the same string.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lintText} from '../linter.js';
import {defaultConfig} from '../config/index.js';
import {SectionCache} from '../parse/cache.js';
import {PageMemo, RenderCache, renderBrief} from './index.js';

function brief(judgements: number): string {
  let text = '---\ntitle: Harbour Traffic\ndate: 2026-11-30\nscale: phia\n---\n\n# Harbour Traffic\n\n## Summary\n\nThe harbour is likely to stay open through the winter.[^port]\n\n';
  for (let i = 1; i <= judgements; i++) {
    text += `## Key Judgement ${i}\n\nThe harbour is likely to handle more ferries within ${i + 2} months.\n\n- Berth ${i} was dredged in October.[^port]\n- Pilots were hired for route ${i}.[^crew]\n\n`;
  }
  return text + '## Sources\n\n[^port]: Port notice, 2026-10-02. Grade B2.\n[^crew]: Crew roster, 2026-10-09. Grade B3.\n';
}

const sectionsOf = (r: ReturnType<typeof renderBrief>) => r.parts.lists.find((l) => l.name === 'sections')!.items;

test('with the memo, every page is the page rendered without it; untouched sections are the same strings', () => {
  const config = defaultConfig();
  const cache = new RenderCache();
  const memo = new PageMemo();
  const render = (text: string, using = config) => {
    const {doc, findings} = lintText(text, {config: using, cache: new SectionCache()});
    const fresh = renderBrief(doc, findings, {cache});
    const memoised = renderBrief(doc, findings, {cache, memo});
    assert.deepEqual(memoised.parts, fresh.parts);
    assert.equal(memoised.body, fresh.body);
    return memoised;
  };
  let text = brief(12);
  const first = render(text);
  assert.ok(first.body.includes('brief-cite'), 'citations are rendered');

  // A word typed in Key Judgement 5: that section alone is new.
  text = text.replace('more ferries within 7 months', 'more cargo ferries within 7 months');
  const typed = render(text);
  const changed = sectionsOf(typed).filter((html, i) => html !== sectionsOf(first)[i]);
  assert.equal(changed.length, 1);
  assert.match(changed[0], /cargo ferries/);
  assert.equal(sectionsOf(typed).filter((html, i) => html === sectionsOf(first)[i]).length, sectionsOf(first).length - 1, 'the others are the same objects');

  // A line added near the top: every section below moves (new line numbers), none is reused wrongly.
  text = text.replace('# Harbour Traffic\n', '# Harbour Traffic\n\n');
  render(text);
  // A finding appears in one section (a hedge stacked on the term), then goes.
  text = text.replace('is likely to handle more ferries within 9 months', 'could possibly be likely to handle more ferries within 9 months');
  const hedged = render(text);
  assert.ok(hedged.body.includes('brief-finding'), 'the new finding is shown');
  text = text.replace('could possibly be likely to handle more ferries within 9 months', 'is likely to handle more ferries within 9 months');
  render(text);
  // A source's definition goes: every section citing it now shows an unresolved citation (with the
  // rule that reports it off, so that only the citations tell those sections apart).
  text = text.replace('[^crew]: Crew roster, 2026-10-09. Grade B3.\n', '');
  const quiet = {...config, rules: {...config.rules, 'footnote-undefined': {level: 'off' as const, options: {}}}};
  const unresolved = render(text, quiet);
  assert.ok(unresolved.body.includes('brief-cite-unresolved'));
  render(text);
  // A heading's role changes (a judgement becomes a plain section).
  text = text.replace('## Key Judgement 3\n', '## Background\n');
  render(text);
  // And back to the start: the same page as the first.
  assert.equal(render(brief(12)).body, first.body);
});
