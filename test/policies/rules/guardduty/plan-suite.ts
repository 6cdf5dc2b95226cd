// The cases every GuardDuty protection-plan rule must pass: each plan rule reads the same detector
// shape, only its feature (and agent-management entry) differs.
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as sns from 'aws-cdk-lib/aws-sns';
import { GuardDutyFeature, ThreatDetection } from '../../../../constructs/detection/threat-detection';
import { ResourceRule } from '../../../../lib/engine';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

const ALL_AGENTS = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];

/** Every feature on, as ThreatDetection writes them. */
export function allFeatures(): any[] {
  return [
    { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
    { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
    { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
    { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
    { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
    { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: ALL_AGENTS.map((Name) => ({ Name, Status: 'ENABLED' })) },
  ];
}

/** A hand-written template with one detector. */
export function detectorTemplate(properties: Record<string, unknown>): Record<string, unknown> {
  return { Resources: { Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true, ...properties } } } };
}

export interface PlanCase {
  readonly rule: ResourceRule;
  /** The feature the plan reads (as ThreatDetection names it). */
  readonly feature: GuardDutyFeature;
  /** The agent-management entry the plan needs, if any. */
  readonly agent?: string;
}

/** The shared Compliant / Non-compliant cases of a protection-plan rule. */
export function protectionPlanCases({ rule, feature, agent }: PlanCase): void {
  const without = (name: string) => allFeatures().filter((f) => f.Name !== name);

  test('Compliant: ThreatDetection with default props (our construct)', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnDetector with every feature', () => {
    const { stack } = testStack();
    new guardduty.CfnDetector(stack, 'Detector', {
      enable: true,
      features: allFeatures().map((f) => ({
        name: f.Name,
        status: f.Status,
        additionalConfiguration: f.AdditionalConfiguration?.map((c: any) => ({ name: c.Name, status: c.Status })),
      })),
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, detectorTemplate({ Features: allFeatures() }));
  });

  test('Non-compliant 1: ThreatDetection with the plan in disabledGuardDutyFeatures', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', {
      alertTopic: new sns.Topic(stack, 'Topic'),
      configRecorder: false,
      exportFindings: false,
      disabledGuardDutyFeatures: [feature],
    });
    const failures = expectFail(rule, stack, new RegExp(`feature ${feature} is DISABLED`));
    expect(failures[0].location).toMatch(/^Properties\/Features\/\d+\/Status$/);
  });

  test('Non-compliant 2: escape hatch that sets the feature to DISABLED is caught', () => {
    const { stack } = testStack();
    const detection = new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), configRecorder: false, exportFindings: false });
    const index = Object.values(GuardDutyFeature).indexOf(feature);
    detection.detector!.addPropertyOverride(`Features.${index}.Status`, 'DISABLED');
    expectFail(rule, stack, /is off/);
  });

  test('Non-compliant 3: raw L1 CfnDetector without the feature', () => {
    const { stack } = testStack();
    new guardduty.CfnDetector(stack, 'Detector', {
      enable: true,
      features: without(feature).map((f) => ({ name: f.Name, status: f.Status })),
    });
    expectFail(rule, stack, /is not configured/);
  });

  if (agent) {
    test(`Non-compliant 4: hand-written template with ${agent} DISABLED`, () => {
      const features = allFeatures();
      const runtime = features.find((f) => f.Name === 'RUNTIME_MONITORING');
      runtime.AdditionalConfiguration = runtime.AdditionalConfiguration.map((c: any) => (c.Name === agent ? { ...c, Status: 'DISABLED' } : c));
      expectFail(rule, detectorTemplate({ Features: features }), new RegExp(`${agent} of feature RUNTIME_MONITORING is DISABLED`));
    });
  } else {
    test('Non-compliant 4: hand-written template with the feature DISABLED', () => {
      const features = allFeatures().map((f) => (f.Name === feature ? { ...f, Status: 'DISABLED' } : f));
      expectFail(rule, detectorTemplate({ Features: features }), new RegExp(`feature ${feature} is DISABLED`));
    });
  }

  test('Non-compliant 5: fails closed when the feature status is unresolvable', () => {
    const features = allFeatures().map((f) => (f.Name === feature ? { ...f, Status: { 'Fn::If': ['Unknown', 'ENABLED', 'DISABLED'] } } : f));
    expectFail(rule, {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { Unknown: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      ...detectorTemplate({ Features: features }),
    }, /could not resolve/);
  });
}
