import rule from '../../../../policies/rules/cloudwatch/cis-iam-policy-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis44IamPolicyChanges', () => {
  cisMonitoringCases(rule);
});
