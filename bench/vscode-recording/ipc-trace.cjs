// Preloaded (NODE_OPTIONS=--require) into every Node process of a VS Code test run; acts only in
// the Brief language server started over Node IPC, as the extension starts it. Logs each LSP
// message the server receives or sends, with its time, one JSON line each, to
// $BRIEF_RECORD_DIR/server-<pid>.jsonl. Measurement only: never shipped, never loaded by the tests.
'use strict';
const dir = process.env.BRIEF_RECORD_DIR;
const isServer = /server\.c?js$/.test(process.argv[1] ?? '') && process.argv.some((a) => a.includes('node-ipc') || a.includes('clientProcessId'));
if (dir && isServer && typeof process.send === 'function') {
  const fs = require('node:fs');
  const path = require('node:path');
  const out = fs.openSync(path.join(dir, `server-${process.pid}.jsonl`), 'w');
  const t0 = performance.now();
  const log = (entry) => fs.writeSync(out, JSON.stringify({t: Math.round((performance.now() - t0) * 100) / 100, ...entry}) + '\n');
  const on = process.on.bind(process);
  process.on = (event, listener) => {
    if (event !== 'message') return on(event, listener);
    return on(event, (message, ...rest) => {
      log({in: message?.method ?? 'response', id: message?.id});
      return listener(message, ...rest);
    });
  };
  const send = process.send.bind(process);
  process.send = (message, ...rest) => {
    log({out: message?.method ?? 'response', id: message?.id, bytes: JSON.stringify(message).length});
    return send(message, ...rest);
  };
}
