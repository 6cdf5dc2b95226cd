import { Rule } from '../../../lib/engine';

export const GUARDDUTY_RULES: readonly Rule[] = [];
