import { Rule } from '../../../lib/engine';
import jobFailureAlerts from './job-failure-alerts';
import planCrossRegionCopy from './plan-cross-region-copy';
import planHasSelection from './plan-has-selection';
import planRetention from './plan-retention';
import restoreTesting from './restore-testing';
import vaultCustomerManagedKey from './vault-customer-managed-key';
import vaultDeletionDenied from './vault-deletion-denied';
import vaultLock from './vault-lock';
import vaultRetained from './vault-retained';

export const BACKUP_RULES: readonly Rule[] = [
  vaultCustomerManagedKey,
  vaultLock,
  vaultDeletionDenied,
  vaultRetained,
  planRetention,
  planCrossRegionCopy,
  planHasSelection,
  restoreTesting,
  jobFailureAlerts,
];
