import { Rule } from '../../../lib/engine';

export const LAMBDA_RULES: readonly Rule[] = [];
