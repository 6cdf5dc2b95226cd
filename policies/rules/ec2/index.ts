import { Rule } from '../../../lib/engine';

export const EC2_RULES: readonly Rule[] = [];
