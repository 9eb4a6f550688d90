import type {Rule} from '../types.js';

export const sourcingRules: Rule[] = [];
