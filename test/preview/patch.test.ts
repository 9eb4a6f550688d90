import {test} from 'node:test';
import assert from 'node:assert/strict';
import {webviewPatch} from '../../client/src/patch.js';
import type {RenderResult} from '../../server/src/protocol.js';

test('the webview gets ids for what it shows, moves only from what it shows, and HTML for the rest', () => {
  const result: RenderResult = {
    resultId: '9',
    version: 4,
    segments: ['<ol data-keyed="a">', '</ol><div data-keyed="b">', '</div>'],
    lists: [
      {name: 'a', items: [{id: '1'}, {id: '5', html: '<li>new</li>'}, {id: '1'}]},
      {name: 'b', items: [{id: '6', from: '2', shift: 1}, {id: '7', from: '3', shift: -2}]},
    ],
  };
  const items = new Map([
    ['1', '<li>kept</li>'],
    ['5', '<li>new</li>'],
    ['6', '<div data-line="11">two</div>'],
    ['7', '<div data-line="28">three</div>'],
  ]);
  const {patch, shown} = webviewPatch(result, items, new Set(['1', '2']));
  assert.deepEqual(patch, {
    type: 'patch',
    version: 4,
    segments: result.segments,
    lists: [
      {name: 'a', items: [{id: '1'}, {id: '5', html: '<li>new</li>'}, {id: '1'}]},
      // '3' is not on the page (a reloaded webview, say): its move cannot be made there.
      {name: 'b', items: [{id: '6', from: '2', shift: 1}, {id: '7', html: '<div data-line="28">three</div>'}]},
    ],
  });
  assert.deepEqual([...shown].sort(), ['1', '5', '6', '7']);
  // A page that shows nothing (just loaded): everything with its HTML, a repeated id once.
  const fresh = webviewPatch(result, items, new Set());
  assert.deepEqual(
    fresh.patch.lists.map((l) => l.items),
    [
      [{id: '1', html: '<li>kept</li>'}, {id: '5', html: '<li>new</li>'}, {id: '1'}],
      [{id: '6', html: '<div data-line="11">two</div>'}, {id: '7', html: '<div data-line="28">three</div>'}],
    ],
  );
});
