import rule from '../../../../policies/rules/cloudwatch/cis-unauthorized-api-calls';
import { cisMonitoringCases } from './cis-suite';

describe('CloudWatch.Cis41UnauthorizedApiCalls', () => {
  cisMonitoringCases(rule);
});
