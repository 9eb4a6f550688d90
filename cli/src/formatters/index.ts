import type {Rule} from '../../../core/src/index.js';
import type {FileResult} from '../result.js';
import {formatStylish} from './stylish.js';
import {formatJson} from './json.js';
import {formatSarif} from './sarif.js';
import {formatGitlab} from './gitlab.js';

export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  rules: readonly Rule[];
  /** `--fix` ran (fixable counts then describe what is left). */
  fixing: boolean;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export function format(name: FormatName, results: FileResult[], ctx: FormatContext): string {
  switch (name) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, ctx);
    case 'gitlab':
      return formatGitlab(results, ctx);
    default:
      return formatStylish(results, ctx);
  }
}
