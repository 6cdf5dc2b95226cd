import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/lambda-protection';
import { expectFail } from '../../rule-harness';
import { detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.LambdaProtection', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.LAMBDA_NETWORK_LOGS });

  test('Non-compliant 6: hand-written detector with no Features at all', () => {
    expectFail(rule, detectorTemplate({}), /no detector feature LAMBDA_NETWORK_LOGS/);
  });
});
