/**
 * Writes schemas/briefrc.schema.json from the rules registered now: rule levels and
 * options, `customRules` (one branch per kind, chosen by `kind`) and `extends`
 * (paths, npm packs, built-in packs).
 * Run after adding a rule or changing its options:
 *   npx tsc -p . && node out/scripts/gen-schema.js
 * `--check` exits 1 (writing nothing) when the committed schema is out of date.
 * Either way it exits 1 when a built-in pack does not load cleanly against the schema.
 */
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {allRules} from '../core/src/rules/index.js';
import {configSchemaText} from '../core/src/config/schema.js';
import {loadConfig} from '../core/src/config/load.js';
import {builtinPacks} from '../core/src/packs/index.js';

/** Repository root: this file runs as out/scripts/gen-schema.js. */
function repoRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export const schemaPath = join(repoRoot(), 'schemas', 'briefrc.schema.json');

/** Problems in the built-in packs (they are config files too, validated by the same schema). */
export function packProblems(): string[] {
  const out: string[] = [];
  for (const id of builtinPacks.keys()) {
    const loaded = loadConfig({readFile: () => undefined}, {explicitPath: `brief:${id}`});
    for (const e of loaded.errors) out.push(`brief:${id}:${e.line}:${e.column}: ${e.severity}: ${e.message}`);
  }
  return out;
}

function main(argv: string[]): number {
  const problems = packProblems();
  if (problems.length) {
    process.stderr.write(`The built-in packs do not load cleanly:\n${problems.join('\n')}\n`);
    return 1;
  }
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
