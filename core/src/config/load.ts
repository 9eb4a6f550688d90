/**
 * Loading `.briefrc.yaml` / `.briefrc.yml` / `.briefrc.json`: discovery (walking
 * up from the linted file), `extends` chains, per-glob overrides, validation with
 * exact positions. Pure: the host reads files.
 */
import {LineCounter, isMap, isScalar, parseDocument, visit, YAMLParseError, type Node} from 'yaml';
import picomatch from 'picomatch/posix.js';
import {allRules} from '../rules/index.js';
import type {Rule} from '../rules/types.js';
import {builtinScales, type Scale, type ScaleTerm} from '../scales/index.js';
import {defaultConfig, type ResolvedConfig, type RuleLevel, type SectionNames} from './types.js';
import {ancestors, dirname, isAbsolute, join, normalize, relative, resolve} from './paths.js';
import {buildConfigSchema, LEVELS} from './schema.js';
import {formatPath, rangeOf, SchemaValidator, type Origins, type Range} from './validate.js';
import {hint} from './suggest.js';
import {checkCustomRule} from '../custom/compile.js';
import {isCustomRuleId} from '../custom/index.js';
import type {CustomRuleDefinition} from '../custom/types.js';
import {BUILTIN_PACK_IDS, BUILTIN_PACK_PREFIX, builtinPack, parsePackageSpec} from '../packs/index.js';

export interface ConfigHost {
  /**
   * Text of the file at an absolute '/'-separated path; undefined when there is no
   * such file. May throw when the file exists but cannot be read.
   */
  readFile(path: string): string | undefined;
  /** Size in bytes, or undefined when there is no such file (lets huge files be refused unread). */
  fileSize?(path: string): number | undefined;
  /**
   * The real path of a file (symbolic links resolved), as Node resolves installed
   * packages; without it, package paths are used as found.
   */
  realPath?(path: string): string;
}

export interface ConfigError {
  /** Config file the problem is in. */
  file: string;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  /** The config file could not be read at all (missing explicit file, unreadable, too large). */
  fatal?: boolean;
}

export interface LoadConfigOptions {
  /** File being linted (absolute): config is discovered from its directory and overrides matched against it. */
  filePath?: string;
  /** Config file to use instead of discovery (absolute). */
  explicitPath?: string;
  /** Share parsed config files between calls (one per CLI run or per workspace). */
  cache?: ConfigCache;
  /** Rules the config may name (default: every registered rule). */
  rules?: readonly Rule[];
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Config files read, in the order they apply (extended files first). */
  sources: string[];
  /** Absolute glob patterns of files to skip (from `ignores`); test with `isIgnored`. */
  ignores: string[];
  errors: ConfigError[];
}

export const CONFIG_FILE_NAMES = ['.briefrc.yaml', '.briefrc.yml', '.briefrc.json'] as const;
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_EXTENDS_DEPTH = 10;

interface RulePatch {
  level?: RuleLevel;
  options?: Record<string, unknown>;
}

interface ScaleRef {
  id: string;
  range: Range;
}

interface Part {
  scale?: ScaleRef;
  rules: Record<string, RulePatch>;
  /** Where each rule id is written (to report custom rule ids nothing defines). */
  ruleRanges: Record<string, Range>;
  sections?: Partial<SectionNames> & {required?: string[]};
  requireSuppressionReason?: boolean;
}

interface Override extends Part {
  match(relativePath: string): boolean;
}

interface Layer {
  file: string;
  dir: string;
  /** False when the file is missing or could not be read. */
  exists: boolean;
  base: Part;
  scales: Record<string, Scale>;
  overrides: Override[];
  /** `extends` entries as written: paths, package names or `brief:<pack>`. */
  extends: Array<{spec: string; range: Range}>;
  ignores: string[];
  customRules: Record<string, CustomRuleDefinition>;
  errors: ConfigError[];
  toError(range: Range, message: string, severity?: 'error' | 'warning'): ConfigError;
}

/** Parsed config files and discovery results, shared between `loadConfig` calls. */
export class ConfigCache {
  readonly layers = new Map<string, Layer>();
  /** Directory → config file found by walking up from it (null: none). */
  readonly discovered = new Map<string, string | null>();
  /** `dir\0spec` → where an `extends` entry resolved to. */
  readonly resolved = new Map<string, ResolvedExtends>();
  /**
   * Resolved configurations by config file and the `overrides` that match: files that get
   * the same settings share one (read-only) result, and with it every memo the engine keys
   * by the config object (the scale lexicon, section names, rule options). Only results
   * without errors are kept, so a missing pack or a bad setting is looked at again.
   */
  readonly configs = new Map<string, {ctx: RuleSet; loaded: LoadedConfig}>();
  /** Drop everything (e.g. when a config file changes). */
  clear(): void {
    this.layers.clear();
    this.discovered.clear();
    this.resolved.clear();
    this.configs.clear();
  }
}

