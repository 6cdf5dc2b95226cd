import rule from '../../../../policies/rules/cloudwatch/cis-nacl-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis411NaclChanges', () => {
  cisMonitoringCases(rule);
});
