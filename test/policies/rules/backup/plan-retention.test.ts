import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupPlan } from '../../../../constructs/data/secure-backup-plan';
import rule from '../../../../policies/rules/backup/plan-retention';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Plan, planRule, planTemplate, table } from './fixtures';

describe('Backup.PlanRetention', () => {
  test('Compliant: SecureBackupPlan with default props', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups').protect(table(stack));
    expectPass(rule, stack);
  });

  test('Compliant: L2 plan keeping 35 days', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 plan keeping 400 days with cold storage after 30', () => {
    const { stack } = testStack();
    new backup.CfnBackupPlan(stack, 'Plan', {
      backupPlan: { backupPlanName: 'p', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'vault', lifecycle: { deleteAfterDays: 400, moveToColdStorageAfterDays: 30 } }] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template within the vault lock', () => {
    expectPass(rule, planTemplate([planRule({ Lifecycle: { DeleteAfterDays: '60' } })], { LockConfiguration: { MinRetentionDays: 60, MaxRetentionDays: 90 } }));
  });

  test('Non-compliant 1: L2 plan rule without deleteAfter keeps recovery points forever', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'), { deleteAfter: undefined });
    expectFail(rule, stack, /kept forever/);
  });

  test('Non-compliant 2: L2 plan keeping 14 days', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'), { deleteAfter: Duration.days(14) });
    expectFail(rule, stack, /14 days, below 35 days/);
  });

  test('Non-compliant 3: escape hatch shortens the retention of SecureBackupPlan below its vault lock', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Backups');
    plan.protect(table(stack));
    (plan.backupPlan.node.defaultChild as backup.CfnBackupPlan).addPropertyOverride('BackupPlan.BackupPlanRule.0.Lifecycle.DeleteAfterDays', 30);
    expectFail(rule, stack, /below the 35-day minimum of vault .*AWS Backup fails every job/);
  });

  test('Non-compliant 4: raw L1 plan whose cold storage is too short', () => {
    const { stack } = testStack();
    new backup.CfnBackupPlan(stack, 'Plan', {
      backupPlan: { backupPlanName: 'p', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'vault', lifecycle: { deleteAfterDays: 100, moveToColdStorageAfterDays: 30 } }] },
    });
    expectFail(rule, stack, /cold storage needs at least 90 days/);
  });

  test('Non-compliant 5: hand-written template above the vault lock maximum', () => {
    expectFail(rule, planTemplate([planRule({ Lifecycle: { DeleteAfterDays: 400 } })], { LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 365 } }), /above the 365-day maximum/);
  });

  test('Non-compliant 6: fails closed when the retention is a parameter without default', () => {
    const template = planTemplate([planRule({ Lifecycle: { DeleteAfterDays: { Ref: 'Days' } } })]);
    expectFail(rule, { Parameters: { Days: { Type: 'Number' } }, ...template }, /could not resolve/);
  });
});
