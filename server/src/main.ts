#!/usr/bin/env node
/**
 * brief-language-server: the Brief Studio language server over stdio (or node IPC /
 * a socket, as vscode-languageserver supports). `brief-language-server --stdio`.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node';
import {startServer} from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write('brief-language-server 0.1.0\n');
  process.exit(0);
}
if (process.argv.includes('--help') || !process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stdout.write('Usage: brief-language-server --stdio\n\nThe Brief Studio language server, for any LSP client (VS Code, Neovim, Helix, Emacs).\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one request, never the server: log it and carry on.
process.on('uncaughtException', (error) => connection.console.error(`[brief] uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`[brief] unhandled rejection: ${(error as Error)?.stack ?? error}`));
startServer(connection);
