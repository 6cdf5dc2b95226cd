import { Rule } from '../../../lib/engine';
import encryptedWithCmk from './encrypted-with-cmk';
import retainOnDelete from './retain-on-delete';
import retentionPeriod from './retention-period';

export const LOGS_RULES: readonly Rule[] = [encryptedWithCmk, retentionPeriod, retainOnDelete];
