/**
 * A validator for the subset of JSON Schema (draft-07) the config schema and rule
 * option schemas use, run on YAML syntax nodes so every problem has an exact
 * source range. Invalid parts are dropped from the value it returns; the rest is kept.
 *
 * Keywords: type, enum, const, properties, patternProperties, required,
 * additionalProperties, propertyNames, items (schema or tuple), minItems, maxItems,
 * minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
 * pattern, oneOf/anyOf (the branch is chosen by the value's type, then by a
 * discriminator — a property every object branch fixes with `const`, such as
 * `kind` — then by which validates), $ref (local `#/…` pointers). Others
 * (description, default, examples, title) are ignored.
 */
import {isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node} from 'yaml';
import {hint} from './suggest.js';

export type JsonSchema = {[key: string]: unknown} | boolean;
export type Path = Array<string | number>;
export type Range = [number, number];

export interface SchemaIssue {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface ValidationHooks {
  /** Message for a key that `additionalProperties: false` rejects. */
  unknownKey?(path: Path, key: string, known: string[]): {message: string; severity?: 'error' | 'warning'} | undefined;
  /** Message when no branch of a oneOf/anyOf accepts the value's type. */
  noBranch?(path: Path): string | undefined;
  /** Replaces the message of an issue found by `keyword` (e.g. "maxItems") at `path`. */
  rewrite?(keyword: string, path: Path, message: string): string | undefined;
}

const SELF = Symbol('self');

interface Origin {
  node: Node | null;
  keyNode?: Node | null;
}

/** Where each part of a validated value came from. */
export class Origins {
  private readonly map = new WeakMap<object, Map<string | number | symbol, Origin>>();

  set(container: object, key: string | number | typeof SELF, origin: Origin): void {
    let m = this.map.get(container);
    if (!m) this.map.set(container, (m = new Map()));
    m.set(key, origin);
  }

  /** Range of the value at `container[key]` (or of the container itself). */
  range(container: object, key?: string | number, fallback: Range = [0, 0]): Range {
    const o = this.map.get(container)?.get(key ?? SELF);
    return rangeOf(o?.node) ?? fallback;
  }

  /** Range of the key `key` of the map `container`. */
  keyRange(container: object, key: string, fallback: Range = [0, 0]): Range {
    const o = this.map.get(container)?.get(key);
    return rangeOf(o?.keyNode) ?? rangeOf(o?.node) ?? fallback;
  }
}

export function rangeOf(node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return [r[0], Math.max(r[0], r[1])];
}

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

const KIND_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
  array: 'a list',
  object: 'a map of keys to values',
};

