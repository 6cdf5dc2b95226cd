import { Rule } from '../../../lib/engine';

export const ACCESSANALYZER_RULES: readonly Rule[] = [];
