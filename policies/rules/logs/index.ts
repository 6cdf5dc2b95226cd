import { Rule } from '../../../lib/engine';

export const LOGS_RULES: readonly Rule[] = [];
