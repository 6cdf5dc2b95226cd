import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { SecureBackupPlan } from '../../../../constructs/data/secure-backup-plan';
import { LedgerResult, ResultStatus, evaluate } from '../../../../lib/engine';
import rule from '../../../../policies/rules/backup/plan-cross-region-copy';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Plan, planRule, planTemplate, table } from './fixtures';

const OTHER_VAULT = 'arn:aws:backup:us-east-1:111122223333:backup-vault:copies';
const SAME_VAULT = 'arn:aws:backup:eu-west-1:111122223333:backup-vault:copies';

/** Judge a hand-written template deployed in a known Region. */
function judgeIn(region: string | undefined, template: Record<string, unknown>): readonly LedgerResult[] {
  return evaluate([{ path: 'hand.template.json', template, region }], [rule]).results;
}

describe('Backup.PlanCrossRegionCopy', () => {
  test('Compliant: SecureBackupPlan copying to another Region', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups', { copies: [{ destinationVaultArn: OTHER_VAULT }] }).protect(table(stack));
    expectPass(rule, stack);
  });

  test('Compliant: L2 plan copying to a vault in another Region', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'), { copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(stack, 'Dest', OTHER_VAULT), deleteAfter: Duration.days(35) }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written vault in a template of another Region, imported by the plan', () => {
    const dr = { Resources: { DrVault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'dr' } } }, Outputs: { Arn: { Value: { 'Fn::GetAtt': ['DrVault', 'BackupVaultArn'] }, Export: { Name: 'DrVaultArn' } } } };
    const plan = planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: { 'Fn::ImportValue': 'DrVaultArn' } }] })]);
    const results = evaluate([{ path: 'plan.template.json', template: plan, region: 'eu-west-1' }, { path: 'dr.template.json', template: dr, region: 'us-east-1' }], [rule]).results;
    expect(results.map((r) => r.status)).toEqual([ResultStatus.PASS]);
  });

  test('Compliant: raw L1 plan copying to a literal ARN in another Region', () => {
    const { stack } = testStack();
    new backup.CfnBackupPlan(stack, 'Plan', {
      backupPlan: { backupPlanName: 'p', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'vault', copyActions: [{ destinationBackupVaultArn: OTHER_VAULT }] }] },
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template in a known Region', () => {
    const results = judgeIn('eu-west-1', planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: OTHER_VAULT }] })]));
    expect(results.map((r) => r.status)).toEqual([ResultStatus.PASS]);
  });

  test('Non-compliant 1: SecureBackupPlan with default props makes no copy', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Backups').protect(table(stack));
    expectFail(rule, stack, /makes no copy/);
  });

  test('Non-compliant 2: L2 plan copying to a vault in the same stack', () => {
    const { stack } = testStack();
    const local = new backup.BackupVault(stack, 'Local');
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'), { copyActions: [{ destinationBackupVault: local }] });
    expectFail(rule, stack, /only within the plan's Region \(eu-west-1\)/);
  });

  test('Non-compliant 3: escape hatch points the copy of SecureBackupPlan back to its own Region', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Backups', { copies: [{ destinationVaultArn: OTHER_VAULT }] });
    plan.protect(table(stack));
    (plan.backupPlan.node.defaultChild as backup.CfnBackupPlan).addPropertyOverride('BackupPlan.BackupPlanRule.0.CopyActions.0.DestinationBackupVaultArn', SAME_VAULT);
    expectFail(rule, stack, /only within/);
  });

  test('Non-compliant 4: hand-written template copying within ${AWS::Region}', () => {
    expectFail(rule, planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: { 'Fn::Sub': 'arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:copies' } }] })]), /only within/);
  });

  test('Non-compliant 5: fails closed when the plan Region is unknown', () => {
    const results = judgeIn(undefined, planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: OTHER_VAULT }] })]));
    expect(results.map((r) => r.status)).toEqual([ResultStatus.FAIL]);
    expect(results[0].message).toMatch(/could not resolve/);
  });

  test('Non-compliant 6: fails closed when the template that defines the destination vault has no known Region', () => {
    const dr = { Resources: { DrVault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'dr' } } }, Outputs: { Arn: { Value: { 'Fn::GetAtt': ['DrVault', 'BackupVaultArn'] }, Export: { Name: 'DrVaultArn' } } } };
    const plan = planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: { 'Fn::ImportValue': 'DrVaultArn' } }] })]);
    const results = evaluate([{ path: 'plan.template.json', template: plan, region: 'eu-west-1' }, { path: 'dr.template.json', template: dr }], [rule]).results;
    expect(results.map((r) => r.status)).toEqual([ResultStatus.FAIL]);
    expect(results[0].message).toMatch(/could not resolve .*the Region of dr/);
  });

  test('Non-compliant 7: fails closed when the destination is a parameter without default', () => {
    const template = planTemplate([planRule({ CopyActions: [{ DestinationBackupVaultArn: { Ref: 'Dest' } }] })]);
    expectFail(rule, { Parameters: { Dest: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
