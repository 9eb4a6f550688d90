import {readFileSync} from 'node:fs';

let cached: string | undefined;

/** Version from package.json (this file runs as out/cli/src/version.js). */
export function version(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version?: string};
      cached = pkg.version ?? '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
