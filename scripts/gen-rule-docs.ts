/** Writes docs/rules/ from rule metadata. `npm run docs`. A test fails when the committed files differ. */
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {ruleDocFiles} from './rule-docs.js';

const dir = resolve(import.meta.dirname, '..', '..', 'docs', 'rules');
mkdirSync(dir, {recursive: true});
const files = ruleDocFiles();
for (const f of readdirSync(dir)) if (!files.has(f)) rmSync(join(dir, f));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
console.log(`wrote ${files.size} files to docs/rules`);
