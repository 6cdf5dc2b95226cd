import rule from '../../../../policies/rules/cloudwatch/cis-vpc-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis414VpcChanges', () => {
  cisMonitoringCases(rule);
});
