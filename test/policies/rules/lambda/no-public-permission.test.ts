import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../../policies/rules/lambda/no-public-permission';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const code = lambda.Code.fromInline('exports.handler = async () => {}');
const permission = (props: Record<string, unknown>) => ({ Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'fn', ...props } });

describe('Lambda.NoPublicPermission', () => {
  test('Compliant: L2 permission for a service with a source ARN', () => {
    const { stack } = testStack();
    const f = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code });
    f.addPermission('Events', { principal: new iam.ServicePrincipal('events.amazonaws.com'), sourceArn: 'arn:aws-cn:events:cn-north-1:111122223333:rule/x' });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 permission for anyone', () => {
    const { stack } = testStack();
    const f = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code });
    f.addPermission('Anyone', { principal: new iam.AnyPrincipal() });
    expectFail(rule, stack, /lets anyone invoke/);
  });

  test('Compliant: L1 permission for anyone in one account', () => {
    const { stack } = testStack();
    new lambda.CfnPermission(stack, 'P', { action: 'lambda:InvokeFunction', functionName: 'fn', principal: '*', sourceAccount: '111122223333' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 permission for S3 without SourceAccount', () => {
    const { stack } = testStack();
    new lambda.CfnPermission(stack, 'P', { action: 'lambda:InvokeFunction', functionName: 'fn', principal: 's3.amazonaws.com', sourceArn: 'arn:aws-cn:s3:::bucket' });
    expectFail(rule, stack, /without SourceAccount/);
  });

  test('Compliant: hand-written permission for an organization', () => {
    expectPass(rule, template({ P: permission({ Principal: '*', PrincipalOrgID: 'o-a1b2c3d4e5' }) }));
  });

  test('Non-compliant 3: hand-written permission whose source account was removed with AWS::NoValue', () => {
    expectFail(rule, template({ P: permission({ Principal: '*', SourceAccount: { Ref: 'AWS::NoValue' } }) }), /lets anyone invoke/);
  });

  test('Non-compliant 4: fails closed when the principal cannot be resolved', () => {
    expectFail(rule, template({ P: permission({ Principal: unknownIf('*', 'sns.amazonaws.com') }) }), /could not resolve/);
  });
});
