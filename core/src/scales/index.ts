import phia from './phia.json' with {type: 'json'};
import icd203 from './icd203.json' with {type: 'json'};
import nato from './nato.json' with {type: 'json'};
import kent from './kent.json' with {type: 'json'};
import common from './common-terms.json' with {type: 'json'};

/** One term of an estimative scale, with the phrases that express it. */
export interface ScaleTerm {
  /** Canonical term, e.g. "highly likely". */
  term: string;
  /** Probability band in percent, [low, high]. */
  band: [number, number];
  /** Band as the standard prints it, e.g. "≈80–≈90%". */
  label: string;
  /** Accepted phrases (inflections included), lower case, e.g. ["probable", "probably"]. */
  forms: string[];
  /** Row of a two-row scale (ICD 203); terms of different rows should not be mixed. */
  row?: number;
}

export interface Scale {
  id: string;
  name: string;
  /** Publication the figures come from. */
  source: string;
  /** False when the figures are provisional. */
  verified: boolean;
  notes?: string;
  terms: ScaleTerm[];
}

function asScale(data: unknown): Scale {
  return data as Scale;
}

/** Scales a document can select with `scale:`. */
export const builtinScales: ReadonlyMap<string, Scale> = new Map(
  [phia, icd203, nato, kent].map((s) => [s.id, asScale(s)]),
);

/** Phrases on no scale, recognised only so they can be flagged and mapped. */
export const commonTerms: Scale = asScale(common);

export const DEFAULT_SCALE = 'phia';
