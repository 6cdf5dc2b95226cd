import { Rule } from '../../../lib/engine';

export const CLOUDWATCH_RULES: readonly Rule[] = [];
