import rule from '../../../../policies/rules/cloudwatch/cis-kms-key-disable-or-deletion';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis47KmsKeyDisableOrDeletion', () => {
  cisMonitoringCases(rule);
});
