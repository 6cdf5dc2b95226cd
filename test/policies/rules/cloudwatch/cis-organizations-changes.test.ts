import rule from '../../../../policies/rules/cloudwatch/cis-organizations-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis415OrganizationsChanges', () => {
  cisMonitoringCases(rule);
});
