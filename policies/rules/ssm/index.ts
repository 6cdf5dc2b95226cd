import { Rule } from '../../../lib/engine';

export const SSM_RULES: readonly Rule[] = [];
