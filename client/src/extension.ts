/**
 * Brief Studio for VS Code: starts the language server, and adds commands, the
 * language status item and the preview. Brief logic lives in the engine (via the
 * server); this file only wires VS Code to it.
 */
import * as vscode from 'vscode';
import type {PatchCounts} from '../preview-src/messages.js';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {STATUS_NOTIFICATION, type StatusParams} from '../../server/src/protocol.js';
import {BriefStatus} from './status.js';
import {registerCommands} from './commands.js';
import {PreviewManager} from './preview.js';

let client: LanguageClient | undefined;

export interface BriefApi {
  /** The running language client (tests use it to wait for the server). */
  client(): LanguageClient | undefined;
  /** Latest status per document URI. */
  status(uri: string): StatusParams | undefined;
  /** Fires when the preview shows a document version; `items`: what its patch did (parsed, moved, kept), absent for the page's first HTML. */
  onDidRenderPreview: vscode.Event<{uri: string; version: number; items?: PatchCounts}>;
  /** Process id of the running language server (tests stop it to check recovery). */
  serverPid(): number | undefined;
  /** Each unexpected stop of the server: what the user was told, and whether it was restarted. */
  serverStops(): ReadonlyArray<ServerStop>;
}

export interface ServerStop {
  at: number;
  restarted: boolean;
  message: string;
}

/** Unexpected stops in this window count towards the limit; past it the server stays stopped until the user restarts it. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
export const MAX_RESTARTS = 4;

export async function activate(context: vscode.ExtensionContext): Promise<BriefApi> {
  const output = vscode.window.createOutputChannel('Brief Studio', {log: true});
  const status = new BriefStatus();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: {module: serverModule, transport: TransportKind.ipc},
    debug: {module: serverModule, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6010']}},
  };
  // A code action request (fix-all on save above all) must not overtake the edit just made:
  // hold requests until every didChange already started has been sent.
  const pendingChanges = new Set<Promise<void>>();

  // The server process died (crash, out of memory, killed): restart it and say so; if it keeps
  // dying, stop trying and offer a restart. The user always sees what happened.
  const stops: ServerStop[] = [];
  let recentStops: number[] = [];
  const errorHandler: ErrorHandler = {
    // A write to a dead server fails too; shutting down on those errors (the library's default after
    // three) would stop the client without the closed() below ever running: no restart and no message.
    // The connection's close decides.
    error: () => ({action: ErrorAction.Continue, handled: true}),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      recentStops = [...recentStops.filter((t) => now - t < RESTART_WINDOW_MS), now];
      if (recentStops.length <= MAX_RESTARTS) {
        const message = 'Brief Studio: the language server stopped unexpectedly and has been restarted. Your briefs are being checked again.';
        stops.push({at: now, restarted: true, message});
        output.warn(`${message} (${recentStops.length} of ${MAX_RESTARTS} restarts allowed in ${RESTART_WINDOW_MS / 60000} minutes)`);
        void vscode.window.showWarningMessage(message, 'Show Output').then((pick) => {
          if (pick) output.show();
        });
        return {action: CloseAction.Restart, handled: true};
      }
      const message = `Brief Studio: the language server stopped ${recentStops.length} times in ${RESTART_WINDOW_MS / 60000} minutes, so it was not restarted and briefs are not being checked. See the output for the cause, then restart it.`;
      stops.push({at: now, restarted: false, message});
      output.error(message);
      void vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output').then((pick) => {
        if (pick === 'Restart Server') void restartServer();
        else if (pick) output.show();
      });
      return {action: CloseAction.DoNotRestart, handled: true};
    },
  };

  const clientOptions: LanguageClientOptions = {
    errorHandler,
    middleware: {
      didChange: (event, next) => {
        const sent = next(event);
        pendingChanges.add(sent);
        void sent.finally(() => pendingChanges.delete(sent));
        return sent;
      },
      provideCodeActions: async (document, range, context, token, next) => {
        if (pendingChanges.size) await Promise.allSettled([...pendingChanges]);
        return next(document, range, context, token);
      },
    },
    documentSelector: [
      {language: 'brief', scheme: 'file'},
      {language: 'brief', scheme: 'untitled'},
    ],
    synchronize: {
      configurationSection: 'brief',
      // Config files and baselines: the server re-reads them and re-publishes.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.briefrc.{yaml,yml,json}'), vscode.workspace.createFileSystemWatcher('**/.brief-baseline.json')],
    },
    outputChannel: output,
    initializationOptions: () => ({settings: vscode.workspace.getConfiguration('brief'), trusted: vscode.workspace.isTrusted}),
    // In an untrusted workspace, config files could point anywhere: the server reads none.
    markdown: {isTrusted: false, supportHtml: false},
  };
  client = new LanguageClient('brief', 'Brief Studio', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) status.serverStopped();
  });
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.update(p)));
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => status.refresh()));
  // Trust granted: restart so that the server reads the workspace's .briefrc files.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restartServer()));

  const preview = new PreviewManager(context, () => client);
  context.subscriptions.push(preview);
  registerCommands(context, {client: () => client, output, preview, restart: restartServer});

  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`Brief Studio: the language server failed to start: ${(error as Error).message}`, 'Show Output').then((pick) => {
      if (pick) output.show();
    });
  }
  return {
    client: () => client,
    status: (uri) => status.get(uri),
    onDidRenderPreview: preview.onDidRender,
    serverPid: () => (client?.state === State.Running ? client.serverProcess?.pid : undefined),
    serverStops: () => stops,
  };

  async function restartServer() {
    if (!client) return;
    // A restart the user asks for starts a fresh count of unexpected stops.
    recentStops = [];
    try {
      await client.restart();
      void vscode.window.setStatusBarMessage('Brief Studio: language server restarted', 3000);
    } catch (error) {
      output.error(`Restarting the language server failed: ${(error as Error).message}`);
      void vscode.window.showErrorMessage(`Brief Studio: the language server could not be restarted: ${(error as Error).message}`, 'Show Output').then((pick) => {
        if (pick) output.show();
      });
    }
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
