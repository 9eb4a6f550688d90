import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseFromWebview} from '../../client/preview-src/messages.js';

test('the extension accepts only well-formed messages from the webview', () => {
  assert.deepEqual(parseFromWebview({type: 'ready'}), {type: 'ready'});
  assert.deepEqual(parseFromWebview({type: 'openLine', line: 12, extra: '<script>'}), {type: 'openLine', line: 12}, 'extra fields are dropped');
  assert.deepEqual(parseFromWebview({type: 'revealLine', line: 0}), {type: 'revealLine', line: 0});
  assert.deepEqual(parseFromWebview({type: 'rendered', version: 3}), {type: 'rendered', version: 3});
  assert.deepEqual(parseFromWebview({type: 'resync', html: '<p>'}), {type: 'resync'});
  assert.deepEqual(parseFromWebview({type: 'rendered', version: 3, items: {parsed: 1, moved: 2, kept: 3, x: 1}}), {type: 'rendered', version: 3, items: {parsed: 1, moved: 2, kept: 3}});
  assert.deepEqual(parseFromWebview({type: 'rendered', version: 3, items: {parsed: -1, moved: 2, kept: 3}}), {type: 'rendered', version: 3}, 'bad counts are dropped');
  for (const bad of [null, undefined, 'ready', 42, [], {}, {type: 'openLine'}, {type: 'openLine', line: -1}, {type: 'openLine', line: 1.5}, {type: 'openLine', line: '3'},
    {type: 'openLine', line: 1e12}, {type: 'rendered', version: -2}, {type: 'command', command: 'workbench.action.terminal.new'}, {type: 'revealLine', line: Number.NaN}]) {
    assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  }
});
