import { Rule } from '../../../lib/engine';

export const KMS_RULES: readonly Rule[] = [];
