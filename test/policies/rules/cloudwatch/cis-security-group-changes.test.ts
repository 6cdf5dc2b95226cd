import rule from '../../../../policies/rules/cloudwatch/cis-security-group-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis410SecurityGroupChanges', () => {
  cisMonitoringCases(rule);
});
