import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import { SecureLogGroup } from '../../../../constructs/data/secure-log-group';
import rule from '../../../../policies/rules/kms/service-principal-scoped';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { keyWith, template, unknown } from './fixtures';

const serviceUse = (service: string, condition?: unknown) => ({
  Effect: 'Allow', Principal: { Service: service }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', ...(condition ? { Condition: condition } : {}),
});

describe('KMS.ServicePrincipalScoped', () => {
  test('Compliant: DataKey with allowServiceUse, and SecureLogGroup\'s encryption-context statement', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' }).allowServiceUse({ service: 'events.amazonaws.com' });
    new SecureLogGroup(stack, 'Logs');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 key with a service statement scoped by aws:SourceArn', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key').addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['kms:GenerateDataKey*'], resources: ['*'],
      conditions: { StringLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: '*' }) } },
    }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 key scoped by kms:ViaService', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [serviceUse('sns.amazonaws.com', { StringEquals: { 'kms:ViaService': 'sns.eu-west-1.amazonaws.com' } })] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template scoped by aws:SourceAccount', () => {
    expectPass(rule, template({ Key: keyWith([serviceUse('events.amazonaws.com', { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } })]) }));
  });

  test('Non-compliant 1: L2 key granting a service principal without a condition', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key').grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
    expectFail(rule, stack, /events.amazonaws.com without aws:SourceAccount/);
  });

  test('Non-compliant 2: raw L1 key scoped by an IfExists condition only', () => {
    const { stack } = testStack();
    new kms.CfnKey(stack, 'Key', { keyPolicy: { Statement: [serviceUse('sns.amazonaws.com', { StringEqualsIfExists: { 'aws:SourceAccount': stack.account } })] } });
    expectFail(rule, stack, /confused deputy/);
  });

  test('Non-compliant 3: hand-written template with a wildcard source ARN', () => {
    expectFail(rule, template({ Key: keyWith([serviceUse('cloudwatch.amazonaws.com', { ArnLike: { 'aws:SourceArn': '*' } })]) }), /cloudwatch.amazonaws.com/);
  });

  test('Non-compliant 4: fails closed when the condition cannot be resolved', () => {
    expectFail(rule, template({ Key: keyWith([serviceUse('cloudwatch.amazonaws.com', unknown({ StringEquals: { 'aws:SourceAccount': '111122223333' } }, {}))]) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that drops the condition of a DataKey service statement is caught', () => {
    const { stack } = testStack();
    const dataKey = new DataKey(stack, 'Key', { dataClass: 'data' });
    dataKey.allowServiceUse({ service: 'events.amazonaws.com' });
    dataKey.cfnKey.addPropertyDeletionOverride('KeyPolicy.Statement.2.Condition');
    expectFail(rule, stack, /events.amazonaws.com/);
  });

  test('Compliant: EventBridge may use the key of an encrypted topic without source conditions (SNS requires it)', () => {
    const statement = { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' };
    expectPass(rule, { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [statement] } } } } });
  });

  test('Non-compliant: an unconditioned EventBridge statement beyond the data-key actions', () => {
    const statement = { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'kms:*', Resource: '*' };
    expectFail(rule, { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [statement] } } } } }, /events.amazonaws.com/);
  });
});
