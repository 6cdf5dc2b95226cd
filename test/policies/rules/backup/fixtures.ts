// Backup fixtures shared by the backup rule tests.
import { Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';

/** A DynamoDB table to protect. */
export function table(stack: Stack, id = 'Table'): dynamodb.Table {
  return new dynamodb.Table(stack, id, { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
}

/** An L2 plan writing to `vault`, keeping recovery points `days` days, with a selection. */
export function l2Plan(stack: Stack, vault: backup.IBackupVault, rule: Partial<backup.BackupPlanRuleProps> = {}): backup.BackupPlan {
  const plan = new backup.BackupPlan(stack, 'Plan', { backupVault: vault, backupPlanRules: [new backup.BackupPlanRule({ ruleName: 'Daily', deleteAfter: Duration.days(35), ...rule })] });
  plan.addSelection('Selection', { resources: [backup.BackupResource.fromDynamoDbTable(table(stack))] });
  return plan;
}

/** A hand-written plan rule. */
export function planRule(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { RuleName: 'Daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 }, ...extra };
}

/** A hand-written template: a vault (with `vaultProps`), a plan with `rules`, and a selection. */
export function planTemplate(rules: unknown[] = [planRule()], vaultProps: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Record<string, any> {
  return {
    Resources: {
      Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'vault', ...vaultProps } },
      Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'plan', BackupPlanRule: rules } } },
      Selection: {
        Type: 'AWS::Backup::BackupSelection',
        Properties: { BackupPlanId: { Ref: 'Plan' }, BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111122223333:role/b', Resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/t'] } },
      },
      ...more,
    },
  };
}
