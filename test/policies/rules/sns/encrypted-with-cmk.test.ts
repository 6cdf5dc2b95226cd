import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import rule from '../../../../policies/rules/sns/encrypted-with-cmk';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { KEY, template, topic, unknown } from './fixtures';

describe('SNS.EncryptedWithCmk', () => {
  test('Compliant: SecurityAlerts defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 topic with a customer-managed key', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic', { masterKey: new kms.Key(stack, 'Key') });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 topic naming a key through its alias', () => {
    const { stack } = testStack();
    const key = new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    const alias = new kms.CfnAlias(stack, 'Alias', { aliasName: 'alias/acme/alerts', targetKeyId: key.ref });
    new sns.CfnTopic(stack, 'Topic', { kmsMasterKeyId: alias.ref });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Key: KEY, Topic: topic({ KmsMasterKeyId: { Ref: 'Key' } }) }));
  });

  test('Non-compliant 1: L2 topic without a key', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic');
    expectFail(rule, stack, /not encrypted/);
  });

  test('Non-compliant 2: L2 topic with the AWS-managed key alias/aws/sns', () => {
    const { stack } = testStack();
    new sns.Topic(stack, 'Topic', { masterKey: kms.Alias.fromAliasName(stack, 'Managed', 'alias/aws/sns') });
    expectFail(rule, stack, /alias\/aws\/sns.*EventBridge or CloudWatch/);
  });

  test('Non-compliant 3: raw L1 topic with alias/aws/sns', () => {
    const { stack } = testStack();
    new sns.CfnTopic(stack, 'Topic', { kmsMasterKeyId: 'alias/aws/sns' });
    expectFail(rule, stack, /AWS-managed key/);
  });

  test('Non-compliant 4: hand-written template with an empty key id', () => {
    expectFail(rule, template({ Topic: topic({ KmsMasterKeyId: '' }) }), /not encrypted/);
  });

  test('Non-compliant 5: fails closed when the key cannot be resolved', () => {
    expectFail(rule, template({ Key: KEY, Topic: topic({ KmsMasterKeyId: unknown({ Ref: 'Key' }, 'alias/aws/sns') }) }), /could not resolve/);
  });

  test('Non-compliant 6: escape hatch that switches SecurityAlerts to alias/aws/sns is caught', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    (alerts.topic.node.defaultChild as sns.CfnTopic).addPropertyOverride('KmsMasterKeyId', 'alias/aws/sns');
    expectFail(rule, stack, /alias\/aws\/sns/);
  });

  test('Compliant: escape hatch that adds a key to an unencrypted L2 topic passes', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'Key');
    (new sns.Topic(stack, 'Topic').node.defaultChild as sns.CfnTopic).addPropertyOverride('KmsMasterKeyId', key.keyArn);
    expectPass(rule, stack);
  });
});
