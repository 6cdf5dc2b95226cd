import { Rule } from '../../../lib/engine';

export const CLOUDTRAIL_RULES: readonly Rule[] = [];
