/**
 * The language server's view of baselines: findings recorded in the nearest
 * `.brief-baseline.json` (the same file and rules as `brief lint`) are not
 * published. The file is looked up on each use (a few stat calls) and re-read
 * when its size or modification time changes, so edits, new baselines and
 * deleted ones take effect at the next analysis; the server also re-publishes
 * when the client reports the file changed.
 */
import {URI} from 'vscode-uri';
import {fingerprintFinding, filterByBaseline} from '../../core/src/baseline.js';
import type {BriefDocument, Finding} from '../../core/src/index.js';
import {BaselineFileError, BaselineStore, entriesOf, findBaselineFile, type LoadedBaseline} from '../../cli/src/baseline.js';
import type {LintMessage} from '../../cli/src/result.js';

/** Glob for the client's file watcher. */
export const BASELINE_GLOB = '**/.brief-baseline.json';

export class ServerBaselines {
  private readonly store = new BaselineStore();
  private readonly reported = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The baseline for a file path, or undefined (none, or unreadable: then warned once per problem). */
  private baselineFor(fsPath: string): LoadedBaseline | undefined {
    try {
      const path = findBaselineFile(fsPath);
      return path ? this.store.load(path) : undefined;
    } catch (error) {
      if (!(error instanceof BaselineFileError)) throw error;
      if (!this.reported.has(error.message)) {
        this.reported.add(error.message);
        this.warn(`The baseline ${error.message} is not applied; every finding is shown. Fix it or re-create it with "brief lint --write-baseline".`);
      }
      return undefined;
    }
  }

  /** Findings of an open document minus those its baseline records. */
  filterFindings(uri: string, doc: BriefDocument, findings: Finding[]): Finding[] {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return findings;
    const loaded = this.baselineFor(parsed.fsPath);
    const entries = loaded && entriesOf(loaded, parsed.fsPath);
    if (!entries?.length) return findings;
    const printed = findings.map((f) => ({finding: f, ruleId: f.ruleId, fingerprint: f.ruleId.startsWith('brief/') ? undefined : fingerprintFinding(doc, f)}));
    return filterByBaseline(printed, entries).kept.map((x) => x.finding);
  }

  /** Messages of a file linted from disk (workspace diagnostics) minus those its baseline records. */
  filterMessages(fsPath: string, messages: LintMessage[]): LintMessage[] {
    const loaded = this.baselineFor(fsPath);
    const entries = loaded && entriesOf(loaded, fsPath);
    return entries?.length ? filterByBaseline(messages, entries).kept : messages;
  }
}
