import type {Rule} from '../types.js';
import {termOffScale} from './term-off-scale.js';
import {mixedScales} from './mixed-scales.js';
import {missingLikelihood} from './missing-likelihood.js';
import {vagueHedge} from './vague-hedge.js';
import {stackedHedge} from './stacked-hedge.js';
import {modifiedPossible} from './modified-possible.js';
import {confidenceWithLikelihood} from './confidence-with-likelihood.js';
import {percentageBand} from './percentage-band.js';
import {summaryMismatch} from './summary-mismatch.js';

export const estimativeRules: Rule[] = [
  termOffScale,
  mixedScales,
  missingLikelihood,
  vagueHedge,
  stackedHedge,
  modifiedPossible,
  confidenceWithLikelihood,
  percentageBand,
  summaryMismatch,
];