/** Finds the config file that applies to files in `dir`, walking up to the root. */
export function findConfigFile(host: ConfigHost, dir: string, cache?: ConfigCache): string | undefined {
  const visited: string[] = [];
  let found: string | null = null;
  for (const d of ancestors(dir)) {
    const known = cache?.discovered.get(d);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(d);
    for (const name of CONFIG_FILE_NAMES) {
      const p = d === '/' ? `/${name}` : `${d}/${name}`;
      if (exists(host, p)) {
        found = p;
        break;
      }
    }
    if (found) break;
  }
  if (cache) for (const d of visited) cache.discovered.set(d, found);
  return found ?? undefined;
}

function exists(host: ConfigHost, path: string): boolean {
  try {
    if (host.fileSize) return host.fileSize(path) !== undefined;
    return host.readFile(path) !== undefined;
  } catch {
    return true; // exists but unreadable: loading will report it
  }
}

/** Loads the configuration that applies to `filePath` (or the explicit file). Never throws. */
export function loadConfig(host: ConfigHost, options: LoadConfigOptions = {}): LoadedConfig {
  const cache = options.cache ?? new ConfigCache();
  const ctx = ruleContext(options.rules ?? allRules);
  const errors: ConfigError[] = [];
  const filePath = options.filePath ? normalize(options.filePath) : undefined;
  let root: string | undefined;
  if (options.explicitPath) {
    root = builtinPack(options.explicitPath) ? options.explicitPath : resolve('/', options.explicitPath);
    const layer = getLayer(host, root, cache, ctx);
    if (!layer.exists && layer.errors.length === 0) {
      errors.push({...fileError(root, `Config file not found: ${root}`), fatal: true});
      return {config: defaultConfig(), sources: [], ignores: [], errors};
    }
  } else if (filePath) {
    root = findConfigFile(host, dirname(filePath), cache);
  }
  if (!root) return defaultsIn(cache, ctx);

  const layers: Layer[] = [];
  collect(host, cache, ctx, root, [], layers, errors);
  for (const l of layers) errors.push(...l.errors);
  const make = (): LoadedConfig => {
    const config = resolveLayers(layers, filePath, errors, ctx);
    return {
      config,
      sources: layers.filter((l) => l.exists).map((l) => l.file),
      ignores: layers.flatMap((l) => l.ignores),
      errors: dedupe(errors),
    };
  };
  return shared(cache, `${root}\0${matchingOverrides(layers, filePath)}`, ctx, make);
}

/**
 * The defaults alone (no config file, or `--no-config`), one shared result per cache: the
 * engine keys its memos (scale lexicon, section names, rule options) by the config object.
 */
export function loadDefaults(cache: ConfigCache = new ConfigCache(), rules: readonly Rule[] = allRules): LoadedConfig {
  return defaultsIn(cache, ruleContext(rules));
}

function defaultsIn(cache: ConfigCache, ctx: RuleSet): LoadedConfig {
  return shared(cache, '', ctx, () => ({config: defaultConfig(), sources: [], ignores: [], errors: []}));
}

/** The cached result under `key` for this rule set, or `make()`'s (kept when it has no errors). */
function shared(cache: ConfigCache, key: string, ctx: RuleSet, make: () => LoadedConfig): LoadedConfig {
  const known = cache.configs.get(key);
  if (known && known.ctx === ctx) return known.loaded;
  const loaded = make();
  if (loaded.errors.length === 0) cache.configs.set(key, {ctx, loaded});
  return loaded;
}

/** Which `overrides` apply to the file, layer by layer ("1" or "0" each): the part of the result that depends on the file. */
function matchingOverrides(layers: Layer[], filePath: string | undefined): string {
  let bits = '';
  for (const layer of layers) {
    if (layer.overrides.length === 0) continue;
    const rel = filePath ? relative(layer.dir, filePath) : undefined;
    for (const o of layer.overrides) bits += rel !== undefined && o.match(rel) ? '1' : '0';
  }
  return bits;
}

