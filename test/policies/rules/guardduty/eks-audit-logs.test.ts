import { GuardDutyFeature } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/guardduty/eks-audit-logs';
import { expectFail, expectPass } from '../../rule-harness';
import { detectorTemplate, protectionPlanCases } from './plan-suite';

describe('GuardDuty.EksAuditLogs', () => {
  protectionPlanCases({ rule, feature: GuardDutyFeature.EKS_AUDIT_LOGS });

  test('Compliant: hand-written detector with the deprecated DataSources form', () => {
    expectPass(rule, detectorTemplate({ DataSources: { Kubernetes: { AuditLogs: { Enable: true } } } }));
  });

  test('Non-compliant 6: hand-written detector with the deprecated DataSources form off', () => {
    expectFail(rule, detectorTemplate({ DataSources: { Kubernetes: { AuditLogs: { Enable: false } } } }), /DataSources.Kubernetes.AuditLogs.Enable is false/);
  });
});
