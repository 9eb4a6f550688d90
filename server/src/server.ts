/**
 * The Brief Studio language server: LSP wiring over the engine. Handlers convert
 * between LSP and engine shapes and call core; no brief logic lives here.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  DocumentDiagnosticReportKind,
  NotificationType,
  RequestType,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {URI} from 'vscode-uri';
// The engine module by module, not through core/src/index.js, which also loads the preview's
// Markdown parser (unified, remark, rehype: ~17 MB): that runs in a worker thread (preview-renderer.ts),
// started when a preview first asks for a page.
import {applyFixes} from '../../core/src/fix.js';
import {defaultConfig, type ResolvedConfig} from '../../core/src/config/types.js';
import {lintText, type LintResult} from '../../core/src/linter.js';
import {parseBrief, findScale} from '../../core/src/parse/document.js';
import {SectionCache} from '../../core/src/parse/cache.js';
import {sameItems} from '../../core/src/text/compare.js';
import type {Finding} from '../../core/src/rules/types.js';
import {loadConfig, loadDefaults, isIgnored, ConfigCache, type LoadedConfig, type ConfigError} from '../../core/src/config/index.js';
import {fsConfigHost} from '../../cli/src/host.js';
import {lintFile} from '../../cli/src/lint-file.js';
import {expandTargets, toPosix} from '../../cli/src/files.js';
import {messageToDiagnostic, rangesTouch, toDiagnostic, toDiagnostics, toEdit, toRange} from './convert.js';
import {sealDiagnostics} from './encode.js';
import {featureCapabilities, registerFeatures} from './features.js';
import {rulesByIdFor} from '../../core/src/custom/index.js';
import {BASELINE_GLOB, ServerBaselines} from './baseline.js';
import {judgementSummaries} from '../../core/src/service/index.js';
import {PageMemo, renderPage, renderPieces} from '../../core/src/render/page.js';
import {PreviewRenderer} from './preview-renderer.js';
import {PreviewAnswers} from './preview-answers.js';
import {
  DEFAULT_SETTINGS,
  JUDGEMENTS_REQUEST,
  RENDER_REQUEST,
  STATUS_NOTIFICATION,
  type BriefSettings,
  type JudgementInfo,
  type JudgementsParams,
  type RenderParams,
  type RenderResult,
  type StatusParams,
} from './protocol.js';

const JudgementsRequest = new RequestType<JudgementsParams, JudgementInfo[] | null, void>(JUDGEMENTS_REQUEST);
const StatusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);
const RenderRequest = new RequestType<RenderParams, RenderResult | null, void>(RENDER_REQUEST);
import {statSync} from 'node:fs';

/** Documents larger than this get a notice instead of a full analysis. */
export const MAX_DOCUMENT_CHARS = 20 * 1024 * 1024;
/** Documents larger than this are checked when opened, when saved and after a long pause in typing, not on every keystroke. */
export const LARGE_DOCUMENT_CHARS = 2 * 1024 * 1024;
/** The pause in typing after which a large document is checked. */
export const LARGE_DOCUMENT_DEBOUNCE_MS = 2000;

