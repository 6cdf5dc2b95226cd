import { Rule } from '../../../lib/engine';

export const SECURITYHUB_RULES: readonly Rule[] = [];