/** Appends `path` and what it extends to `out`, extended files first. */
function collect(host: ConfigHost, cache: ConfigCache, ctx: RuleSet, path: string, stack: string[], out: Layer[], errors: ConfigError[]): void {
  const layer = getLayer(host, path, cache, ctx);
  if (!layer.exists) return;
  const chain = [...stack, path];
  for (const entry of layer.extends) {
    const target = resolveExtends(host, cache, layer.dir, entry.spec);
    if ('error' in target) {
      errors.push(layer.toError(entry.range, target.error));
      continue;
    }
    const ext = {path: target.path, range: entry.range};
    if (chain.includes(ext.path)) {
      const cycle = [...chain.slice(chain.indexOf(ext.path)), ext.path].join(' → ');
      errors.push(layer.toError(ext.range, `"extends" makes a cycle: ${cycle}. This entry is ignored.`));
      continue;
    }
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      errors.push(layer.toError(ext.range, `"extends" goes more than ${MAX_EXTENDS_DEPTH} files deep; ${ext.path} is ignored.`));
      continue;
    }
    const extended = getLayer(host, ext.path, cache, ctx);
    if (!extended.exists && extended.errors.length === 0) {
      errors.push(layer.toError(ext.range, target.missing ?? `Cannot find the config file to extend: ${ext.path}`));
      continue;
    }
    if (out.some((l) => l.file === ext.path)) continue; // already applied through another branch
    collect(host, cache, ctx, ext.path, chain, out, errors);
  }
  if (!out.includes(layer)) out.push(layer);
}

type ResolvedExtends = {path: string; missing?: string} | {error: string};

/**
 * Where an `extends` entry points: a built-in pack (`brief:phia`), an installed npm
 * package (`brief-pack-x`, `@scope/brief-pack-x`, found like Node finds packages, by
 * walking up `node_modules` folders from the config file's folder), or a path.
 */
function resolveExtends(host: ConfigHost, cache: ConfigCache, dir: string, spec: string): ResolvedExtends {
  const key = `${dir}\0${spec}`;
  let r = cache.resolved.get(key);
  if (!r) {
    r = resolveExtendsUncached(host, dir, spec);
    // Failures are not kept: a pack installed after this run (npm install) is found next time.
    if (!('error' in r)) cache.resolved.set(key, r);
  }
  return r;
}

function resolveExtendsUncached(host: ConfigHost, dir: string, spec: string): ResolvedExtends {
  if (spec.startsWith(BUILTIN_PACK_PREFIX)) {
    if (builtinPack(spec)) return {path: spec};
    const id = spec.slice(BUILTIN_PACK_PREFIX.length);
    return {error: `Unknown built-in pack "${spec}".${hint(id, BUILTIN_PACK_IDS).replace(/"([^"]+)"\?$/, '"brief:$1"?')} Built-in packs: ${BUILTIN_PACK_IDS.map((p) => `brief:${p}`).join(', ')}.`};
  }
  const pkg = parsePackageSpec(spec);
  if (pkg) {
    const found = findPackage(host, dir, pkg.name);
    if (!found) {
      // A file at that relative path next to the config file still works as a path.
      const local = resolve(dir, spec);
      if (exists(host, local)) return {path: local};
      return {error: `Cannot find the rule pack "${pkg.name}": no node_modules/${pkg.name} in ${dir} or any folder above it. Install it (npm install --save-dev ${pkg.name}) or fix the name.`};
    }
    return packFile(host, found, pkg.name, pkg.subpath);
  }
  if (/^@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?$/i.test(spec) && !/\.(?:ya?ml|json)$/i.test(spec) && !exists(host, resolve(dir, spec))) {
    return {
      path: resolve(dir, spec),
      missing: `Cannot find the config file to extend: ${resolve(dir, spec)}. (Rule packs on npm are named "brief-pack-…" or "@scope/brief-pack-…"; built-in packs are ${BUILTIN_PACK_IDS.map((p) => `"brief:${p}"`).join(', ')}.)`,
    };
  }
  return {path: resolve(dir, spec)};
}

/** The folder of an installed package, walking up `node_modules` folders from `dir`. */
function findPackage(host: ConfigHost, dir: string, name: string): string | undefined {
  for (const d of ancestors(dir)) {
    if (d.endsWith('/node_modules')) continue; // Node never looks in node_modules/node_modules
    const pkgDir = join(d, 'node_modules', name);
    if (exists(host, `${pkgDir}/package.json`) || exists(host, `${pkgDir}/briefrc.yaml`)) {
      try {
        return host.realPath ? normalize(host.realPath(pkgDir)) : pkgDir;
      } catch {
        return pkgDir;
      }
    }
  }
  return undefined;
}

