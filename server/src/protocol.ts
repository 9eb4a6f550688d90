/**
 * Custom requests and notifications between the Brief Studio server and its clients.
 * Typed once here, as method names and plain types (no runtime imports), so that the
 * server and the VS Code client — which use different builds of the protocol
 * library — share one definition.
 */
import type {JudgementSummary} from '../../core/src/service/index.js';

export interface BriefSettings {
  /** Lint briefs at all. */
  enable: boolean;
  /** Scale used when neither the front matter nor .briefrc.yaml names one. */
  scale?: string;
  /** Rule levels, applied under the .briefrc.yaml (the team's file wins). */
  rules?: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  /** Lint while typing (true) or only on open and save (false). */
  lintOnType: boolean;
  /** Require a reason in brief-disable comments (when no config file says otherwise). */
  requireSuppressionReason?: boolean;
  /** Milliseconds to wait after a keystroke before publishing diagnostics (push model). */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: BriefSettings = {
  enable: true,
  lintOnType: true,
  debounceMs: 100,
};

export interface JudgementsParams {
  uri: string;
}

/** A key judgement as the preview shows it: the engine's summary plus its 0-based line. */
export interface JudgementInfo extends JudgementSummary {
  line: number;
}

/** Request `brief/judgements` (JudgementsParams → JudgementInfo[] | null): the key judgements of a document, with their bands (for the preview). */
export const JUDGEMENTS_REQUEST = 'brief/judgements';

export interface StatusParams {
  uri: string;
  version: number | null;
  scale: string;
  scaleName: string;
  scaleOrigin: 'front-matter' | 'config' | 'default';
  counts: {error: number; warning: number; info: number; hint: number};
  /** Config files in effect (absolute paths), most specific last. */
  configFiles: string[];
  /** Milliseconds the analysis took. */
  elapsedMs: number;
}

/** Notification `brief/status` (StatusParams): sent after each analysis of an open document, for the status item. */
export const STATUS_NOTIFICATION = 'brief/status';

export interface RenderParams {
  uri: string;
}

export interface RenderResult {
  /** Sanitized HTML of the brief's body with judgement cards and findings; every block carries data-line. */
  body: string;
  /** The renderer's stylesheet. */
  css: string;
  /** Document version the HTML was rendered from. */
  version: number;
}

/** Request `brief/render` (RenderParams → RenderResult | null): the preview's content, rendered by the engine. */
export const RENDER_REQUEST = 'brief/render';
