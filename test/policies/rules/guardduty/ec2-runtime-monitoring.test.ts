import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/ec2-runtime-monitoring';
import { expectFail } from '../../rule-harness';
import { allFeatures, detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.Ec2RuntimeMonitoring', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.RUNTIME_MONITORING, agent: 'EC2_AGENT_MANAGEMENT' });

  test('Non-compliant 6: Runtime Monitoring on without EC2_AGENT_MANAGEMENT', () => {
    const features = allFeatures().map((f) => (f.Name === 'RUNTIME_MONITORING' ? { Name: f.Name, Status: 'ENABLED' } : f));
    expectFail(rule, detectorTemplate({ Features: features }), /does not enable EC2_AGENT_MANAGEMENT/);
  });
});