const PACK_FILES = ['briefrc.yaml', 'briefrc.yml', 'briefrc.json', '.briefrc.yaml'];

/** The pack file of a package: `subpath`, the file its package.json names in "brief", or briefrc.yaml. */
function packFile(host: ConfigHost, pkgDir: string, name: string, subpath: string | undefined): ResolvedExtends {
  if (subpath) {
    const file = resolve(pkgDir, subpath);
    if (!file.startsWith(pkgDir + '/')) return {error: `"${name}/${subpath}" points outside the package.`};
    return {path: file, missing: `The rule pack "${name}" has no file "${subpath}" (looked for ${file}).`};
  }
  let manifest: Record<string, unknown> | undefined;
  try {
    const text = host.readFile(`${pkgDir}/package.json`);
    if (text !== undefined) manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return {error: `Cannot read ${pkgDir}/package.json of the rule pack "${name}": ${(error as Error).message}`};
  }
  if (manifest && manifest.brief !== undefined) {
    if (typeof manifest.brief !== 'string' || !manifest.brief.trim()) return {error: `The "brief" field of ${pkgDir}/package.json must name the pack's config file, e.g. "brief": "briefrc.yaml".`};
    const file = resolve(pkgDir, manifest.brief);
    return {path: file, missing: `The rule pack "${name}" names "${manifest.brief}" in the "brief" field of its package.json, but there is no such file (${file}).`};
  }
  for (const f of PACK_FILES) {
    if (exists(host, `${pkgDir}/${f}`)) return {path: `${pkgDir}/${f}`};
  }
  return {error: `The package "${name}" (${pkgDir}) is not a rule pack: it has no briefrc.yaml, and its package.json names no file in a "brief" field.`};
}

