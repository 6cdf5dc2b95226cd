import { Rule } from '../../../lib/engine';
import autoMinorVersionUpgrade from './auto-minor-version-upgrade';
import notPublic from './not-public';
import storageEncrypted from './storage-encrypted';

export const RDS_RULES: readonly Rule[] = [storageEncrypted, autoMinorVersionUpgrade, notPublic];
