import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SecureBackupVault } from '../../../../constructs/data/secure-backup-vault';
import rule, { ACTIONS_DENIED_TO_EVERYONE } from '../../../../policies/rules/backup/vault-deletion-denied';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

const deny = (actions: string[] = ACTIONS_DENIED_TO_EVERYONE) => ({ Effect: 'Deny', Principal: { AWS: '*' }, Action: actions, Resource: '*' });
const vault = (policy: unknown) => ({ Resources: { Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', AccessPolicy: policy } } } });

describe('Backup.VaultDeletionDenied', () => {
  test('Compliant: SecureBackupVault with default props', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    expectPass(rule, stack);
  });

  test('Compliant: L2 vault with blockRecoveryPointDeletion plus a policy deny', () => {
    const { stack } = testStack();
    const v = new backup.BackupVault(stack, 'Vault');
    v.addToAccessPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ACTIONS_DENIED_TO_EVERYONE, resources: ['*'] }));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 vault with a wildcard deny', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'v', accessPolicy: { Version: '2012-10-17', Statement: [deny(['backup:Delete*', 'backup:UpdateRecoveryPointLifecycle'])] } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with the policy as a JSON string', () => {
    expectPass(rule, vault(JSON.stringify({ Statement: [{ ...deny(), Principal: '*' }] })));
  });

  test('Non-compliant 1: L2 vault with blockRecoveryPointDeletion (the policy itself can still be deleted)', () => {
    const { stack } = testStack();
    new backup.BackupVault(stack, 'Vault', { blockRecoveryPointDeletion: true });
    expectFail(rule, stack, /does not deny backup:DeleteBackupVaultAccessPolicy/);
  });

  test('Non-compliant 2: escape hatch removes the access policy of SecureBackupVault', () => {
    const { stack } = testStack();
    const v = new SecureBackupVault(stack, 'Vault');
    (v.backupVault.node.defaultChild as backup.CfnBackupVault).addPropertyDeletionOverride('AccessPolicy');
    expectFail(rule, stack, /no access policy/);
  });

  test('Non-compliant 3: raw L1 vault whose deny has a condition (weakened)', () => {
    const { stack } = testStack();
    new backup.CfnBackupVault(stack, 'Vault', {
      backupVaultName: 'v',
      accessPolicy: { Statement: [{ ...deny(), Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } } }] },
    });
    expectFail(rule, stack, /does not deny/);
  });

  test('Non-compliant 4: hand-written template denying only DeleteRecoveryPoint', () => {
    expectFail(rule, vault({ Statement: [deny(['backup:DeleteRecoveryPoint'])] }), /UpdateRecoveryPointLifecycle, backup:DeleteBackupVaultAccessPolicy/);
  });

  test('Non-compliant 5: fails closed when the denied actions cannot be resolved', () => {
    expectFail(rule, {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      ...vault({ Statement: [{ ...deny(), Action: { 'Fn::If': ['Prod', ACTIONS_DENIED_TO_EVERYONE, []] } }] }),
    }, /could not resolve/);
  });
});