function fileError(file: string, message: string): ConfigError {
  return {file, message, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error'};
}

function getLayer(host: ConfigHost, file: string, cache: ConfigCache, ctx: RuleSet): Layer {
  let layer = cache.layers.get(file);
  if (!layer) {
    layer = readLayer(host, file, ctx);
    cache.layers.set(file, layer);
  }
  return layer;
}

function emptyLayer(file: string): Layer {
  return {
    file,
    dir: dirname(file),
    exists: false,
    base: {rules: {}, ruleRanges: {}},
    scales: {},
    overrides: [],
    extends: [],
    ignores: [],
    customRules: {},
    errors: [],
    toError: (_range, message, severity = 'error') => ({...fileError(file, message), severity}),
  };
}

function readLayer(host: ConfigHost, file: string, ctx: RuleSet): Layer {
  const layer = emptyLayer(file);
  const pack = builtinPack(file);
  if (pack) {
    layer.exists = true;
    layer.dir = '/';
    parseLayer(pack.text, layer, ctx);
    return layer;
  }
  let text: string | undefined;
  try {
    const size = host.fileSize?.(file);
    if (size !== undefined && size > MAX_CONFIG_BYTES) {
      layer.exists = true;
      layer.errors.push({...fileError(file, `Config file is too large (${size} bytes; the limit is 1 MB). It was not read.`), fatal: true});
      return layer;
    }
    text = host.readFile(file);
  } catch (error) {
    layer.exists = true;
    layer.errors.push({...fileError(file, `Cannot read config file: ${(error as Error).message}`), fatal: true});
    return layer;
  }
  if (text === undefined) return layer;
  layer.exists = true;
  if (text.length > MAX_CONFIG_BYTES) {
    layer.errors.push({...fileError(file, `Config file is too large (over 1 MB). It was not read.`), fatal: true});
    return layer;
  }
  parseLayer(text, layer, ctx);
  return layer;
}

interface RuleSet {
  rules: readonly Rule[];
  byId: ReadonlyMap<string, Rule>;
  /** Built when first read: only a config file's validation (and `configSchema`) needs it. */
  readonly schema: Record<string, unknown>;
}

class RuleContext implements RuleSet {
  readonly byId: ReadonlyMap<string, Rule>;
  readonly count: number;
  private built?: Record<string, unknown>;

  constructor(readonly rules: readonly Rule[]) {
    this.count = rules.length;
    this.byId = new Map(rules.map((r) => [r.id, r]));
  }

  get schema(): Record<string, unknown> {
    return (this.built ??= buildConfigSchema(this.rules));
  }
}

const ruleSets = new WeakMap<readonly Rule[], RuleContext>();

function ruleContext(rules: readonly Rule[]): RuleSet {
  let set = ruleSets.get(rules);
  if (!set || set.count !== rules.length) {
    set = new RuleContext(rules);
    ruleSets.set(rules, set);
  }
  return set;
}

/** The config schema for the rules registered now (what `schemas/briefrc.schema.json` holds). */
export function configSchema(rules: readonly Rule[] = allRules): Record<string, unknown> {
  return ruleContext(rules).schema;
}

function parseLayer(text: string, layer: Layer, ctx: RuleSet): void {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the library's own check is quadratic in a map's size
  // (a config with 20,000 rule ids took 16 s).
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false});
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === undefined || key === null) continue;
        if (seen.has(key) && isScalar(pair.key) && pair.key.range) {
          doc.errors.push(new YAMLParseError([pair.key.range[0], pair.key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        seen.add(key);
      }
    },
  });
  const toError = (range: Range, message: string, severity: 'error' | 'warning' = 'error'): ConfigError => {
    const a = lineCounter.linePos(Math.min(range[0], text.length));
    const b = lineCounter.linePos(Math.min(Math.max(range[1], range[0]), text.length));
    return {file: layer.file, message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, severity};
  };
  layer.toError = toError;
  const errorPositions: number[] = [];
  for (const e of doc.errors) {
    errorPositions.push(e.pos[0]);
    layer.errors.push(toError([e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)], `Invalid ${layer.file.endsWith('.json') ? 'JSON' : 'YAML'}: ${cleanYamlMessage(e.message)}.`));
  }
  for (const w of doc.warnings) layer.errors.push(toError([w.pos[0], w.pos[1]], cleanYamlMessage(w.message) + '.', 'warning'));
  let contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return;
  if (!isMap(contents)) {
    if (errorPositions.length === 0) layer.errors.push(toError(rangeOf(contents) ?? [0, 0], 'A config file must be a map of settings (`key: value` lines).'));
    return;
  }
  if (errorPositions.length) {
    // Drop the top-level entries the syntax errors fall in; keep the rest.
    contents.items = contents.items.filter((pair) => {
      const start = rangeOf(pair.key as Node | null)?.[0] ?? 0;
      const end = (pair.value as Node | null)?.range?.[2] ?? rangeOf(pair.key as Node | null)?.[1] ?? start;
      return !errorPositions.some((p) => p >= start && p <= end);
    });
  }
  // "Did you mean" for the first hundred unknown keys only: a file of thousands must not take seconds.
  let hints = 0;
  const hintFor = (key: string, candidates: Iterable<string>) => (++hints <= 100 ? hint(key, candidates) : '');
  const validator = new SchemaValidator(ctx.schema, doc, {
    unknownKey(path, key, known) {
      const last = path[path.length - 1];
      if (last === 'rules') {
        return {message: `Unknown rule "${key}".${hintFor(key, ctx.byId.keys())} Run \`brief rules\` to list the rules.`, severity: 'warning'};
      }
      if (path.length >= 2 && path[path.length - 2] === 'rules') {
        const options = known.filter((k) => k !== 'level');
        return {
          message: `Unknown option "${key}" for rule "${String(last)}".${hintFor(key, known)}${options.length ? ` Its options: ${options.join(', ')}.` : ' It has no options.'}`,
          severity: 'error',
        };
      }
      return undefined;
    },
    rewrite(keyword, path, message) {
      if (keyword === 'maxItems' && path.length >= 2 && path[path.length - 2] === 'rules') {
        const id = String(path[path.length - 1]);
        const rule = ctx.byId.get(id);
        if (rule && !rule.optionsSchema) return `Rule "${rule.id}" has no options; give only its level, e.g. "${rule.id}: warning".`;
        if (!rule && isCustomRuleId(id)) return `Custom rule "${id}" has no options; give only its level, e.g. "${id}: warning".`;
        return `"${formatPath(path)}" must be [level] or [level, options].`;
      }
      return undefined;
    },
    noBranch(path) {
      const last = path[path.length - 1];
      if (path.length >= 2 && path[path.length - 2] === 'rules') {
        return `"${formatPath(path)}" must be a level (${LEVELS.map((l) => `"${l}"`).join(', ')}), [level, options] or {level, ...options}.`;
      }
      if (last === 'extends' || last === 'files') return `"${formatPath(path)}" must be a path or a list of paths.`;
      return undefined;
    },
  });
  const result = validator.validate(contents, ctx.schema, []);
  for (const issue of validator.issues) layer.errors.push(toError(issue.range, issue.message, issue.severity));
  if (!result.ok || !result.value) return;
  build(result.value as Record<string, unknown>, layer, validator.origins, toError);
}

