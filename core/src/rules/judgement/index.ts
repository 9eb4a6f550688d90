import type {Rule} from '../types.js';
import {judgementNoEvidence} from './judgement-no-evidence.js';
import {judgementUnsourced} from './judgement-unsourced.js';
import {judgementNoTimeframe} from './judgement-no-timeframe.js';

export const judgementRules: Rule[] = [judgementNoEvidence, judgementUnsourced, judgementNoTimeframe];
