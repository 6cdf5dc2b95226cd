import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../../policies/rules/lambda/function-url-auth';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const code = lambda.Code.fromInline('exports.handler = async () => {}');

describe('Lambda.FunctionUrlAuth', () => {
  test('Compliant: L2 function URL with IAM auth', () => {
    const { stack } = testStack();
    const f = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code });
    f.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 function URL with auth NONE (URL and its public permission)', () => {
    const { stack } = testStack();
    const f = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code });
    f.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    const failures = expectFail(rule, stack, /AuthType is NONE/);
    expect(failures.map((r) => r.resourceType).sort()).toEqual(['AWS::Lambda::Permission', 'AWS::Lambda::Url']);
  });

  test('Non-compliant 2: L1 URL switched to NONE', () => {
    const { stack } = testStack();
    new lambda.CfnUrl(stack, 'Url', { targetFunctionArn: 'arn:fn', authType: 'NONE' });
    expectFail(rule, stack);
  });

  test('Compliant: hand-written URL with AWS_IAM and an ordinary permission', () => {
    expectPass(rule, template({
      U: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: 'arn:fn', AuthType: 'AWS_IAM' } },
      P: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'fn', Principal: 'sns.amazonaws.com' } },
    }));
  });

  test('Non-compliant 3: fails closed when the auth type cannot be resolved', () => {
    expectFail(rule, template({ U: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: 'arn:fn', AuthType: unknownIf('AWS_IAM', 'NONE') } } }), /could not resolve/);
  });
});