/** Range of the value at `path` inside `root` (a validated value), or `fallback`. */
function pathRange(origins: Origins, root: unknown, path: Array<string | number>, fallback: Range): Range {
  let container: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = container && typeof container === 'object' ? (container as Record<string | number, unknown>)[path[i]] : undefined;
    if (!next || typeof next !== 'object') return origins.range(container as object, path[i], fallback);
    container = next;
  }
  return container && typeof container === 'object' ? origins.range(container as object, path[path.length - 1], fallback) : fallback;
}

function build(value: Record<string, unknown>, layer: Layer, origins: Origins, toError: Layer['toError']): void {
  const report = (range: Range, message: string, severity: 'error' | 'warning' = 'error') => layer.errors.push(toError(range, message, severity));
  // extends
  const ext = value.extends;
  const extList = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? (ext as string[]) : [];
  extList.forEach((p, i) => {
    const range = typeof ext === 'string' ? origins.range(value, 'extends') : origins.range(ext as object, i);
    layer.extends.push({spec: p.trim(), range});
  });
  // custom rules
  const custom = (value.customRules ?? {}) as Record<string, CustomRuleDefinition>;
  for (const [id, def] of Object.entries(custom)) {
    if (!def || typeof def !== 'object') continue;
    const problems = checkCustomRule(id, def);
    for (const pr of problems) {
      const range = pr.path.length === 0 ? origins.keyRange(custom, id) : pathRange(origins, def, pr.path, origins.keyRange(custom, id));
      report(range, `Custom rule "${id}": ${pr.message}${pr.severity === 'error' ? ' The rule is not used.' : ''}`, pr.severity);
    }
    if (problems.some((pr) => pr.severity === 'error')) continue;
    layer.customRules[id] = {...def, definedIn: layer.file};
  }
  // custom scales
  const scales = (value.scales ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, raw] of Object.entries(scales)) {
    const scale = buildScale(id, raw, layer, origins, report);
    if (!scale) continue;
    if (builtinScales.has(id)) report(origins.keyRange(scales, id), `Custom scale "${id}" replaces the built-in scale of that name.`, 'warning');
    layer.scales[id] = scale;
  }
  layer.base = buildPart(value, origins);
  // overrides
  const overrides = (value.overrides ?? []) as Array<Record<string, unknown>>;
  overrides.forEach((o) => {
    const files = typeof o.files === 'string' ? [o.files] : Array.isArray(o.files) ? (o.files as string[]) : [];
    if (files.length === 0) return; // invalid "files" was reported; an override without files must not apply to everything
    let matcher: (p: string) => boolean;
    try {
      matcher = globMatcher(files);
    } catch (error) {
      report(origins.range(o, 'files'), `Invalid glob pattern: ${(error as Error).message}`);
      return;
    }
    layer.overrides.push({...buildPart(o, origins), match: matcher});
  });
  // ignores
  for (const pattern of (value.ignores ?? []) as string[]) layer.ignores.push(...anchorPattern(layer.dir, pattern));
}

function buildPart(value: Record<string, unknown>, origins: Origins): Part {
  const part: Part = {rules: {}, ruleRanges: {}};
  if (typeof value.scale === 'string') part.scale = {id: value.scale.trim().toLowerCase(), range: origins.range(value, 'scale')};
  if (value.sections && typeof value.sections === 'object') {
    const s = value.sections as Record<string, string[] | undefined>;
    const norm = (list: string[]) => list.map((n) => n.trim().replace(/\s+/g, ' ').toLowerCase()).filter(Boolean);
    part.sections = {};
    if (s.summary) part.sections.summary = norm(s.summary);
    if (s.judgements) part.sections.judgements = norm(s.judgements);
    if (s.sources) part.sections.sources = norm(s.sources);
    if (s.required) part.sections.required = [...new Set(s.required)];
  }
  if (typeof value.requireSuppressionReason === 'boolean') part.requireSuppressionReason = value.requireSuppressionReason;
  const rules = (value.rules ?? {}) as Record<string, unknown>;
  for (const [id, setting] of Object.entries(rules)) {
    const patch = rulePatch(setting);
    if (patch) part.rules[id] = patch;
    part.ruleRanges[id] = origins.keyRange(rules, id);
  }
  return part;
}

