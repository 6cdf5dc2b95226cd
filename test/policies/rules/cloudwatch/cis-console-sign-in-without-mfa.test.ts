import rule from '../../../../policies/rules/cloudwatch/cis-console-sign-in-without-mfa';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis42ConsoleSignInWithoutMfa', () => {
  cisMonitoringCases(rule);
});
