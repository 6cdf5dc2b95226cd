import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/no-public-key-policy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { ROOT_STATEMENT, keyWith, template, unknown } from './fixtures';

const openUse = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*', ...extra });

describe('KMS.NoPublicKeyPolicy', () => {
  test('is non-waivable', () => {
    expect(rule.nonWaivable).toBe(true);
  });

  test('Compliant: DataKey defaults (its "*" statement is a Deny)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with default policy', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key with "*" narrowed by kms:CallerAccount', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', {
      keyPolicy: { Statement: [openUse({ Condition: { StringEquals: { 'kms:CallerAccount': stack.account, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } })] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template narrowed by aws:PrincipalOrgID', () => {
    expectPass(rule, template({ Key: keyWith([openUse({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } } })]) }));
  });

  test('Non-compliant 1: L2 key granting use to AnyPrincipal', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key').addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt'], resources: ['*'] }));
    expectFail(rule, stack, /allows any principal/);
  });

  test('Non-compliant 2: raw L1 key narrowed only by kms:ViaService (any account can call through the service)', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [ROOT_STATEMENT, openUse({ Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } })] } });
    expectFail(rule, stack, /without a condition that ties it/);
  });

  test('Non-compliant 3: hand-written template narrowed by an IfExists condition', () => {
    expectFail(rule, template({ Key: keyWith([openUse({ Condition: { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } })]) }), /allows any principal/);
  });

  test('Non-compliant 4: hand-written template without a key policy', () => {
    expectFail(rule, template({ Key: { Type: 'AWS::KMS::Key', Properties: {} } }), /no key policy/);
  });

  test('Non-compliant 5: fails closed when the condition cannot be resolved', () => {
    expectFail(rule, template({ Key: keyWith([openUse({ Condition: { StringEquals: { 'aws:PrincipalAccount': unknown('111122223333', '*') } } })]) }), /could not resolve/);
  });

  test('Non-compliant 6: escape hatch that turns the DataKey deny into an allow is caught', () => {
    const { stack } = testStack();
    const dataKey = new DataKey(stack, 'Key', { dataClass: 'data' });
    dataKey.cfnKey.addPropertyOverride('KeyPolicy.Statement.1.Effect', 'Allow');
    dataKey.cfnKey.addPropertyDeletionOverride('KeyPolicy.Statement.1.Condition');
    expectFail(rule, stack, /DenyGrantsExceptForAwsResources/);
  });
});
