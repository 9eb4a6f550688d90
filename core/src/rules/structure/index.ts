import type {Rule} from '../types.js';

export const structureRules: Rule[] = [];
