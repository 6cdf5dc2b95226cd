import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupPlan } from '../../../../constructs/data/secure-backup-plan';
import { ResultStatus } from '../../../../lib/engine';
import rule from '../../../../policies/rules/backup/restore-testing';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { l2Plan, planTemplate, table } from './fixtures';

const testPlan = (includeVaults: unknown[] = [{ 'Fn::GetAtt': ['Vault', 'BackupVaultArn'] }]) => ({
  Type: 'AWS::Backup::RestoreTestingPlan',
  Properties: { RestoreTestingPlanName: 'tests', ScheduleExpression: 'cron(0 6 ? * MON *)', RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: includeVaults, RecoveryPointTypes: ['SNAPSHOT'] } },
});
const testSelection = (planName: unknown = { Ref: 'Tests' }) => ({
  Type: 'AWS::Backup::RestoreTestingSelection',
  Properties: { RestoreTestingPlanName: planName, RestoreTestingSelectionName: 'ddb', ProtectedResourceType: 'DynamoDB', IamRoleArn: 'arn:aws:iam::111122223333:role/r', ProtectedResourceArns: ['*'] },
});

describe('Backup.RestoreTesting', () => {
  test('Compliant: SecureBackupPlan with default props', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups').protect(table(stack));
    expectPass(rule, stack);
  });

  test('Compliant: L2 plan with a raw L1 restore testing plan over every vault', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    const tp = new backup.CfnRestoreTestingPlan(stack, 'Tests', {
      restoreTestingPlanName: 'tests',
      scheduleExpression: 'cron(0 6 ? * MON *)',
      recoveryPointSelection: { algorithm: 'LATEST_WITHIN_WINDOW', includeVaults: ['*'], recoveryPointTypes: ['SNAPSHOT'] },
    });
    new backup.CfnRestoreTestingSelection(stack, 'Sel', {
      restoreTestingPlanName: tp.ref, restoreTestingSelectionName: 'ddb', protectedResourceType: 'DynamoDB', iamRoleArn: 'arn:aws:iam::111122223333:role/r', protectedResourceArns: ['*'],
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template naming the test plan by its literal name', () => {
    expectPass(rule, planTemplate(undefined, {}, { Tests: testPlan(), TestSel: testSelection('tests') }));
  });

  test('Not applicable: no backup plan', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault');
    expect(judge(rule, stack).map((r) => r.status)).toEqual([ResultStatus.NOT_APPLICABLE]);
  });

  test('Non-compliant 1: SecureBackupPlan with restoreTesting false (removed): the finding names the stack', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups', { restoreTesting: false }).protect(table(stack));
    const [failure] = expectFail(rule, stack, /no AWS::Backup::RestoreTestingPlan exists/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('TestStack');
  });

  test('Non-compliant 2: L2 plan without restore tests', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    expectFail(rule, stack, /no AWS::Backup::RestoreTestingPlan/);
  });

  test('Non-compliant 3: escape hatch points the restore tests of SecureBackupPlan at another vault (broken): the finding names the test plan', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Backups');
    plan.protect(table(stack));
    plan.restoreTestingPlan!.addPropertyOverride('RecoveryPointSelection.IncludeVaults', ['arn:aws:backup:eu-west-1:111122223333:backup-vault:other']);
    const [failure] = expectFail(rule, stack, /no restore testing plan includes vault/);
    expect(failure.logicalId).toBe(stack.resolve(plan.restoreTestingPlan!.logicalId));
  });

  test('Non-compliant 4: hand-written template with a test plan but no selection', () => {
    const [failure] = expectFail(rule, planTemplate(undefined, {}, { Tests: testPlan() }), /no AWS::Backup::RestoreTestingSelection/);
    expect(failure.logicalId).toBe('Tests');
  });

  test('Non-compliant 5: fails closed when the included vaults cannot be resolved', () => {
    const template = planTemplate(undefined, {}, { Tests: testPlan([{ Ref: 'Vaults' }]), TestSel: testSelection() });
    expectFail(rule, { Parameters: { Vaults: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
