import type {Rule} from './types.js';
import {judgementRules} from './judgement/index.js';
import {sourcingRules} from './sourcing/index.js';
import {estimativeRules} from './estimative/index.js';
import {structureRules} from './structure/index.js';
import {styleRules} from './style/index.js';

/** Every rule, in documentation order. */
export const allRules: Rule[] = [...judgementRules, ...sourcingRules, ...estimativeRules, ...structureRules, ...styleRules];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));
