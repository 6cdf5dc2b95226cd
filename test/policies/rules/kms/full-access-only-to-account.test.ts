import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/full-access-only-to-account';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { ROOT, key, keyWith, template, unknown } from './fixtures';

describe('KMS.FullAccessOnlyToAccount', () => {
  test('Compliant: DataKey defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with its default policy (kms:* to the account root)', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key naming the stack\'s own account id', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with ${AWS::AccountId} root and a role with use only', () => {
    const use = { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }, Action: ['kms:Decrypt'], Resource: '*' };
    expectPass(rule, template({ Role: { Type: 'AWS::IAM::Role', Properties: {} }, Key: keyWith([use]) }));
  });

  test('Non-compliant 1: L2 key granting kms:* to a role in the key policy', () => {
    const { stack } = testStack();
    const role = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    new kms.Key(stack, 'Key').addToResourcePolicy(new iam.PolicyStatement({ principals: [role], actions: ['kms:*'], resources: ['*'] }));
    expectFail(rule, stack, /grants kms:\* to AWS/);
  });

  test('Non-compliant 2: DataKey with extra administrators (they receive kms:PutKeyPolicy)', () => {
    const { stack } = testStack();
    const role = new iam.Role(stack, 'KeyAdmin', { assumedBy: new iam.AccountRootPrincipal() });
    new DataKey(stack, 'Key', { dataClass: 'data', administrators: [role] });
    expectFail(rule, stack, /AccountAdministersKeyButCannotUseIt.*not only the account/);
  });

  test('Non-compliant 3: raw L1 key granting kms:Put* to a service', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'kms:Put*', Resource: '*' }] } });
    expectFail(rule, stack, /kms:Put\* to Service/);
  });

  test('Non-compliant 4: hand-written template with NotAction leaving PutKeyPolicy to a role', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/Ops' }, NotAction: 'kms:ScheduleKeyDeletion', Resource: '*' };
    expectFail(rule, { Resources: { Key: keyWith([statement]) } }, /everything but/);
  });

  test('Non-compliant 5: hand-written template granting kms:* to "*" with an account condition', () => {
    const statement = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } };
    expectFail(rule, { Resources: { Key: key({ KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: ROOT, Action: 'kms:*', Resource: '*' }, statement] } }) } }, /grants \* to \*/);
  });

  test('Non-compliant 6: fails closed when a literal account cannot be compared with the unknown stack account', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' };
    expectFail(rule, { Resources: { Key: key({ KeyPolicy: { Statement: [statement] } }) } }, /could not resolve.*stack's account is unknown/);
  });

  test('Non-compliant 7: fails closed when the principal cannot be resolved', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: unknown('arn:aws:iam::111122223333:root', '*') }, Action: 'kms:*', Resource: '*' };
    expectFail(rule, template({ Key: key({ KeyPolicy: { Statement: [statement] } }) }), /could not resolve/);
  });
});
