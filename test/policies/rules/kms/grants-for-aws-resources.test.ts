import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/grants-for-aws-resources';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { keyWith, template, unknown } from './fixtures';

const denyGrants = (block: Record<string, unknown> = { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' }, extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:CreateGrant', Resource: '*', Condition: { BoolIfExists: block }, ...extra,
});

describe('KMS.GrantsOnlyForAwsResources', () => {
  test('Compliant: DataKey defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with the deny statement', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key').addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['kms:CreateGrant'], resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false' } },
    }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [denyGrants()] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a boolean value', () => {
    expectPass(rule, template({ Key: keyWith([denyGrants({ 'kms:GrantIsForAWSResource': false })]) }));
  });

  test('Non-compliant 1: L2 key with its default policy', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key');
    expectFail(rule, stack, /no key policy statement denies kms:CreateGrant/);
  });

  test('Non-compliant 2: raw L1 key whose deny is narrowed to one account (weakened)', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [{ ...denyGrants(), Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false' }, StringEquals: { 'aws:PrincipalAccount': '444455556666' } } }] } });
    expectFail(rule, stack, /no key policy statement denies/);
  });

  test('Non-compliant 3: hand-written template denying only grants that are for AWS resources', () => {
    expectFail(rule, template({ Key: keyWith([denyGrants({ 'kms:GrantIsForAWSResource': 'true' })]) }), /no key policy statement denies/);
  });

  test('Non-compliant 4: fails closed when the deny\'s condition cannot be resolved', () => {
    expectFail(rule, template({ Key: keyWith([denyGrants(undefined, { Condition: unknown({ BoolIfExists: { 'kms:GrantIsForAWSResource': 'false' } }, {}) })]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that flips the DataKey condition is caught', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'data' }).cfnKey.addPropertyOverride('KeyPolicy.Statement.1.Condition.BoolIfExists.kms:GrantIsForAWSResource', 'true');
    expectFail(rule, stack, /no key policy statement denies/);
  });
});
