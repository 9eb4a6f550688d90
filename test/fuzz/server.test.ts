/**
 * Property-based tests of the language server over stdio: random incremental
 * edits (CRLF, surrogate pairs, emoji, RTL, NUL, multi-line deletes) keep the
 * server's text in sync, its diagnostics equal the engine's for the final text,
 * and the process stays up.
 */
import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {TestClient} from '../lsp/harness.js';
import {serverProperties} from './properties.js';
import {assertProperty} from './run.js';

describe('server properties (fast-check, real server over stdio)', () => {
  const client = new TestClient({pull: true, settings: {debounceMs: 0}});
  before(() => client.initialize());
  after(async () => {
    await client.assertAlive();
    await client.stop();
  });
  for (const p of serverProperties(client)) {
    test(p.name, () => assertProperty(p));
  }
  test('nothing escaped to the process-level handlers', () => {
    assert.deepEqual(client.logMessages().filter((m) => /uncaught|unhandled rejection/i.test(m)), []);
    assert.doesNotMatch(client.stderr, /Error|uncaught/i);
  });
});
