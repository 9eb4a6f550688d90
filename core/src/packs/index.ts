/**
 * Built-in rule packs (`extends: brief:<id>`): configuration shipped inside the
 * engine as data, so they work in the bundled extension without a file system.
 */
import {phiaPack} from './phia.js';
import {icd203Pack} from './icd203.js';

export const BUILTIN_PACK_PREFIX = 'brief:';

export interface BuiltinPack {
  id: string;
  /** What the pack encodes, for docs and messages. */
  title: string;
  /** The pack as `.briefrc.yaml` text. */
  text: string;
}

export const builtinPacks: ReadonlyMap<string, BuiltinPack> = new Map(
  [
    {id: 'phia', title: 'UK PHIA house style (Probability Yardstick, Analytical Confidence Ratings)', text: phiaPack},
    {id: 'icd203', title: 'US ICD 203 analytic standards and ICD 206 sourcing', text: icd203Pack},
  ].map((p) => [p.id, p]),
);

export const BUILTIN_PACK_IDS: string[] = [...builtinPacks.keys()];

/** `brief:phia` → the pack; undefined for anything else. */
export function builtinPack(spec: string): BuiltinPack | undefined {
  return spec.startsWith(BUILTIN_PACK_PREFIX) ? builtinPacks.get(spec.slice(BUILTIN_PACK_PREFIX.length)) : undefined;
}

/**
 * An npm package that holds a rule pack: "brief-pack-x" or "@scope/brief-pack-x",
 * optionally followed by "/path/in/package.yaml". Returns the package name and the path.
 */
export function parsePackageSpec(spec: string): {name: string; subpath?: string} | undefined {
  const m = /^((?:@[a-z0-9][a-z0-9._~-]*\/)?brief-pack-[a-z0-9._~-]*)(?:\/(.+))?$/.exec(spec);
  if (!m) return undefined;
  return {name: m[1], subpath: m[2]};
}
