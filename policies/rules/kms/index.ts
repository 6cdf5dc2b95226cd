import { Rule } from '../../../lib/engine';
import aliasName from './alias-name';
import fullAccessOnlyToAccount from './full-access-only-to-account';
import grantsForAwsResources from './grants-for-aws-resources';
import keyRotation from './key-rotation';
import noPublicKeyPolicy from './no-public-key-policy';
import pendingWindow from './pending-window';
import retainOnDelete from './retain-on-delete';
import rotationPeriod from './rotation-period';
import rsaKeySpec from './rsa-key-spec';
import servicePrincipalScoped from './service-principal-scoped';

export const KMS_RULES: readonly Rule[] = [
  keyRotation,
  rotationPeriod,
  pendingWindow,
  noPublicKeyPolicy,
  fullAccessOnlyToAccount,
  servicePrincipalScoped,
  grantsForAwsResources,
  rsaKeySpec,
  retainOnDelete,
  aliasName,
];
