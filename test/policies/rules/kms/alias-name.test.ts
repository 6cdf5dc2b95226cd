import * as kms from 'aws-cdk-lib/aws-kms';
import { DataKey } from '../../../../constructs/data/data-key';
import rule from '../../../../policies/rules/kms/alias-name';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { key, template, unknown } from './fixtures';

const alias = (name: unknown) => ({ Type: 'AWS::KMS::Alias', Properties: { AliasName: name, TargetKeyId: { Ref: 'Key' } } });

describe('KMS.AliasName', () => {
  test('Compliant: DataKey defaults (alias/baseline/<dataClass>)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'data' });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 alias', () => {
    const { stack } = testStack();
    new kms.Key(stack, 'Key', { alias: 'acme/data' });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 alias', () => {
    const { stack } = testStack();
    const k = new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    new kms.CfnAlias(stack, 'Alias', { aliasName: 'alias/acme/logs', targetKeyId: k.ref });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a name built by Fn::Sub', () => {
    expectPass(rule, template({ Key: key(), Alias: alias({ 'Fn::Sub': 'alias/${AWS::StackName}/data' }) }));
  });

  test('Non-compliant 1: escape hatch that renames an L2 alias into alias/aws/ is caught', () => {
    const { stack } = testStack();
    const a = new kms.Alias(stack, 'Alias', { aliasName: 'alias/acme/data', targetKey: new kms.Key(stack, 'Key') });
    (a.node.defaultChild as kms.CfnAlias).addPropertyOverride('AliasName', 'alias/aws/data');
    expectFail(rule, stack, /reserves for AWS-managed keys/);
  });

  test('Non-compliant 2: raw L1 alias without the alias/ prefix', () => {
    const { stack } = testStack();
    const k = new kms.CfnKey(stack, 'Key', { keyPolicy: {} });
    new kms.CfnAlias(stack, 'Alias', { aliasName: 'acme/logs', targetKeyId: k.ref });
    expectFail(rule, stack, /does not start with alias\//);
  });

  test('Non-compliant 3: hand-written template using alias/aws/', () => {
    expectFail(rule, template({ Key: key(), Alias: alias('alias/aws/s3') }), /alias\/aws\//);
  });

  test('Non-compliant 4: fails closed when the name cannot be resolved', () => {
    expectFail(rule, template({ Key: key(), Alias: alias(unknown('alias/acme/a', 'alias/aws/a')) }), /could not resolve/);
  });
});
