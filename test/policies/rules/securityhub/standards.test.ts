import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityHubStandard, ThreatDetection } from '../../../../constructs/detection/threat-detection';
import rule from '../../../../policies/rules/securityhub/standards';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, withUnknownCondition } from '../account/baseline-fixture';

const arn = (path: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:securityhub:\${AWS::Region}::${path}` });
const handWritten = (...paths: unknown[]) => ({
  Resources: Object.fromEntries(paths.map((p, i) => [`Standard${i}`, { Type: 'AWS::SecurityHub::Standard', Properties: { StandardsArn: typeof p === 'string' ? arn(p) : p } }])),
});

describe('SecurityHub.Standards', () => {
  test('Compliant: the account baseline built from our constructs (four standards)', () => {
    const results = expectPass(rule, baselineTemplate());
    expect(results.map((r) => r.message)).toEqual([
      expect.stringMatching(/subscribes AWS Foundational Security Best Practices v1.0.0/),
      expect.stringMatching(/subscribes CIS AWS Foundations Benchmark v3.0.0/),
    ]);
  });

  test('Compliant: raw L1 CfnStandard subscriptions', () => {
    const { stack } = testStack();
    new securityhub.CfnStandard(stack, 'Fsbp', { standardsArn: `arn:${stack.partition}:securityhub:${stack.region}::standards/aws-foundational-security-best-practices/v/1.0.0` });
    new securityhub.CfnStandard(stack, 'Cis', { standardsArn: `arn:${stack.partition}:securityhub:${stack.region}::standards/cis-aws-foundations-benchmark/v/5.0.0` });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten('standards/aws-foundational-security-best-practices/v/1.0.0', 'standards/cis-aws-foundations-benchmark/v/3.0.0'));
  });

  test('Non-compliant 1: the CIS standard removed from the baseline fails against the stack', () => {
    const template = baselineTemplate();
    for (const id of idsOfType(template, 'AWS::SecurityHub::Standard')) {
      if (JSON.stringify(template.Resources[id].Properties.StandardsArn).includes('cis-aws')) delete template.Resources[id];
    }
    const failures = expectFail(rule, template, /does not subscribe to CIS AWS Foundations Benchmark/);
    expect(failures.map((f) => f.logicalId)).toEqual([null]);
  });

  test('Non-compliant 2: an old CIS version fails naming the standard', () => {
    const [failure] = expectFail(rule, handWritten('standards/aws-foundational-security-best-practices/v/1.0.0', 'ruleset/cis-aws-foundations-benchmark/v/1.2.0'), /v1.2.0, older than v3.0.0/);
    expect(failure.logicalId).toBe('Standard1');
  });

  test('Non-compliant 3: ThreatDetection with only NIST; escape hatch that swaps CIS for CIS 1.4 is caught', () => {
    const { stack } = testStack();
    new ThreatDetection(stack, 'Detection', { alertTopic: new sns.Topic(stack, 'Topic'), guardDuty: false, configRecorder: false, securityHubStandards: [SecurityHubStandard.NIST_800_53_R5] });
    expectFail(rule, stack, /does not subscribe to AWS Foundational/);
    const other = testStack().stack;
    const detection = new ThreatDetection(other, 'Detection', { alertTopic: new sns.Topic(other, 'Topic'), guardDuty: false, configRecorder: false });
    detection.standards[1].addPropertyOverride('StandardsArn', `arn:${other.partition}:securityhub:${other.region}::standards/cis-aws-foundations-benchmark/v/1.4.0`);
    expectFail(rule, other, /v1.4.0, older than v3.0.0/);
  });

  test('Non-compliant 4: L1 with no standards at all', () => {
    const { stack } = testStack();
    new securityhub.CfnHub(stack, 'Hub');
    expect(expectFail(rule, stack)).toHaveLength(2);
  });

  test('Non-compliant 5: fails closed when a StandardsArn is unresolvable', () => {
    const template = withUnknownCondition(handWritten('standards/aws-foundational-security-best-practices/v/1.0.0', { 'Fn::If': ['Unknown', 'a', 'b'] }));
    expectFail(rule, template, /could not resolve the StandardsArn of Standard1/);
  });
});
