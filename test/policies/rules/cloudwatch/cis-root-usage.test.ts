import rule from '../../../../policies/rules/cloudwatch/cis-root-usage';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis43RootUsage', () => {
  cisMonitoringCases(rule);
});
