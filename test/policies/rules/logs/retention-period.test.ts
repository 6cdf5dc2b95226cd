import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SecureLogGroup } from '../../../../constructs/data/secure-log-group';
import rule from '../../../../policies/rules/logs/retention-period';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { logGroup, template, unknown } from './fixtures';

describe('Logs.RetentionPeriod', () => {
  test('Compliant: SecureLogGroup defaults (365 days)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureLogGroup(stack, 'Logs');
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L2 log group kept forever', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.INFINITE });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 log group with 400 days', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs', { retentionInDays: 400 });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with "3653"', () => {
    expectPass(rule, template({ Logs: logGroup({ RetentionInDays: '3653' }) }));
  });

  test('Non-compliant 1: SecureLogGroup with allowShortRetention (an accepted weakening)', () => {
    const { stack } = testStack();
    new SecureLogGroup(stack, 'Logs', { retention: Duration.days(30), allowShortRetention: true });
    expectFail(rule, stack, /after 30 days, fewer than 365/);
  });

  test('Non-compliant 2: L2 log group kept 90 days', () => {
    const { stack } = testStack();
    new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    expectFail(rule, stack, /after 90 days/);
  });

  test('Non-compliant 3: raw L1 log group kept 7 days', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Logs', { retentionInDays: 7 });
    expectFail(rule, stack, /after 7 days/);
  });

  test('Non-compliant 4: hand-written template with 180 days', () => {
    expectFail(rule, template({ Logs: logGroup({ RetentionInDays: 180 }) }), /after 180 days/);
  });

  test('Non-compliant 5: fails closed when the retention cannot be resolved', () => {
    expectFail(rule, template({ Logs: logGroup({ RetentionInDays: unknown(365, 1) }) }), /could not resolve/);
  });

  test('Non-compliant 6: escape hatch that shortens SecureLogGroup\'s retention is caught', () => {
    const { stack } = testStack();
    const group = new SecureLogGroup(stack, 'Logs');
    (group.logGroup.node.defaultChild as logs.CfnLogGroup).addPropertyOverride('RetentionInDays', 14);
    expectFail(rule, stack, /after 14 days/);
  });
});
