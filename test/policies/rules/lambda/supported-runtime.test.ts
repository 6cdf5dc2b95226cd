import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AccountPasswordPolicy } from '../../../../constructs/identity/account-password-policy';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule, { RUNTIME_DEPRECATION } from '../../../../policies/rules/lambda/supported-runtime';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const fn = (props: Record<string, unknown>) => ({ Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:role', Code: { ZipFile: 'x' }, Handler: 'index.handler', ...props } });
const code = lambda.Code.fromInline('exports.handler = async () => {}');

describe('Lambda.SupportedRuntime', () => {
  test('Compliant: L2 function on Node.js 24', () => {
    const { stack } = testStack();
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 function on Node.js 16', () => {
    const { stack } = testStack();
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code });
    expectFail(rule, stack, /nodejs16\.x was deprecated on 2024-06-12/);
  });

  test('Compliant: L1 function on Python 3.13, and a container image function (not judged)', () => {
    const { stack } = testStack();
    new lambda.CfnFunction(stack, 'Py', { role: 'arn:role', code: { zipFile: 'x' }, handler: 'index.handler', runtime: 'python3.13' });
    new lambda.CfnFunction(stack, 'Image', { role: 'arn:role', code: { imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/x:1' }, packageType: 'Image' });
    expect(judge(rule, stack).map((r) => r.status).sort()).toEqual(['not-applicable', 'pass']);
  });

  test('Non-compliant 2: L1 function downgraded to Python 3.8', () => {
    const { stack } = testStack();
    new lambda.CfnFunction(stack, 'Py', { role: 'arn:role', code: { zipFile: 'x' }, handler: 'index.handler', runtime: 'python3.8' });
    expectFail(rule, stack, /python3\.8 was deprecated/);
  });

  test('Compliant: hand-written function on Java 21', () => {
    expectPass(rule, template({ F: fn({ Runtime: 'java21' }) }));
  });

  test('Non-compliant 3: hand-written function on go1.x, and one on a runtime the rule does not know (fails closed)', () => {
    expectFail(rule, template({ F: fn({ Runtime: 'go1.x' }) }), /deprecated/);
    expectFail(rule, template({ F: fn({ Runtime: 'cobol1.x' }) }), /could not resolve.*not in this rule's runtime list/);
  });

  test('Non-compliant 4: fails closed when the runtime cannot be resolved', () => {
    expectFail(rule, template({ F: fn({ Runtime: unknownIf('nodejs24.x', 'nodejs16.x') }) }), /could not resolve/);
  });

  test('the deprecation list holds ISO dates only', () => {
    for (const date of Object.values(RUNTIME_DEPRECATION)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('Compliant: AccountPasswordPolicy\'s handler and SegmentedVpc\'s default-SG provider', () => {
    const { stack } = testStack();
    new AccountPasswordPolicy(stack, 'Passwords');
    new SegmentedVpc(stack, 'Net');
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch downgrading AccountPasswordPolicy\'s handler is caught', () => {
    const { stack } = testStack();
    const p = new AccountPasswordPolicy(stack, 'Passwords');
    (p.handler.node.defaultChild as lambda.CfnFunction).addPropertyOverride('Runtime', 'nodejs18.x');
    expectFail(rule, stack, /nodejs18\.x was deprecated/);
  });

  test('Compliant: an escape hatch upgrading an old L2 function passes', () => {
    const { stack } = testStack();
    const f = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code });
    (f.node.defaultChild as lambda.CfnFunction).addPropertyOverride('Runtime', 'nodejs24.x');
    expectPass(rule, stack);
  });
});