interface Analysis {
  version: number;
  result: LintResult;
  /** The findings shown: the result's, less those the nearest .brief-baseline.json records. */
  visible: Finding[];
  /** `visible` as LSP diagnostics, once asked for. */
  diagnostics?: Diagnostic[];
  /** The last version's diagnostics, until `diagnostics` are made: those that did not change are reused. */
  previousDiagnostics?: Diagnostic[];
  /** Names this analysis's report in pulls: the version, and the settings generation when not the first. */
  resultId: string;
  loaded: LoadedConfig;
  elapsedMs: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // Each open document keeps its own sections from version to version (lintText's `previous`):
  // the cache only serves undo and documents opened again. At the engine's default 1 M characters
  // it filled with old versions of edited sections and emptied by half in turn, a sawtooth of
  // ~8 MB in the heap (21-29 MB while typing in a 64 kB brief); at 256 K: 18-21 MB, peak RSS
  // 158 -> 140 MB, keystroke latency unchanged.
  const sectionCache = new SectionCache(256 * 1024);
  let configCache = new ConfigCache();
  const analyses = new Map<string, Analysis>();
  const loadedConfigs = new Map<string, LoadedConfig & {settings: BriefSettings}>();
  const settingsCache = new Map<string, Promise<BriefSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Config files whose errors we published, so that fixed files get their diagnostics cleared. */
  const configDiagnostics = new Set<string>();
  let workspaceFolders: string[] = [];
  /** Bumped when settings or config files change: workspace result ids then no longer match. */
  let generation = 0;
  /** Last version published per document (push), so one version is never published twice. */
  const published = new Map<string, number>();
  /**
   * The last full report each open document's pull was answered with. A later pull that names it
   * gets "unchanged" while the diagnostics are those very objects (toDiagnostics keeps a diagnostic's
   * identity while it does not change): typing in a sentence moves no other finding's line or
   * character, so the editor is not sent, and does not process, the same list again.
   */
  const reports = new Map<string, {resultId: string; items: Diagnostic[]}>();
  let pullDiagnostics = false;
  let configurationRequests = false;
  /** The client resolves a code action's edit when it is chosen (codeAction/resolve): the fix-all actions then carry none until asked. */
  let resolveEdits = false;
  let watchFilesDynamically = false;
  let globalSettings: BriefSettings = {...DEFAULT_SETTINGS};
  /** False in an untrusted workspace: config files (which can extend any path) are not read. */
  let trusted = true;

