#!/usr/bin/env node
/**
 * brief-language-server: the Brief Studio language server over stdio (or node IPC /
 * a socket, as vscode-languageserver supports). `brief-language-server --stdio`.
 */
import {setFlagsFromString} from 'node:v8';
import {createConnection, ProposedFeatures, type MessageReader} from 'vscode-languageserver/node';
import {patchConsole, StdioMessageWriter} from './encode.js';
import {startServer} from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write('brief-language-server 0.1.0\n');
  process.exit(0);
}
if (process.argv.includes('--help') || !process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stdout.write('Usage: brief-language-server --stdio\n\nThe Brief Studio language server, for any LSP client (VS Code, Neovim, Helix, Emacs).\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

// Every keystroke makes a new string as long as the document (TextDocument's edit, flattened)
// and a new analysis; the last version's become garbage, mostly in the old generation. V8 lets
// the old generation grow to up to 4x the live heap before collecting it: typing in a 1 MB
// brief took the server from 130 MB after the open to 220 MB after 50 keystrokes and 260 MB
// after 100. Growing by a quarter of the live heap keeps the peak at 160-165 MB over 100
// keystrokes and 180 MB (the cold open's) over 1,000 rapid edits — by half, it was 197-209
// and 207 MB — at the cost of more major GCs, mostly on a helper thread (keystroke p50 on the
// 1 MB brief 8.5-9.8 -> 11.1-11.3 ms; opening a 10 MB brief is no slower).
// V8 reads the flag at each GC, so it can be set here; a flag the server was started with wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) {
  setFlagsFromString('--heap-growing-percent=25');
}

// Over stdio, the server's own writer: diagnostics are serialised once per diagnostic, and each
// message goes in one write (encode.ts).
const stdio = process.argv.includes('--stdio');
// stdin stays a stream (not typed as such next to a writer): the library then exits when it closes.
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StdioMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (stdio) patchConsole(connection.console);
// A bug must cost one request, never the server: log it and carry on.
process.on('uncaughtException', (error) => connection.console.error(`[brief] uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`[brief] unhandled rejection: ${(error as Error)?.stack ?? error}`));
startServer(connection);
