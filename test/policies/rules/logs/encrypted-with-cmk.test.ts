import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SecureLogGroup } from '../../../../constructs/data/secure-log-group';
import rule from '../../../../policies/rules/logs/encrypted-with-cmk';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { KEY, logGroup, template, unknown } from './fixtures';

describe('Logs.EncryptedWithCmk', () => {
  test('Compliant: SecureLogGroup defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureLogGroup(stack, 'Logs');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 log group with an encryption key', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs', { encryptionKey: new kms.Key(stack, 'Key') });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 log group naming a key ARN defined elsewhere', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs', { kmsKeyId: stack.formatArn({ service: 'kms', resource: 'key', resourceName: '1234abcd-12ab-34cd-56ef-1234567890ab' }) });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Key: KEY, Logs: logGroup({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }) }));
  });

  test('Non-compliant 1: L2 log group without a key', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs');
    expectFail(rule, stack, /no KmsKeyId/);
  });

  test('Non-compliant 2: raw L1 log group naming an AWS-managed alias', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs', { kmsKeyId: stack.formatArn({ service: 'kms', resource: 'alias', resourceName: 'aws/logs' }) });
    expectFail(rule, stack, /AWS-managed key/);
  });

  test('Non-compliant 3: hand-written template whose key is removed', () => {
    expectFail(rule, template({ Logs: logGroup({ KmsKeyId: { Ref: 'AWS::NoValue' } }) }), /no KmsKeyId/);
  });

  test('Non-compliant 4: fails closed when the key cannot be resolved', () => {
    expectFail(rule, template({ Key: KEY, Logs: logGroup({ KmsKeyId: unknown({ 'Fn::GetAtt': ['Key', 'Arn'] }, { Ref: 'AWS::NoValue' }) }) }), /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that removes SecureLogGroup\'s key is caught', () => {
    const { stack } = testStack();
    const group = new SecureLogGroup(stack, 'Logs');
    (group.logGroup.node.defaultChild as logs.CfnLogGroup).addPropertyDeletionOverride('KmsKeyId');
    expectFail(rule, stack, /no KmsKeyId/);
  });

  test('Compliant: escape hatch that adds a key to an L2 log group passes', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'Key');
    (new logs.LogGroup(stack, 'Logs').node.defaultChild as logs.CfnLogGroup).addPropertyOverride('KmsKeyId', key.keyArn);
    expectPass(rule, stack);
  });
});
