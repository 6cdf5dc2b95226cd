import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../constructs/detection/security-alerts';
import { ThreatDetection, ThreatDetectionProps } from '../../constructs/detection/threat-detection';
import { describeFindings, EXPECTED_PLUGINS, Finding, runConformance, weakAcknowledgments } from '../util/conformance';

// The alert topic the baseline gives ThreatDetection: SecurityAlerts' CMK topic, whose key lets
// EventBridge publish (a plain CMK topic would silently drop every finding: SNS.KeyAdmitsPublishers).
function alertTopic(stack: Stack): sns.ITopic {
  return new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] }).topic;
}

// ThreatDetection is one per account and Region (its keys' aliases are unique there), so each case
// gets its own synth with cdk-nag's four packs and the cfn-guard Control Tower rules.
function check(name: string, props: Partial<ThreatDetectionProps>) {
  return runConformance({
    [name]: (stack) => {
      new ThreatDetection(stack, 'ThreatDetection', { alertTopic: alertTopic(stack), ...props });
    },
  });
}

/** The distinct acknowledgment ids, sorted. */
const ackIds = (findings: Finding[]) => [...new Set(findings.map((f) => f.acknowledgedId))].sort();

const defaults = check('ThreatDetectionDefaults', {});
const withInspector = check('ThreatDetectionWithInspector', { inspector: true });

describe('conformance: ThreatDetection', () => {
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect([...defaults.all.stale, ...withInspector.all.stale]).toEqual([]);
  });

  test('every pack ran', () => {
    expect(defaults.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
    expect(withInspector.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });

  test('with default props it has zero unacknowledged findings', () => {
    expect(describeFindings(defaults.ThreatDetectionDefaults.violations)).toEqual([]);
  });

  test('with the Inspector custom resource it has zero unacknowledged findings', () => {
    expect(describeFindings(withInspector.ThreatDetectionWithInspector.violations)).toEqual([]);
  });

  test('the Lambda findings of the Inspector handler are acknowledged on the function only', () => {
    // GIVEN the findings acknowledged for the Lambda rules (VPC, DLQ, reserved concurrency)
    const lambdaAcks = withInspector.all.acknowledged.filter((f) => /Lambda(InsideVPC|DLQ|Concurrency)|lambda_inside_vpc_check/.test(f.acknowledgedId ?? ''));
    // THEN they all sit on the Inspector handler function, and they are the deploy-time function set
    expect([...new Set(lambdaAcks.map((f) => f.constructPath))]).toEqual(['ThreatDetectionWithInspector/ThreatDetection/Inspector/Handler/Resource']);
    expect(ackIds(lambdaAcks)).toEqual([
      'HIPAA.Security::HIPAA.Security-LambdaConcurrency',
      'HIPAA.Security::HIPAA.Security-LambdaDLQ',
      'HIPAA.Security::HIPAA.Security-LambdaInsideVPC',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaConcurrency',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC',
      'PCI.DSS.321::PCI.DSS.321-LambdaInsideVPC',
      'cdk-validator-cfnguard::lambda_inside_vpc_check',
    ]);
  });

  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments([...defaults.all.acknowledged, ...withInspector.all.acknowledged]))).toEqual([]);
  });
});
