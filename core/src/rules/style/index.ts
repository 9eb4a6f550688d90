import type {Rule} from '../types.js';
import {judgementOneSentence} from './judgement-one-sentence.js';

export const styleRules: Rule[] = [judgementOneSentence];