  const log = (message: string) => connection.console.log(`[brief] ${message}`);
  const preview = new PreviewRenderer(log);
  /** The last preview answer sent for each document. */
  const answers = new PreviewAnswers();
  /** Per open document, the preview's last section items (renderPage's memo). */
  const pageMemos = new Map<string, PageMemo>();
  connection.onShutdown(() => preview.dispose());
  /** Findings recorded in the nearest .brief-baseline.json are not published (as in `brief lint`). */
  const baselines = new ServerBaselines((message) => connection.console.warn(`[brief] ${message}`));
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(`[brief] ${message}`);
    void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Warning, message: `Brief Studio: ${message}`});
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationRequests = !!caps.workspace?.configuration;
    watchFilesDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') && !!caps.textDocument?.codeAction?.dataSupport;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    const init = params.initializationOptions as {settings?: Partial<BriefSettings>; trusted?: boolean} | undefined;
    if (init?.settings) globalSettings = sanitizeSettings(init.settings);
    if (init?.trusted === false) {
      trusted = false;
      log('untrusted workspace: .briefrc files are ignored; built-in defaults and your settings apply');
    }
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, `${CodeActionKind.SourceFixAll}.brief`],
          resolveProvider: resolveEdits,
        },
        diagnosticProvider: pullDiagnostics ? {identifier: 'brief', interFileDependencies: false, workspaceDiagnostics: true} : undefined,
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
        ...featureCapabilities,
      },
      serverInfo: {name: 'brief-language-server', version: '0.1.0'},
    };
  });

  connection.onInitialized(() => {
    if (watchFilesDynamically) {
      // Clients that do not watch files themselves (Neovim, Helix…) learn of .briefrc changes this way.
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: '**/.briefrc.{yaml,yml,json}'}, {globPattern: BASELINE_GLOB}]})
        .catch(() => undefined);
    }
    if (configurationRequests) {
      void connection.client.register(DidChangeConfigurationNotification.type, {section: 'brief'}).catch(() => undefined);
    }
    if (workspaceFolders.length) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f) => f.uri)];
        refreshAll();
      });
    }
  });

  // ---- settings and configuration -------------------------------------------------------

  function settingsFor(uri: string): Promise<BriefSettings> {
    if (!configurationRequests) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({scopeUri: uri, section: 'brief'})
        .then((raw) => sanitizeSettings(raw ?? {}))
        .catch(() => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  }

  function configFor(uri: string, settings: BriefSettings): LoadedConfig {
    const parsed = URI.parse(uri);
    let loaded: LoadedConfig;
    if (parsed.scheme === 'file' && trusted) {
      try {
        loaded = loadConfig(fsConfigHost, {filePath: toPosix(parsed.fsPath), cache: configCache});
      } catch (error) {
        loaded = {config: defaultConfig(), sources: [], ignores: [], errors: [{file: parsed.fsPath, message: `Could not read the configuration: ${(error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error'} as ConfigError]};
      }
    } else {
      loaded = loadDefaults(configCache);
    }
    publishConfigErrors(loaded);
    return {...loaded, config: withSettings(loaded, settings)};
  }

  /** Client settings apply under the config files: the team's .briefrc.yaml wins. */
  function withSettings(loaded: LoadedConfig, settings: BriefSettings): ResolvedConfig {
    const config: ResolvedConfig = {...loaded.config, rules: {...loaded.config.rules}};
    if (settings.scale && loaded.config.scale === defaultConfig().scale) {
      if (findScale(settings.scale, config)) config.scale = settings.scale;
      else warnOnce(`brief.scale "${settings.scale}" is not a known scale (phia, icd203, nato, kent or one defined in .briefrc.yaml); using ${config.scale}.`);
    }
    for (const [id, level] of Object.entries(settings.rules ?? {})) {
      // Built-in rules and the house rules this config defines.
      if (rulesByIdFor(config).has(id) && !config.rules[id]) config.rules[id] = {level, options: {}};
    }
    if (settings.requireSuppressionReason && !config.requireSuppressionReason) config.requireSuppressionReason = true;
    return config;
  }

  function publishConfigErrors(loaded: LoadedConfig) {
    const byFile = new Map<string, Diagnostic[]>();
    for (const file of loaded.sources) byFile.set(file, []);
    for (const e of loaded.errors) {
      const list = byFile.get(e.file) ?? [];
      list.push({
        range: {start: {line: e.line - 1, character: e.column - 1}, end: {line: e.endLine - 1, character: e.endColumn - 1}},
        severity: e.severity === 'error' ? 1 : 2,
        source: 'brief',
        code: 'brief/config',
        message: e.message,
      });
      byFile.set(e.file, list);
    }
    for (const [file, diagnostics] of byFile) {
      const uri = URI.file(file).toString();
      if (diagnostics.length === 0 && !configDiagnostics.has(uri)) continue;
      if (diagnostics.length && !configDiagnostics.has(uri)) {
        // Say so once when a config file goes bad; the details are diagnostics in the file itself.
        const n = diagnostics.length;
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: `Brief Studio: ${file} has ${n} problem${n === 1 ? '' : 's'}; the rest of the configuration still applies. See the Problems panel.`,
        });
      }
      if (diagnostics.length) configDiagnostics.add(uri);
      else configDiagnostics.delete(uri);
      void connection.sendDiagnostics({uri, diagnostics});
    }
  }

  // ---- analysis ---------------------------------------------------------------------------

  async function analyse(doc: TextDocument): Promise<Analysis | undefined> {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const settings = await settingsFor(doc.uri);
    // The document may have moved on while settings were fetched.
    const current = documents.get(doc.uri);
    if (!current) return undefined;
    const again = analyses.get(current.uri);
    if (again && again.version === current.version) return again;
    // Config is resolved once per document and settings; config-file changes clear it (refreshAll).
    let loaded = loadedConfigs.get(current.uri);
    if (!loaded || loaded.settings !== settings) {
      loaded = {...configFor(current.uri, settings), settings};
      loadedConfigs.set(current.uri, loaded);
    }
    const text = current.getText();
    const started = performance.now();
    const replaced = analyses.get(current.uri);
    let result: LintResult;
    if (!settings.enable || text.length > MAX_DOCUMENT_CHARS) {
      // No analysis: an empty document model, and for a huge text one notice instead of findings.
      const findings = settings.enable ? [tooLarge(text.length)] : [];
      result = {doc: parseBrief('', {config: loaded.config, cache: sectionCache}), findings, suppressed: []};
    } else {
      // An edit of the last version: its unchanged sections and their findings are reused (the old result is consumed).
      const previous = replaced?.result;
      result = lintText(text, {config: loaded.config, cache: sectionCache, previous});
    }
    const visible = baselines.filterFindings(current.uri, result.doc, result.findings);
    const resultId = generation === 0 ? `${current.version}` : `${current.version}:${generation}`;
    const analysis: Analysis = {version: current.version, resultId, result, visible, loaded, elapsedMs: performance.now() - started};
    // Only the last version's (never a chain of them), and none across a settings or config change (refreshAll clears `analyses`).
    analysis.previousDiagnostics = replaced?.diagnostics ?? replaced?.previousDiagnostics;
    analyses.set(current.uri, analysis);
    void connection.sendNotification(StatusNotification, {
      uri: current.uri,
      version: current.version,
      scale: result.doc.scale.id,
      scaleName: result.doc.scale.name,
      scaleOrigin: result.doc.scaleOrigin,
      counts: countSeverities(visible),
      configFiles: loaded.sources,
      elapsedMs: Math.round(analysis.elapsedMs * 100) / 100,
    });
    return analysis;
  }

  function diagnosticsOf(uri: string, analysis: Analysis): Diagnostic[] {
    // Converted once per version: editors pull again on focus and tab switches.
    if (analysis.diagnostics) return analysis.diagnostics;
    // The open document keeps its line offsets up to date edit by edit: cheaper than indexing the text again.
    const open = documents.get(uri);
    const lines = open && open.version === analysis.version ? open : analysis.result.doc.lines;
    analysis.diagnostics = sealDiagnostics(toDiagnostics(uri, lines, analysis.visible, analysis.previousDiagnostics));
    analysis.previousDiagnostics = undefined;
    return analysis.diagnostics;
  }

  async function publish(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const analysis = await analyse(doc);
      const latest = documents.get(uri);
      // Never publish results for a version the editor has already replaced.
      if (!analysis || !latest || latest.version !== analysis.version) return;
      if (published.get(uri) === analysis.version) return;
      published.set(uri, analysis.version);
      await connection.sendDiagnostics({uri, version: analysis.version, diagnostics: diagnosticsOf(uri, analysis)});
    } catch (error) {
      log(`analysis of ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  }

  function schedule(uri: string, delay: number) {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  }

  function refreshAll() {
    generation++;
    loadedConfigs.clear();
    published.clear();
    analyses.clear();
    settingsCache.clear();
    if (pullDiagnostics) {
      void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    }
  }

  documents.onDidOpen((e) => {
    if (!pullDiagnostics) schedule(e.document.uri, 0);
  });
  // ---- large documents: reduced checking while typing (full checks on open and save) ----
  /** When each document was last edited (for the pull model's long debounce). */
  const lastEdit = new Map<string, number>();
  const toldLarge = new Set<string>();
  const isLarge = (doc: TextDocument) => doc.getText().length > LARGE_DOCUMENT_CHARS && doc.getText().length <= MAX_DOCUMENT_CHARS;
  /** Tells the user once per document that it is checked less often while they type. */
  function noteLarge(doc: TextDocument) {
    if (!isLarge(doc) || toldLarge.has(doc.uri)) return;
    toldLarge.add(doc.uri);
    const mb = (doc.getText().length / 1048576).toFixed(1);
    const name = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
    log(`${doc.uri} is large (${mb} MB): checked on open, on save and after ${LARGE_DOCUMENT_DEBOUNCE_MS / 1000} s without typing`);
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: `Brief Studio: ${name} is large (${mb} MB), so it is checked when you save or stop typing for ${LARGE_DOCUMENT_DEBOUNCE_MS / 1000} seconds, not on every keystroke.`,
    });
  }
  /** Pull model: waits until a large document has had no edit for the long debounce (or the request is cancelled). */
  async function settleLarge(uri: string, token: {isCancellationRequested: boolean}) {
    for (;;) {
      const doc = documents.get(uri);
      if (!doc || !isLarge(doc) || token.isCancellationRequested) return;
      const wait = (lastEdit.get(uri) ?? 0) + LARGE_DOCUMENT_DEBOUNCE_MS - Date.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, Math.min(wait, 250)));
    }
  }
  documents.onDidOpen((e) => noteLarge(e.document));
  documents.onDidSave((e) => lastEdit.delete(e.document.uri));

  documents.onDidChangeContent(async (e) => {
    lastEdit.set(e.document.uri, Date.now());
    noteLarge(e.document);
    if (pullDiagnostics) return;
    const settings = await settingsFor(e.document.uri);
    if (settings.lintOnType) schedule(e.document.uri, isLarge(e.document) ? Math.max(settings.debounceMs, LARGE_DOCUMENT_DEBOUNCE_MS) : settings.debounceMs);
  });
  documents.onDidSave((e) => {
    if (!pullDiagnostics) schedule(e.document.uri, 0);
  });
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    loadedConfigs.delete(e.document.uri);
    published.delete(e.document.uri);
    reports.delete(e.document.uri);
    answers.forget(e.document.uri);
    pageMemos.delete(e.document.uri);
    features.forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    lastEdit.delete(e.document.uri);
    toldLarge.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({uri: e.document.uri, diagnostics: []});
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as {brief?: Partial<BriefSettings>} | undefined)?.brief;
    if (settings) globalSettings = sanitizeSettings(settings);
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    // A .briefrc file or a baseline changed, appeared or went away: re-read every config, look for baselines again.
    configCache = new ConfigCache();
    baselines.forget();
    refreshAll();
  });

  // Pull model.
  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return {kind: DocumentDiagnosticReportKind.Full, items: []};
    await settleLarge(doc.uri, token);
    const analysis = await analyse(documents.get(doc.uri) ?? doc);
    if (!analysis) return {kind: DocumentDiagnosticReportKind.Full, items: []};
    const items = diagnosticsOf(doc.uri, analysis);
    // The client holds the last report we sent, and it is this analysis's diagnostics, one for one.
    const last = reports.get(doc.uri);
    if (last && params.previousResultId === last.resultId && sameItems(last.items, items)) return {kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId};
    reports.set(doc.uri, {resultId: analysis.resultId, items});
    return {kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items};
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const folder of workspaceFolders) {
      const root = URI.parse(folder);
      if (root.scheme !== 'file') continue;
      let files: string[] = [];
      try {
        const ignoredByConfig = (file: string) => {
          if (!trusted) return false;
          const path = toPosix(file);
          return isIgnored(loadConfig(fsConfigHost, {filePath: path, cache: configCache}).ignores, path);
        };
        files = expandTargets([root.fsPath], {cwd: root.fsPath, configIgnores: ignoredByConfig}).files;
      } catch (error) {
        log(`could not list ${root.fsPath}: ${(error as Error).message}`);
      }
      for (const file of files) {
        if (token.isCancellationRequested) return {items};
        const uri = URI.file(file).toString();
        if (documents.get(uri)) continue; // open documents are reported by the document pull
        try {
          const st = statSync(file);
          const resultId = `${generation}:${st.mtimeMs}:${st.size}`;
          if (previous.get(uri) === resultId) {
            items.push({kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId});
            continue;
          }
          const settings = await settingsFor(uri);
          if (!settings.enable) continue;
          const loaded = configFor(uri, settings);
          // The CLI's own file reader: size limit, binary and encoding checks, byte-order mark.
          const result = lintFile({filePath: file, config: loaded.config, fix: false});
          items.push({kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: baselines.filterMessages(file, result.messages).map(messageToDiagnostic)});
        } catch (error) {
          log(`could not lint ${file}: ${(error as Error).message}`);
        }
      }
    }
    return {items};
  });

  // ---- code actions -----------------------------------------------------------------------

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = await analyse(doc);
    if (!analysis) return [];
    const {result} = analysis;
    const lines = result.doc.lines;
    const uri = doc.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];

    // The fix-all actions' edits cover the whole document. Asked for by kind (fix on save, the
    // Source Action menu) they come whole; offered unasked (the light bulb, on every cursor move)
    // they come without edits when the client can resolve them on choice: a brief with thousands
    // of fixes would otherwise send hundreds of kB for each move.
    const lazy = resolveEdits && !only;
    const offerFixAll = (action: CodeAction, rule?: string) => {
      if (lazy) {
        if (result.findings.some((f) => (!rule || f.ruleId === rule) && f.fix?.edits.length)) actions.push({...action, data: {uri, version: analysis.version, rule} satisfies FixAllData});
        return;
      }
      const edits = fixAllEdits(result, rule);
      if (edits.length) actions.push({...action, edit: {changes: {[uri]: edits.map((e) => toEdit(lines, e))}}});
    };

    const fixAllKind = `${CodeActionKind.SourceFixAll}.brief`;
    if (wants(fixAllKind) || (only && only.includes(CodeActionKind.SourceFixAll))) {
      offerFixAll({title: 'Fix all auto-fixable brief problems', kind: fixAllKind});
      if (only) return actions;
    }
    if (!wants(CodeActionKind.QuickFix)) return actions;

    const inRange = result.findings.filter((f) => rangesTouch(toRange(lines, f.start, f.end), params.range));
    // Fixable findings per rule, counted when a fixable finding is under the cursor (not on every move).
    let fixable: Map<string, number> | undefined;
    const fixableOf = (rule: string) => {
      if (!fixable) {
        fixable = new Map();
        for (const x of result.findings) if (x.fix) fixable.set(x.ruleId, (fixable.get(x.ruleId) ?? 0) + 1);
      }
      return fixable.get(rule) ?? 0;
    };
    const offeredFixAll = new Set<string>();
    const offeredDisable = new Set<string>();
    for (const f of inRange) {
      const diagnostic = toDiagnostic(uri, lines, f);
      const fixes = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])];
      fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && !!f.fix,
          edit: {changes: {[uri]: fix.edits.map((e) => toEdit(lines, e))}},
        });
      });
      if (f.fix && !offeredFixAll.has(f.ruleId) && fixableOf(f.ruleId) > 1) {
        offeredFixAll.add(f.ruleId);
        offerFixAll({title: `Fix all ${f.ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic]}, f.ruleId);
      }
      const disable = disableEdit(result, f);
      const disableKey = disable && `${f.ruleId}:${disable.range.start.line}`;
      if (disable && disableKey && !offeredDisable.has(disableKey)) {
        offeredDisable.add(disableKey);
        actions.push({
          title: `Disable ${f.ruleId} for this line (with a reason)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {changes: {[uri]: [disable]}},
        });
      }
    }
    return actions;
  });

  // A fix-all action chosen in the editor: its edits, for the version it was offered on.
  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    const doc = data && documents.get(data.uri);
    // Offered on another version (or for a closed document): no edit rather than a stale one.
    if (!data || !doc || doc.version !== data.version) return action;
    const analysis = await analyse(doc);
    if (!analysis || analysis.version !== data.version) return action;
    const lines = analysis.result.doc.lines;
    return {...action, edit: {changes: {[data.uri]: fixAllEdits(analysis.result, data.rule).map((e) => toEdit(lines, e))}}};
  });

  // ---- custom requests --------------------------------------------------------------------

  connection.onRequest(JudgementsRequest, async (params): Promise<JudgementInfo[] | null> => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const analysis = await analyse(doc);
    if (!analysis) return null;
    const d = analysis.result.doc;
    return judgementSummaries(d).map((j) => ({...j, line: d.lines.positionAt(j.statementStart).line}));
  });

  // The preview's content: rendered by the engine from the analysis of the current version.
  connection.onRequest(RenderRequest, async (params, token): Promise<RenderResult | null> => {
    for (let attempt = 0; ; attempt++) {
      const doc = documents.get(params.uri);
      if (!doc || token.isCancellationRequested) return null;
      const analysis = await analyse(doc);
      if (!analysis || token.isCancellationRequested) return null;
      // Parsed in a worker thread: the server answers other requests meanwhile.
      const templates = await preview.templates(renderPieces(analysis.result.doc), () => token.isCancellationRequested);
      if (!templates) return null;
      // Typed on while the worker parsed: the newest version instead (most of its pieces are parsed by
      // now), rather than a page for a version gone, put together while that keystroke's pull waits.
      if (attempt < 3 && documents.get(params.uri)?.version !== analysis.version) continue;
      let memo = pageMemos.get(params.uri);
      if (!memo) pageMemos.set(params.uri, (memo = new PageMemo()));
      const {parts, css} = renderPage(analysis.result.doc, analysis.visible, {cache: templates, memo});
      // Items the client holds (from the answer it names) go as their id, or as moved by some lines.
      const {resultId, lists, incremental} = answers.answer(params.uri, params.previousResultId, parts);
      return {resultId, segments: parts.segments, lists, css: incremental ? undefined : css, version: analysis.version};
    }
  });

  const features = registerFeatures(connection, async (uri) => {
    const doc = documents.get(uri);
    return doc ? (await analyse(doc))?.result.doc : undefined;
  });

  documents.listen(connection);
  connection.listen();

  /** Edits of every safe fix (of one rule, if given) that does not overlap another (one pass, like one `--fix` pass). */
  function fixAllEdits(result: LintResult, rule?: string) {
    const fixes = result.findings.filter((f) => !rule || f.ruleId === rule).map((f) => f.fix).filter((f): f is NonNullable<Finding['fix']> => !!f);
    // In the order the CLI writes them: an insertion before a range replaced from the same offset.
    return applyFixes(result.doc.text, fixes).edits;
  }

  /** `<!-- brief-disable-line rule -- reason -->` appended to the finding's line (not inside front matter). */
  function disableEdit(result: LintResult, f: Finding): TextEdit | undefined {
    const doc = result.doc;
    if (f.ruleId.startsWith('brief/') || rulesByIdFor(doc.config).get(f.ruleId)?.unsuppressible) return undefined;
    if (doc.frontMatter && f.start < doc.frontMatter.range.end) return undefined;
    const line = doc.lines.positionAt(f.start).line;
    const end = doc.lines.lineEnd(line);
    const pos = doc.lines.positionAt(end);
    return {range: {start: pos, end: pos}, newText: ` <!-- brief-disable-line ${f.ruleId} -- reason -->`};
  }
}

