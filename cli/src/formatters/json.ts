/** `--format json`: an array with one object per file (see the README for the contract). */
import type {FileResult} from '../result.js';

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results) + '\n';
}
