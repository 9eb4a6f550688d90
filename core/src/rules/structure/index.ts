import type {Rule} from '../types.js';
import {frontmatterInvalid} from './frontmatter-invalid.js';
import {frontmatterKeys} from './frontmatter-keys.js';
import {requiredSections} from './required-sections.js';
import {judgementNumbering} from './judgement-numbering.js';
import {emptySection} from './empty-section.js';
import {suppressionReason} from './suppression-reason.js';
import {nestingTooDeep} from './nesting-too-deep.js';

export const structureRules: Rule[] = [frontmatterInvalid, frontmatterKeys, requiredSections, judgementNumbering, emptySection, suppressionReason, nestingTooDeep];