export function formatPath(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

export class SchemaValidator {
  readonly issues: SchemaIssue[] = [];
  readonly origins = new Origins();

  constructor(
    private readonly root: JsonSchema,
    private readonly doc: Document,
    private readonly hooks: ValidationHooks = {},
    private readonly fallbackRange: Range = [0, 0],
  ) {}

  /** Validates `node`; returns the cleaned value, or `ok: false` when the value as a whole is invalid. */
  validate(node: Node | null | undefined, schema: JsonSchema, path: Path = []): {ok: boolean; value?: unknown} {
    const s = this.deref(schema);
    if (s === true) return {ok: true, value: this.toJS(node)};
    if (s === false) {
      this.issue(node, `${label(path)} is not allowed here.`);
      return {ok: false};
    }
    if (isAlias(node)) node = (node.resolve(this.doc) as Node | undefined) ?? null;
    node ??= null;
    const kind = kindOf(node);
    const branches = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
    if (Array.isArray(branches)) {
      const resolved = branches.map((b) => this.deref(b));
      const chosen = this.byDiscriminator(node, resolved, path);
      if (chosen === null) return {ok: false};
      if (chosen) return this.validate(node, chosen, path);
      const fitting = resolved.filter((b) => accepts(b, kind, node));
      if (fitting.length === 0) {
        const msg = this.hooks.noBranch?.(path) ?? `${label(path)} must be ${describeBranches(resolved)}, not ${describeKind(kind, node)}.`;
        this.issue(node, msg);
        return {ok: false};
      }
      if (fitting.length > 1) {
        for (const b of fitting) {
          const trial = new SchemaValidator(this.root, this.doc, this.hooks, this.fallbackRange);
          const r = trial.validate(node, b, path);
          if (r.ok && trial.issues.length === 0) return this.validate(node, b, path);
        }
      }
      return this.validate(node, fitting[0], path);
    }
    const types = typeList(s.type);
    if (types && !types.some((t) => kindMatches(kind, t, node))) {
      this.issue(node, `${label(path)} must be ${types.map((t) => KIND_WORDS[t] ?? t).join(' or ')}, not ${describeKind(kind, node)}.`);
      return {ok: false};
    }
    const value = kind === 'array' || kind === 'object' ? undefined : scalarValue(node);
    if ('const' in s && !sameValue(value, s.const)) {
      this.issue(node, `${label(path)} must be ${show(s.const)}.`);
      return {ok: false};
    }
    if (Array.isArray(s.enum)) {
      if (!s.enum.some((e) => sameValue(e, value))) {
        const words = s.enum.map((e) => String(e));
        const got = kind === 'array' || kind === 'object' ? describeKind(kind, node) : show(value);
        this.issue(node, `${label(path)} must be one of ${s.enum.map(show).join(', ')} (got ${got}).${typeof value === 'string' ? hint(value, words) : ''}`);
        return {ok: false};
      }
    }
    switch (kind) {
      case 'string':
        return this.checkString(node, s, path, value as string);
      case 'number':
      case 'integer':
        return this.checkNumber(node, s, path, value as number);
      case 'array':
        return this.checkArray(node, s, path);
      case 'object':
        return this.checkObject(node, s, path);
      default:
        return {ok: true, value};
    }
  }

  /**
   * For a map and branches that all fix one property with `const` (e.g. `kind`):
   * the branch its value names; null (reported) when the property is missing or
   * names no branch; undefined when the branches have no such property.
   */
  private byDiscriminator(node: Node | null, branches: JsonSchema[], path: Path): JsonSchema | null | undefined {
    if (!isMap(node) || branches.length < 2) return undefined;
    const objects = branches.filter((b): b is Record<string, unknown> => typeof b === 'object' && b.type === 'object');
    if (objects.length !== branches.length) return undefined;
    const props = (b: Record<string, unknown>) => (b.properties ?? {}) as Record<string, Record<string, unknown>>;
    const key = Object.keys(props(objects[0])).find((k) => objects.every((b) => props(b)[k] && 'const' in props(b)[k]));
    if (!key) return undefined;
    const values = objects.map((b) => props(b)[key].const);
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) {
      this.issue(node, `${label(path)} needs ${show(key)}: one of ${values.map(show).join(', ')}.`);
      return null;
    }
    const valueNode = pair.value as Node | null;
    const value = scalarValue(valueNode);
    const i = values.findIndex((v) => sameValue(v, value));
    if (i < 0) {
      const got = kindOf(valueNode) === 'string' ? show(value) : describeKind(kindOf(valueNode), valueNode);
      const suggestion = typeof value === 'string' ? hint(value, values.map(String)) : '';
      this.issue(valueNode ?? (pair.key as Node), `${label([...path, key])} must be one of ${values.map(show).join(', ')} (got ${got}).${suggestion}`);
      return null;
    }
    return objects[i];
  }

  private checkString(node: Node | null, s: Record<string, unknown>, path: Path, value: string) {
    if (typeof s.minLength === 'number' && value.length < s.minLength) {
      this.issue(node, s.minLength === 1 ? `${label(path)} must not be empty.` : `${label(path)} must have at least ${s.minLength} characters.`);
      return {ok: false};
    }
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) {
      this.issue(node, `${label(path)} must have at most ${s.maxLength} characters.`);
      return {ok: false};
    }
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) {
      this.issue(node, `${label(path)} ${show(value)} does not match ${describePattern(s)}.`);
      return {ok: false};
    }
    return {ok: true, value};
  }

  private checkNumber(node: Node | null, s: Record<string, unknown>, path: Path, value: number) {
    const bad = (what: string) => {
      this.issue(node, `${label(path)} must be ${what} (got ${value}).`);
      return {ok: false};
    };
    if (typeof s.minimum === 'number' && value < s.minimum) return bad(`at least ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) return bad(`at most ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return bad(`more than ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return bad(`less than ${s.exclusiveMaximum}`);
    return {ok: true, value};
  }

  private checkArray(node: Node | null, s: Record<string, unknown>, path: Path) {
    const items = isSeq(node) ? (node.items as Array<Node | null>) : [];
    if (typeof s.minItems === 'number' && items.length < s.minItems) {
      this.issue(node, `${label(path)} must have at least ${s.minItems} ${s.minItems === 1 ? 'item' : 'items'}.`);
      return {ok: false};
    }
    if (typeof s.maxItems === 'number' && items.length > s.maxItems) {
      const message = `${label(path)} must have at most ${s.maxItems} ${s.maxItems === 1 ? 'item' : 'items'}.`;
      this.issue(items[s.maxItems] ?? node, this.hooks.rewrite?.('maxItems', path, message) ?? message);
      return {ok: false};
    }
    const out: unknown[] = [];
    this.origins.set(out, SELF, {node});
    if (Array.isArray(s.items)) {
      // Tuple: positions matter, so an invalid item becomes undefined rather than shifting the rest.
      items.forEach((item, i) => {
        const sub = (s.items as JsonSchema[])[i] ?? (s.additionalItems as JsonSchema | undefined) ?? true;
        const r = this.validate(item, sub, [...path, i]);
        out.push(r.ok ? r.value : undefined);
        this.origins.set(out, i, {node: item});
      });
      return {ok: true, value: out};
    }
    const itemSchema = (s.items as JsonSchema | undefined) ?? true;
    items.forEach((item, i) => {
      const r = this.validate(item, itemSchema, [...path, i]);
      if (!r.ok) return;
      this.origins.set(out, out.length, {node: item});
      out.push(r.value);
    });
    return {ok: true, value: out};
  }

  private checkObject(node: Node | null, s: Record<string, unknown>, path: Path) {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const out: Record<string, unknown> = {};
    this.origins.set(out, SELF, {node});
    const pairs = isMap(node) ? node.items : [];
    const seen = new Set<string>();
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const rawKey = isScalar(keyNode) ? keyNode.value : keyNode === null ? null : undefined;
      if (rawKey === undefined || rawKey === null || typeof rawKey === 'object') {
        this.issue(keyNode ?? valueNode ?? node, `${label(path)} has a key that is not a plain name.`);
        continue;
      }
      const key = String(rawKey);
      seen.add(key);
      if (s.propertyNames && typeof s.propertyNames === 'object') {
        const pn = s.propertyNames as Record<string, unknown>;
        if (typeof pn.pattern === 'string' && !new RegExp(pn.pattern, 'u').test(key)) {
          this.issue(keyNode, `${show(key)} in ${label(path)} must match ${describePattern(pn)}.`);
          continue;
        }
      }
      let sub: JsonSchema | undefined;
      const patterned = patternSchema(s.patternProperties, key);
      if (Object.prototype.hasOwnProperty.call(props, key)) sub = props[key];
      else if (patterned !== undefined) sub = patterned;
      else if (s.additionalProperties === false) {
        const known = Object.keys(props);
        const custom = this.hooks.unknownKey?.(path, key, known);
        const message =
          custom?.message ??
          `Unknown key ${show(key)}${path.length ? ` in ${label(path)}` : ''}.${hint(key, known)}${known.length ? ` Valid keys: ${known.join(', ')}.` : ''}`;
        this.issue(keyNode, message, custom?.severity ?? 'warning');
        continue;
      } else sub = (s.additionalProperties as JsonSchema | undefined) ?? true;
      const r = this.validate(valueNode, sub, [...path, key]);
      if (!r.ok) continue;
      out[key] = r.value;
      this.origins.set(out, key, {node: valueNode, keyNode});
    }
    if (Array.isArray(s.required)) {
      const missing = (s.required as string[]).filter((k) => !seen.has(k));
      if (missing.length) {
        // Point at the map's first entry rather than the whole (possibly long) map.
        const first = pairs.find(isPair);
        const start = rangeOf(node)?.[0];
        const end = (first?.value as Node | null | undefined)?.range?.[1] ?? rangeOf(first?.key as Node | null)?.[1];
        const message = `${label(path)} needs ${missing.map(show).join(' and ')}.`;
        const flow = isMap(node) && node.flow;
        if (!flow && start !== undefined && end !== undefined) this.issues.push({message, range: [start, Math.max(start, end)], severity: 'error'});
        else this.issue(node, message);
        return {ok: false};
      }
    }
    return {ok: true, value: out};
  }

  issue(node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.issues.push({message, range: rangeOf(node) ?? this.fallbackRange, severity});
  }

  deref(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let i = 0; i < 20 && typeof s === 'object' && typeof s.$ref === 'string'; i++) {
      s = resolvePointer(this.root, s.$ref as string);
    }
    return typeof s === 'object' && Object.keys(s).length === 0 ? true : s;
  }

  private toJS(node: Node | null | undefined): unknown {
    if (!node) return null;
    return node.toJS(this.doc, {maxAliasCount: 100});
  }
}

/** The schema of the first `patternProperties` entry whose pattern matches `key`. */
function patternSchema(patternProperties: unknown, key: string): JsonSchema | undefined {
  if (!patternProperties || typeof patternProperties !== 'object') return undefined;
  for (const [pattern, schema] of Object.entries(patternProperties as Record<string, JsonSchema>)) {
    if (new RegExp(pattern, 'u').test(key)) return schema;
  }
  return undefined;
}

function resolvePointer(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#')) return true;
  let cur: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  }
  return (cur as JsonSchema | undefined) ?? true;
}

function label(path: Path): string {
  return path.length ? `"${formatPath(path)}"` : 'The configuration';
}

function describePattern(s: Record<string, unknown>): string {
  return typeof s.description === 'string' ? s.description : `the pattern ${String(s.pattern)}`;
}

function typeList(t: unknown): string[] | undefined {
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.map(String);
  return undefined;
}

function kindOf(node: Node | null | undefined): Kind {
  if (!node) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'number';
    if (typeof v === 'boolean') return 'boolean';
  }
  return 'string';
}

function scalarValue(node: Node | null | undefined): unknown {
  if (!node || !isScalar(node)) return null;
  const v = node.value;
  return typeof v === 'bigint' ? Number(v) : v;
}

function kindMatches(kind: Kind, type: string, _node: Node | null | undefined): boolean {
  if (type === kind) return true;
  if (type === 'number' && kind === 'integer') return true;
  return false;
}

function accepts(schema: JsonSchema, kind: Kind, node: Node | null | undefined): boolean {
  if (typeof schema === 'boolean') return schema;
  const types = typeList(schema.type);
  if (types) return types.some((t) => kindMatches(kind, t, node));
  if (Array.isArray(schema.enum)) {
    return schema.enum.some((e) => {
      const k: Kind = e === null ? 'null' : typeof e === 'number' ? (Number.isInteger(e) ? 'integer' : 'number') : Array.isArray(e) ? 'array' : typeof e === 'object' ? 'object' : (typeof e as Kind);
      return k === kind || (k === 'number' && kind === 'integer') || (k === 'integer' && kind === 'number');
    });
  }
  return true;
}

function describeBranches(branches: JsonSchema[]): string {
  const parts: string[] = [];
  for (const b of branches) {
    if (typeof b === 'boolean') continue;
    if (Array.isArray(b.enum)) parts.push(`one of ${b.enum.map(show).join(', ')}`);
    else for (const t of typeList(b.type) ?? []) parts.push(KIND_WORDS[t] ?? t);
  }
  const uniq = [...new Set(parts)];
  return uniq.length <= 1 ? (uniq[0] ?? 'valid') : `${uniq.slice(0, -1).join(', ')} or ${uniq[uniq.length - 1]}`;
}

function describeKind(kind: Kind, node: Node | null | undefined): string {
  if (kind === 'null') return 'empty';
  if (kind === 'array') return 'a list';
  if (kind === 'object') return 'a map';
  return `${show(scalarValue(node))}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
}
