import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SecureLogGroup } from '../../../../constructs/data/secure-log-group';
import rule from '../../../../policies/rules/logs/retain-on-delete';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { logGroup } from './fixtures';

describe('Logs.RetainOnDelete', () => {
  test('Compliant: SecureLogGroup defaults', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureLogGroup(stack, 'Logs');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 log group (RETAIN is the default)', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs');
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 log group with RETAIN', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs').applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with RetainExceptOnCreate', () => {
    expectPass(rule, { Resources: { Logs: logGroup({}, { DeletionPolicy: 'RetainExceptOnCreate' }) } });
  });

  test('Non-compliant 1: L2 log group with DESTROY', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs', { removalPolicy: RemovalPolicy.DESTROY });
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });

  test('Non-compliant 2: raw L1 log group without policies', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs');
    expectFail(rule, stack, /DeletionPolicy absent/);
  });

  test('Non-compliant 3: hand-written template replaced on update', () => {
    expectFail(rule, { Resources: { Logs: logGroup({}, { UpdateReplacePolicy: 'Delete' }) } }, /UpdateReplacePolicy Delete/);
  });

  test('Non-compliant 4: fails closed when the policy cannot be resolved', () => {
    expectFail(rule, { Parameters: { Keep: { Type: 'String' } }, Resources: { Logs: logGroup({}, { DeletionPolicy: { Ref: 'Keep' } }) } }, /could not resolve/);
  });

  test('Non-compliant 5: escape hatch that deletes SecureLogGroup with the stack is caught', () => {
    const { stack } = testStack();
    const group = new SecureLogGroup(stack, 'Logs');
    (group.logGroup.node.defaultChild as logs.CfnLogGroup).addOverride('DeletionPolicy', 'Delete');
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });
});
