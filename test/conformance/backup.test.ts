import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { DataKey } from '../../constructs/data/data-key';
import { SecureBackupPlan } from '../../constructs/data/secure-backup-plan';
import { SecureBackupVault } from '../../constructs/data/secure-backup-vault';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// The backup constructs with default props, checked against cdk-nag's four packs and the cfn-guard
// Control Tower rules. A plan must select something to synthesize, so the plan case protects a table
// built to the same bar; the packs' DynamoDBInBackupPlan rules then see the plan's selection.
function hardenedTable(stack: Stack, dataClass: string): dynamodb.Table {
  const key = new DataKey(stack, 'TableKey', { dataClass });
  return new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key.key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

// Two synths, because both constructs with defaults claim the same key alias (alias/baseline/backup)
// and an app holds one key per alias and Region.
const vault = runConformance({
  SecureBackupVaultDefaults: (stack) => {
    new SecureBackupVault(stack, 'Vault');
  },
});
const plan = runConformance({
  SecureBackupPlanDefaults: (stack) => {
    new SecureBackupPlan(stack, 'Plan').protect(hardenedTable(stack, 'orders'));
  },
  // Control: the same table with no plan, so the DynamoDBInBackupPlan rules are shown to bite.
  TableWithoutPlan: (stack) => {
    hardenedTable(stack, 'orders-unprotected');
  },
});
const acknowledged = [...vault.all.acknowledged, ...plan.all.acknowledged];

describe('conformance: backup constructs with defaults', () => {
  test('every pack ran, in both syntheses', () => {
    expect(vault.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
    expect(plan.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test('SecureBackupVault with defaults has zero unacknowledged findings', () => {
    expect(describeFindings(vault.SecureBackupVaultDefaults.violations)).toEqual([]);
  });
  test('SecureBackupPlan with defaults has zero unacknowledged findings', () => {
    expect(describeFindings(plan.SecureBackupPlanDefaults.violations)).toEqual([]);
  });
  test('the plan satisfies the packs\' DynamoDBInBackupPlan rules, which flag the same table without it', () => {
    const inBackupPlan = (name: 'SecureBackupPlanDefaults' | 'TableWithoutPlan') =>
      plan[name].violations.filter((f) => /DynamoDBInBackupPlan/.test(f.rule)).map((f) => f.plugin);
    expect(inBackupPlan('TableWithoutPlan').sort()).toEqual(['HIPAA.Security', 'NIST.800.53.R5']);
    expect(inBackupPlan('SecureBackupPlanDefaults')).toEqual([]);
  });
  test('the only acknowledgments are the AWS managed Backup service-role policies (AwsSolutions-IAM4)', () => {
    const ids = [...new Set(acknowledged.map((f) => f.acknowledgedId))].sort();
    expect(ids).toEqual([
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
    ]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(acknowledged))).toEqual([]);
  });
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect([...vault.all.stale, ...plan.all.stale]).toEqual([]);
  });
});
