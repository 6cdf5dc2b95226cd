import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/eks-runtime-monitoring';
import { expectFail, expectPass } from '../../rule-harness';
import { allFeatures, detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.EksRuntimeMonitoring', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.RUNTIME_MONITORING, agent: 'EKS_ADDON_MANAGEMENT' });

  test('Compliant: the older EKS_RUNTIME_MONITORING feature with EKS_ADDON_MANAGEMENT', () => {
    const features = [
      ...allFeatures().filter((f) => f.Name !== 'RUNTIME_MONITORING'),
      { Name: 'EKS_RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: [{ Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' }] },
    ];
    expectPass(rule, detectorTemplate({ Features: features }));
  });

  test('Non-compliant 6: EKS_RUNTIME_MONITORING without agent management', () => {
    const features = [...allFeatures().filter((f) => f.Name !== 'RUNTIME_MONITORING'), { Name: 'EKS_RUNTIME_MONITORING', Status: 'ENABLED' }];
    expectFail(rule, detectorTemplate({ Features: features }), /does not enable EKS_ADDON_MANAGEMENT/);
  });
});
