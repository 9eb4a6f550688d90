import type {Rule} from '../types.js';
import {footnoteUndefined} from './footnote-undefined.js';
import {sourceUnused} from './source-unused.js';
import {sourceDuplicate} from './source-duplicate.js';
import {uncitedClaim} from './uncited-claim.js';
import {uncitedAttribution} from './uncited-attribution.js';
import {sourceMetadata} from './source-metadata.js';

export const sourcingRules: Rule[] = [footnoteUndefined, sourceUnused, sourceDuplicate, uncitedClaim, uncitedAttribution, sourceMetadata];
