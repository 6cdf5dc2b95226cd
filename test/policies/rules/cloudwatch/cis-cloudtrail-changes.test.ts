import rule from '../../../../policies/rules/cloudwatch/cis-cloudtrail-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis45CloudTrailChanges', () => {
  cisMonitoringCases(rule);
});