function rulePatch(setting: unknown): RulePatch | undefined {
  if (typeof setting === 'string') return {level: setting as RuleLevel};
  if (Array.isArray(setting)) {
    const patch: RulePatch = {};
    if (typeof setting[0] === 'string') patch.level = setting[0] as RuleLevel;
    if (setting[1] && typeof setting[1] === 'object') patch.options = setting[1] as Record<string, unknown>;
    return patch.level || patch.options ? patch : undefined;
  }
  if (setting && typeof setting === 'object') {
    const {level, ...options} = setting as Record<string, unknown>;
    const patch: RulePatch = {};
    if (typeof level === 'string') patch.level = level as RuleLevel;
    if (Object.keys(options).length) patch.options = options;
    return patch;
  }
  return undefined;
}

function buildScale(
  id: string,
  raw: Record<string, unknown>,
  layer: Layer,
  origins: Origins,
  report: (range: Range, message: string, severity?: 'error' | 'warning') => void,
): Scale | undefined {
  const terms: ScaleTerm[] = [];
  const rawTerms = (raw.terms ?? []) as Array<Record<string, unknown>>;
  const seen = new Map<string, string>();
  rawTerms.forEach((t) => {
    const band = t.band as Array<number | undefined> | undefined;
    if (!band || typeof band[0] !== 'number' || typeof band[1] !== 'number') return; // reported by the schema check
    const [lo, hi] = band as [number, number];
    if (lo > hi) {
      report(origins.range(t, 'band'), `The band of "${String(t.term)}" runs backwards: [${lo}, ${hi}]. Write [low, high].`);
      return;
    }
    const term = String(t.term).trim().replace(/\s+/g, ' ');
    const forms = ((t.forms as string[] | undefined) ?? [term]).map((f) => f.trim().replace(/\s+/g, ' ').toLowerCase()).filter(Boolean);
    if (!forms.includes(term.toLowerCase())) forms.unshift(term.toLowerCase());
    for (const f of forms) {
      const other = seen.get(f);
      if (other && other !== term) {
        report(origins.range(t, t.forms ? 'forms' : 'term'), `"${f}" is listed under both "${other}" and "${term}" in scale "${id}".`);
      }
      seen.set(f, term);
    }
    const label = typeof t.label === 'string' && t.label.trim() ? t.label.trim() : `${lo}–${hi}%`;
    terms.push({term, band: [lo, hi], label, forms: [...new Set(forms)]});
  });
  if (terms.length === 0) {
    report(origins.range(raw, 'terms', origins.range(raw)), `Scale "${id}" has no valid terms and is ignored.`);
    return undefined;
  }
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : id,
    source: typeof raw.source === 'string' ? raw.source : `custom scale defined in ${layer.file}`,
    verified: true,
    notes: typeof raw.notes === 'string' ? raw.notes : undefined,
    terms: terms.sort((a, b) => a.band[0] - b.band[0] || a.band[1] - b.band[1]),
  };
}

const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/g;

/** Glob patterns relative to a config file's directory, as absolute patterns. */
function anchorPattern(dir: string, pattern: string): string[] {
  const base = dir.replace(GLOB_SPECIAL, '\\$&').replace(/\/$/, '');
  return expandPattern(pattern).map((p) => `${base}/${p}`);
}

