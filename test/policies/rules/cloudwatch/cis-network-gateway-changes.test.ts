import rule from '../../../../policies/rules/cloudwatch/cis-network-gateway-changes';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis412NetworkGatewayChanges', () => {
  cisMonitoringCases(rule);
});
