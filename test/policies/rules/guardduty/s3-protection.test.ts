import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/s3-protection';
import { expectFail, expectPass } from '../../rule-harness';
import { detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.S3Protection', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.S3_DATA_EVENTS });

  test('Compliant: hand-written detector with the deprecated DataSources form', () => {
    expectPass(rule, detectorTemplate({ DataSources: { S3Logs: { Enable: true } } }));
  });

  test('Non-compliant 6: hand-written detector with the deprecated DataSources form off', () => {
    expectFail(rule, detectorTemplate({ DataSources: { S3Logs: { Enable: false } } }), /DataSources.S3Logs.Enable is false/);
  });
});