/** A pattern without "/" matches at any depth; a pattern naming a folder matches what is in it. */
function expandPattern(pattern: string): string[] {
  let p = pattern.trim().replace(/^\.\//, '');
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  if (p.startsWith('/')) p = p.slice(1);
  else if (!p.includes('/')) p = `**/${p}`;
  return dirOnly ? [`${p}/**`] : [p, `${p}/**`];
}

function globMatcher(patterns: string[]): (relativePath: string) => boolean {
  const expanded = patterns.flatMap(expandPattern);
  const m = picomatch(expanded, {dot: true});
  return (rel) => !rel.startsWith('../') && rel !== '..' && !isAbsolute(rel) && m(rel);
}

/** True when `filePath` (absolute) matches one of the `ignores` patterns from `loadConfig`. */
export function isIgnored(ignores: readonly string[], filePath: string): boolean {
  if (ignores.length === 0) return false;
  const key = ignores.join('\0');
  let m = ignoreMatchers.get(key);
  if (!m) {
    m = picomatch([...ignores], {dot: true});
    if (ignoreMatchers.size > 50) ignoreMatchers.clear();
    ignoreMatchers.set(key, m);
  }
  return m(normalize(filePath));
}

const ignoreMatchers = new Map<string, (path: string) => boolean>();

function resolveLayers(layers: Layer[], filePath: string | undefined, errors: ConfigError[], ctx: RuleSet): ResolvedConfig {
  const config = defaultConfig();
  const known = new Map<string, Scale>(builtinScales);
  for (const l of layers) for (const [id, s] of Object.entries(l.scales)) known.set(id, s);
  for (const l of layers) Object.assign(config.scales, l.scales);
  const customRules: Record<string, CustomRuleDefinition> = {};
  for (const l of layers) Object.assign(customRules, l.customRules);
  config.customRules = customRules;
  const checkRuleIds = (layer: Layer, part: Part) => {
    for (const id of Object.keys(part.rules)) {
      if (!isCustomRuleId(id) || customRules[id]) continue;
      const defined = Object.keys(customRules);
      errors.push(
        layer.toError(
          part.ruleRanges[id] ?? [0, 0],
          `Unknown custom rule "${id}".${hint(id, defined)} ${defined.length ? `Custom rules in this configuration: ${defined.join(', ')}.` : 'Define it under "customRules:" (here or in a file this one extends).'}`,
          'warning',
        ),
      );
    }
  };

  const checkScale = (layer: Layer, ref: ScaleRef | undefined): boolean => {
    if (!ref) return false;
    if (known.has(ref.id)) return true;
    errors.push(layer.toError(ref.range, `Unknown scale "${ref.id}".${hint(ref.id, known.keys())} Valid scales: ${[...known.keys()].join(', ')}.`));
    return false;
  };
  const apply = (layer: Layer, part: Part) => {
    if (checkScale(layer, part.scale)) config.scale = part.scale!.id;
    if (part.sections) {
      const s = part.sections;
      if (s.summary) config.sections.summary = [...s.summary];
      if (s.judgements) config.sections.judgements = [...s.judgements];
      if (s.sources) config.sections.sources = [...s.sources];
      if (s.required) config.requiredSections = [...s.required];
    }
    if (part.requireSuppressionReason !== undefined) config.requireSuppressionReason = part.requireSuppressionReason;
    for (const [id, patch] of Object.entries(part.rules)) {
      const rule = ctx.byId.get(id);
      const prev = config.rules[id];
      config.rules[id] = {
        level: patch.level ?? prev?.level ?? rule?.defaultLevel ?? customRules[id]?.severity ?? 'warning',
        options: {...(prev?.options ?? {}), ...(patch.options ?? {})},
      };
    }
  };
  for (const layer of layers) {
    apply(layer, layer.base);
    checkRuleIds(layer, layer.base);
    const rel = filePath ? relative(layer.dir, filePath) : undefined;
    for (const o of layer.overrides) {
      checkRuleIds(layer, o);
      if (rel !== undefined && o.match(rel)) apply(layer, o);
      else checkScale(layer, o.scale);
    }
  }
  allowRequiredMetadata(config, ctx.byId.get('frontmatter-keys')?.defaultLevel ?? 'warning');
  return config;
}

/**
 * Front-matter keys a required-metadata rule asks for are keys the team uses on
 * purpose: frontmatter-keys must not call them unknown.
 */
function allowRequiredMetadata(config: ResolvedConfig, defaultLevel: RuleLevel): void {
  const keys = new Set<string>();
  for (const [id, def] of Object.entries(config.customRules ?? {})) {
    if (def.kind !== 'required-metadata' || config.rules[id]?.level === 'off') continue;
    for (const k of Array.isArray(def.keys) ? def.keys : Object.keys(def.keys ?? {})) keys.add(k);
  }
  if (keys.size === 0) return;
  const prev = config.rules['frontmatter-keys'];
  const allow = Array.isArray(prev?.options?.allow) ? (prev.options.allow as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  config.rules['frontmatter-keys'] = {
    level: prev?.level ?? defaultLevel,
    options: {...(prev?.options ?? {}), allow: [...new Set([...allow, ...keys])]},
  };
}

/** Drops repeats; orders by file (in the order first met), then position. */
function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  const fileOrder = new Map<string, number>();
  const out = errors.filter((e) => {
    if (!fileOrder.has(e.file)) fileOrder.set(e.file, fileOrder.size);
    const k = `${e.file}:${e.line}:${e.column}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column);
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').replace(/[.:]\s*$/, '').trim();
}

/** `file:line:column: severity: message`, the form the CLI prints. */
export function formatConfigError(e: ConfigError, displayPath: string = e.file): string {
  return `${displayPath}:${e.line}:${e.column}: ${e.severity}: ${e.message}`;
}

