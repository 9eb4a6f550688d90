/**
 * The preview answers the server sends (server/src/preview-answers.ts) below the protocol: an
 * answer naming the last one sends each item the client holds as its id, a held item whose line
 * numbers all moved as `{from, shift}`, anything else whole; and the client, putting it back
 * together (renderItems, renderBody), always gets the page the engine rendered.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {defaultConfig, lintText, renderBrief, RenderCache, SectionCache} from '../../core/src/index.js';
import {composeBody, type PageParts} from '../../core/src/render/parts.js';
import {PreviewAnswers} from '../../server/src/preview-answers.js';
import {firstLine, renderBody, renderItems, shiftLines, type RenderResult} from '../../server/src/protocol.js';

const cache = new RenderCache();
function partsOf(text: string): PageParts {
  const lint = lintText(text, {config: defaultConfig(), cache: new SectionCache()});
  return renderBrief(lint.doc, lint.findings, {cache}).parts;
}

const judgement = (n: number) =>
  `## Key Judgement ${n}\n\nThe operators are likely to resume ferry ${n} within three months.\n\n` +
  Array.from({length: 8}, (_, i) => `- Crews ${i} were hired for route ${n} in June, and trained.[^a]\n`).join('');
const BRIEF = `---\ntitle: Ferries\nscale: phia\n---\n\n# Ferries\n\n## Summary\n\nThe operators are likely to resume the ferries within three months.\n\n${Array.from({length: 12}, (_, i) => judgement(i + 1)).join('\n')}\n## Sources\n\n[^a]: Gazette, 2026-01-01. Grade B2.\n`;

type Item = RenderResult['lists'][number]['items'][number];
const all = (r: Pick<RenderResult, 'lists'>): Item[] => r.lists.flatMap((l) => l.items);

test('shiftLines moves every line number in attributes, not in text; firstLine finds the first', () => {
  const html =
    '<div data-line="10" id="L10"><p data-line="12" title="a > b">x <a href="#L14">y</a> data-line="3" id="L3" a > b</p>' +
    '<li class="c" data-target-line="20" title="&quot; data-line=&quot;5&quot;"></li><a href="#fn">z</a></div>';
  assert.equal(
    shiftLines(html, 3),
    '<div data-line="13" id="L13"><p data-line="15" title="a > b">x <a href="#L17">y</a> data-line="3" id="L3" a > b</p>' +
      '<li class="c" data-target-line="23" title="&quot; data-line=&quot;5&quot;"></li><a href="#fn">z</a></div>',
  );
  assert.equal(firstLine(html), 10);
  assert.equal(firstLine(shiftLines(html, -4)), 6);
  // A line number in a tag's text or in another attribute's value is not one.
  assert.equal(firstLine('<p title="data-line=&quot;5&quot;">data-line="3" id="L3"</p><li data-target-line="8"></li>'), 8);
  assert.equal(firstLine('<p>no lines</p>'), undefined);
});

test('after a line is added above them, sections and cards go as moved, and the page is the one rendered', () => {
  const answers = new PreviewAnswers();
  const before = partsOf(BRIEF);
  const first = answers.answer('u', undefined, before);
  assert.equal(first.incremental, false);
  assert.ok(all(first).every((i) => i.html !== undefined), 'naming nothing: everything whole');
  const known = renderItems(first, new Map())!;
  // An empty line in the Summary: every line below moves by one.
  const text = BRIEF.replace('## Summary\n', '## Summary\n\n');
  const after = partsOf(text);
  const second = answers.answer('u', first.resultId, after);
  assert.equal(second.incremental, true);
  const moved = all(second).filter((i) => i.from !== undefined);
  assert.ok(moved.length >= 12, `the key judgement sections at least (${moved.length})`);
  assert.ok(moved.every((i) => i.shift === 1));
  const items = renderItems(second, known);
  assert.ok(items);
  assert.equal(renderBody({segments: after.segments, lists: second.lists}, items), composeBody(after));
  // Sent whole: the Summary section (changed), the findings (their text says "Line N") and short items.
  const whole = all(second).filter((i) => i.html !== undefined);
  assert.ok(whole.length < all(second).length / 2);
  assert.ok(whole.every((i) => i.html!.length < 1024 || firstLine(i.html!) === undefined || i.html!.includes('Summary')));
});

test('an item whose own text looks like a line number moves like the others, its text untouched, and the page is exact', () => {
  const tricky = BRIEF.replace('- Crews 3 were hired for route 5', '- Crews 3 were hired for route 5 (see data-line="7" and href="#L9")');
  const answers = new PreviewAnswers();
  const first = answers.answer('u', undefined, partsOf(tricky));
  const text = tricky.replace('## Summary\n', '## Summary\n\n');
  const after = partsOf(text);
  const second = answers.answer('u', first.resultId, after);
  const sections = second.lists.find((l) => l.name === 'sections')!.items;
  const k = after.lists.find((l) => l.name === 'sections')!.items.findIndex((html) => html.includes('data-line=&quot;7&quot;') || html.includes('data-line="7" and'));
  assert.ok(k > 0);
  assert.ok(sections[k].from !== undefined && sections[k + 1].from !== undefined, 'moved, as its neighbours');
  const items = renderItems(second, renderItems(first, new Map())!)!;
  assert.equal(renderBody({segments: after.segments, lists: second.lists}, items), composeBody(after));
});

test('an answer naming anything but the last answer gets everything whole; documents are apart', () => {
  const answers = new PreviewAnswers();
  const parts = partsOf(BRIEF);
  const a = answers.answer('a', undefined, parts);
  const b = answers.answer('b', undefined, parts);
  assert.ok(all(answers.answer('a', a.resultId, parts)).every((i) => i.html === undefined && i.from === undefined), 'the same page: ids alone');
  assert.ok(all(answers.answer('a', a.resultId, parts)).every((i) => i.html !== undefined), 'a.resultId is no longer the last answer');
  assert.equal(answers.answer('b', b.resultId, parts).incremental, true);
  answers.forget('b');
  assert.equal(answers.answer('b', b.resultId, parts).incremental, false);
});
