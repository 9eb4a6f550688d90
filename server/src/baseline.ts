/**
 * The language server's view of baselines: findings recorded in the nearest
 * `.brief-baseline.json` (the same file and rules as `brief lint`) are not
 * published. Which file applies to a folder is looked up (a few stat calls up
 * to the repository's root) at most once a second per folder, not on every
 * keystroke; the file found is checked on each use (one stat) and re-read when
 * its size or modification time changes. So edits to a baseline and deleted
 * baselines take effect at the next analysis; a new one takes effect when the
 * client reports it (`forget`), or within a second for clients that watch no files.
 */
import {dirname} from 'node:path';
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
  /** The baseline file each folder's briefs use (undefined: none), and when that was looked up. */
  private readonly looked = new Map<string, {at: number; path: string | undefined}>();

  constructor(
    private readonly warn: (message: string) => void,
    /** How long a lookup stands (ms), and the clock (tests). */
    private readonly ttlMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A baseline file may have appeared or gone: look again at the next use. */
  forget(): void {
    this.looked.clear();
  }

  /** The baseline for a file path, or undefined (none, or unreadable: then warned once per problem). */
  private baselineFor(fsPath: string): LoadedBaseline | undefined {
    try {
      const path = this.pathFor(fsPath);
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

  private pathFor(fsPath: string): string | undefined {
    const dir = dirname(fsPath);
    const now = this.now();
    const last = this.looked.get(dir);
    if (last && now - last.at < this.ttlMs) return last.path;
    if (this.looked.size > 1000) this.looked.clear();
    const path = findBaselineFile(fsPath);
    this.looked.set(dir, {at: now, path});
    return path;
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
