import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/ecs-runtime-monitoring';
import { expectFail } from '../../rule-harness';
import { allFeatures, detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.EcsRuntimeMonitoring', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.RUNTIME_MONITORING, agent: 'ECS_FARGATE_AGENT_MANAGEMENT' });

  test('Non-compliant 6: Runtime Monitoring on without ECS_FARGATE_AGENT_MANAGEMENT', () => {
    const features = allFeatures().map((f) => (f.Name === 'RUNTIME_MONITORING' ? { Name: f.Name, Status: 'ENABLED' } : f));
    expectFail(rule, detectorTemplate({ Features: features }), /does not enable ECS_FARGATE_AGENT_MANAGEMENT/);
  });
});