/** What a fix-all code action offered without its edits carries, to make them when it is resolved. */
interface FixAllData {
  uri: string;
  version: number;
  /** "Fix all <rule> problems": that rule's fixes only; absent: every safe fix. */
  rule?: string;
}

function tooLarge(chars: number): Finding {
  return {
    ruleId: 'brief/file',
    category: 'structure',
    severity: 'warning',
    message: `This document is too large to check while you type (${(chars / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_CHARS / 1048576} MB). Split it, or lint it with the brief CLI.`,
    start: 0,
    end: 0,
  };
}

function countSeverities(findings: Finding[]) {
  const counts = {error: 0, warning: 0, info: 0, hint: 0};
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const LEVELS = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Settings from a client are untrusted input: keep what has the right type, drop the rest. */
export function sanitizeSettings(raw: unknown): BriefSettings {
  const s: BriefSettings = {...DEFAULT_SETTINGS};
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (typeof r.lintOnType === 'boolean') s.lintOnType = r.lintOnType;
  if (typeof r.scale === 'string' && r.scale.trim()) s.scale = r.scale.trim().toLowerCase();
  if (typeof r.requireSuppressionReason === 'boolean') s.requireSuppressionReason = r.requireSuppressionReason;
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) s.debounceMs = Math.max(0, Math.min(5000, r.debounceMs));
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: NonNullable<BriefSettings['rules']> = {};
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as NonNullable<BriefSettings['rules']>[string];
    }
    s.rules = rules;
  }
  return s;
}
