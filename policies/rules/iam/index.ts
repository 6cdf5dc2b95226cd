import { Rule } from '../../../lib/engine';

export const IAM_RULES: readonly Rule[] = [];
