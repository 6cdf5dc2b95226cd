import { Rule } from '../../../lib/engine';

export const SNS_RULES: readonly Rule[] = [];
