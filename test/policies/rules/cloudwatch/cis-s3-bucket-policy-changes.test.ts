import rule from '../../../../policies/rules/cloudwatch/cis-s3-bucket-policy-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis48S3BucketPolicyChanges', () => {
  cisMonitoringCases(rule);
});
