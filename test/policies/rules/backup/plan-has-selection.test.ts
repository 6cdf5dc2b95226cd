import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupPlan } from '../../../../constructs/data/secure-backup-plan';
import rule from '../../../../policies/rules/backup/plan-has-selection';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Plan, planTemplate, table } from './fixtures';

describe('Backup.PlanHasSelection', () => {
  test('Compliant: SecureBackupPlan protecting a table', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups').protect(table(stack));
    expectPass(rule, stack);
  });

  test('Compliant: SecureBackupPlan selecting by tag', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups', { selectionTags: [{ key: 'backup', value: 'daily' }] });
    expectPass(rule, stack);
  });

  test('Compliant: L2 plan with addSelection', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 plan and selection', () => {
    const { stack } = testStack();
    const plan = new backup.CfnBackupPlan(stack, 'Plan', { backupPlan: { backupPlanName: 'p', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'v' }] } });
    new backup.CfnBackupSelection(stack, 'Sel', {
      backupPlanId: plan.attrBackupPlanId,
      backupSelection: { selectionName: 's', iamRoleArn: 'arn:aws:iam::111122223333:role/b', listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'yes' }] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, planTemplate());
  });

  test('Non-compliant 1: L2 plan without a selection', () => {
    const { stack } = testStack();
    new backup.BackupPlan(stack, 'Plan', { backupVault: new backup.BackupVault(stack, 'Vault'), backupPlanRules: [backup.BackupPlanRule.daily()] });
    expectFail(rule, stack, /backs up nothing/);
  });

  test('Non-compliant 2: escape hatch empties the selection of SecureBackupPlan', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Backups');
    plan.protect(table(stack));
    const selection = plan.node.findChild('ProtectedResources') as backup.CfnBackupSelection;
    selection.addPropertyOverride('BackupSelection.Resources', []);
    expectFail(rule, stack, /selects no resource/);
  });

  test('Non-compliant 3: raw L1 selection of another plan', () => {
    const { stack } = testStack();
    new backup.CfnBackupPlan(stack, 'Plan', { backupPlan: { backupPlanName: 'p', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'v' }] } });
    const other = new backup.CfnBackupPlan(stack, 'Other', { backupPlan: { backupPlanName: 'o', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'v' }] } });
    new backup.CfnBackupSelection(stack, 'Sel', { backupPlanId: other.ref, backupSelection: { selectionName: 's', iamRoleArn: 'arn:aws:iam::111122223333:role/b', resources: ['*'] } });
    expectFail(rule, stack, /backs up nothing/);
  });

  test('Non-compliant 4: hand-written template whose selection lists no resources', () => {
    const template = planTemplate();
    template.Resources.Selection.Properties.BackupSelection.Resources = [];
    expectFail(rule, template, /selects no resource/);
  });

  test('Non-compliant 5: fails closed when the selection plan id cannot be resolved', () => {
    const template = planTemplate();
    template.Resources.Selection.Properties.BackupPlanId = { Ref: 'PlanId' };
    expectFail(rule, { Parameters: { PlanId: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
