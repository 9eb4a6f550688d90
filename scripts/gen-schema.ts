/**
 * Writes schemas/briefrc.schema.json from the rules registered now.
 * Run after adding a rule or changing its options:
 *   npx tsc -p . && node out/scripts/gen-schema.js
 * `--check` exits 1 (writing nothing) when the committed schema is out of date.
 */
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {allRules} from '../core/src/rules/index.js';
import {configSchemaText} from '../core/src/config/schema.js';

/** Repository root: this file runs as out/scripts/gen-schema.js. */
function repoRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export const schemaPath = join(repoRoot(), 'schemas', 'briefrc.schema.json');

function main(argv: string[]): number {
  const text = configSchemaText(allRules);
  let current: string | undefined;
  try {
    current = readFileSync(schemaPath, 'utf8');
  } catch {
    current = undefined;
  }
  if (argv.includes('--check')) {
    if (current === text) return 0;
    process.stderr.write(`${schemaPath} is out of date. Run: npx tsc -p . && node out/scripts/gen-schema.js\n`);
    return 1;
  }
  if (current === text) {
    process.stdout.write(`${schemaPath} is up to date (${allRules.length} rules).\n`);
    return 0;
  }
  mkdirSync(dirname(schemaPath), {recursive: true});
  writeFileSync(schemaPath, text);
  process.stdout.write(`Wrote ${schemaPath} (${allRules.length} rules).\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
