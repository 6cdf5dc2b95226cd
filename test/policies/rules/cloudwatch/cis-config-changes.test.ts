import rule from '../../../../policies/rules/cloudwatch/cis-config-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis49ConfigChanges', () => {
  cisMonitoringCases(rule);
});
