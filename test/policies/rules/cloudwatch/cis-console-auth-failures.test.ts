import rule from '../../../../policies/rules/cloudwatch/cis-console-auth-failures';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis46ConsoleAuthFailures', () => {
  cisMonitoringCases(rule);
});
