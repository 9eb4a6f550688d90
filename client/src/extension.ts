/**
 * Brief Studio for VS Code: starts the language server, and adds commands, the
 * language status item and the preview. Brief logic lives in the engine (via the
 * server); this file only wires VS Code to it.
 */
import * as vscode from 'vscode';
import {LanguageClient, TransportKind, State, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node';
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
  /** Fires when the preview shows a document version. */
  onDidRenderPreview: vscode.Event<{uri: string; version: number}>;
}

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
  const clientOptions: LanguageClientOptions = {
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
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.briefrc.{yaml,yml,json}'),
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
  return {client: () => client, status: (uri) => status.get(uri), onDidRenderPreview: preview.onDidRender};

  async function restartServer() {
    if (!client) return;
    await client.restart();
    void vscode.window.setStatusBarMessage('Brief Studio: language server restarted', 3000);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
