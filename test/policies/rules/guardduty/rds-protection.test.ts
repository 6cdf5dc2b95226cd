import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/rds-protection';
import { expectFail } from '../../rule-harness';
import { detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.RdsProtection', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.RDS_LOGIN_EVENTS });

  test('Non-compliant 6: hand-written detector with no Features at all', () => {
    expectFail(rule, detectorTemplate({}), /no detector feature RDS_LOGIN_EVENTS/);
  });
});
