/** The language status item: scale in use, finding counts, config file. */
import * as vscode from 'vscode';
import type {StatusParams} from '../../server/src/protocol.js';

export class BriefStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('brief.status', {language: 'brief'});
    this.item.name = 'Brief Studio';
    this.item.text = 'Brief';
    this.item.detail = 'starting…';
  }

  get(uri: string): StatusParams | undefined {
    return this.byUri.get(uri);
  }

  update(p: StatusParams): void {
    this.byUri.set(p.uri, p);
    this.refresh();
  }

  refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const p = uri ? this.byUri.get(uri) : undefined;
    if (!p) return;
    const c = p.counts;
    this.item.severity = c.error ? vscode.LanguageStatusSeverity.Error : c.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.text = `$(law) ${p.scaleName.replace(/ .*/, '') === 'UK' ? 'PHIA' : p.scale.toUpperCase()}`;
    const counts = `${c.error} errors, ${c.warning} warnings, ${c.info + c.hint} notes`;
    const origin = p.scaleOrigin === 'front-matter' ? 'from the front matter' : p.scaleOrigin === 'config' ? 'from .briefrc.yaml' : 'default';
    this.item.detail = `${p.scaleName} (${origin}) · ${counts}`;
    const config = p.configFiles[p.configFiles.length - 1];
    this.item.command = config
      ? {title: 'Open .briefrc', command: 'vscode.open', arguments: [vscode.Uri.file(config)], tooltip: config}
      : {title: 'Show output', command: 'brief.showOutput'};
  }

  serverStopped(): void {
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.detail = 'language server stopped';
    this.item.command = {title: 'Restart', command: 'brief.restartServer'};
  }

  dispose(): void {
    this.item.dispose();
  }
}
