import type {Rule} from '../types.js';

export const styleRules: Rule[] = [];
