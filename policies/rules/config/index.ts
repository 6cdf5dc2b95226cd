import { Rule } from '../../../lib/engine';

export const CONFIG_RULES: readonly Rule[] = [];
