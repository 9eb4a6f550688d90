import type {Rule} from '../types.js';
import {termOffScale} from './term-off-scale.js';

export const estimativeRules: Rule[] = [termOffScale];
