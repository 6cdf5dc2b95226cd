import { Rule } from '../../../lib/engine';

export const BACKUP_RULES: readonly Rule[] = [];
