import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/runtime-monitoring';
import { expectPass } from '../../rule-harness';
import { allFeatures, detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.RuntimeMonitoring', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.RUNTIME_MONITORING });

  test('Compliant: Runtime Monitoring on with agents managed by hand (no AdditionalConfiguration)', () => {
    const features = allFeatures().map((f) => (f.Name === 'RUNTIME_MONITORING' ? { Name: f.Name, Status: 'ENABLED' } : f));
    expectPass(rule, detectorTemplate({ Features: features }));
  });
});
