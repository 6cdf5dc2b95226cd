import rule from '../../../../policies/rules/cloudwatch/cis-route-table-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis413RouteTableChanges', () => {
  cisMonitoringCases(rule);
});
