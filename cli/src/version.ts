import {readFileSync} from 'node:fs';

/** Set by scripts/bundle-cli.mjs: the bundled CLI (dist/cli/) does not read package.json. */
declare const BRIEF_VERSION: string | undefined;

let cached: string | undefined = typeof BRIEF_VERSION === 'string' ? BRIEF_VERSION : undefined;

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
