import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  DEFAULT_VAULT_NOTIFICATION_EVENTS,
  DEPRECATED_VAULT_NOTIFICATION_EVENTS,
  SecureBackupVault,
  VAULT_DENIED_ACTIONS,
  VaultLockMode,
} from '../../../constructs/data/secure-backup-vault';
import { valueAtPath } from '../../../constructs/detection/finding-messages';
import examples from '../../fixtures/backup-job-events.json';
import { testStack } from '../../util/stack';

/** The message the input transformer delivers for `event`, rendered the way EventBridge renders it. */
function render(transformer: { InputPathsMap: Record<string, string>; InputTemplate: string }, event: unknown): string {
  return JSON.parse(transformer.InputTemplate.replace(/<([A-Za-z0-9_-]+)>/g, (_, name: string) => String(valueAtPath(event, transformer.InputPathsMap[name]))));
}

/** Every rule of the template whose pattern has this detail-type, with its only target. */
function ruleFor(t: Template, detailType: string) {
  const rules = Object.values(t.findResources('AWS::Events::Rule')).filter((r) => r.Properties.EventPattern['detail-type']?.[0] === detailType);
  expect(rules).toHaveLength(1);
  return rules[0].Properties;
}

describe('SecureBackupVault job alerts', () => {
  test('default vault notifications use no deprecated event', () => {
    expect(DEFAULT_VAULT_NOTIFICATION_EVENTS).toEqual(['COPY_JOB_FAILED', 'RECOVERY_POINT_MODIFIED', 'S3_BACKUP_OBJECT_FAILED', 'S3_RESTORE_OBJECT_FAILED']);
    for (const event of DEPRECATED_VAULT_NOTIFICATION_EVENTS) expect(DEFAULT_VAULT_NOTIFICATION_EVENTS).not.toContain(event);
    expect(DEPRECATED_VAULT_NOTIFICATION_EVENTS).toEqual(expect.arrayContaining(['BACKUP_JOB_FAILED', 'BACKUP_JOB_EXPIRED', 'RESTORE_JOB_FAILED']));
  });

  test('fails when notificationEvents names a deprecated event', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { notificationEvents: [backup.BackupVaultEvents.BACKUP_JOB_FAILED] })).toThrow(
      /notificationEvents must not contain events AWS Backup has deprecated, which never fire, got \["BACKUP_JOB_FAILED"\]/,
    );
  });

  test('failed, aborted and expired backup jobs into this vault go to the alert topic', () => {
    // GIVEN
    const { stack } = testStack();
    const alerts = new sns.Topic(stack, 'Alerts');
    // WHEN
    new SecureBackupVault(stack, 'Vault', { alertTopic: alerts });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Events::Rule', 3);
    const rule = ruleFor(t, 'Backup Job State Change');
    expect(rule.State).toBe('ENABLED');
    expect(rule.EventPattern).toEqual({
      source: ['aws.backup'],
      'detail-type': ['Backup Job State Change'],
      detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [{ 'Fn::GetAtt': ['Vault47927EF3', 'BackupVaultName'] }] },
    });
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0].Arn).toEqual({ Ref: 'Alerts91F83244' });
  });

  test('failed copy jobs from this vault and failed or aborted restore jobs (restore tests too) go to the alert topic', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const t = Template.fromStack(stack);
    const vaultArn = { 'Fn::GetAtt': ['Vault47927EF3', 'BackupVaultArn'] };
    const copy = ruleFor(t, 'Copy Job State Change');
    expect(copy.EventPattern.detail).toEqual({ state: ['FAILED'], sourceBackupVaultArn: [vaultArn] });
    const restore = ruleFor(t, 'Restore Job State Change');
    // Restore jobs report `status`, not `state`; an event without backupVaultArn is alerted rather than lost.
    expect(restore.EventPattern.detail).toEqual({
      status: ['FAILED', 'ABORTED'],
      $or: [{ backupVaultArn: [vaultArn] }, { backupVaultArn: [{ exists: false }] }],
    });
    // Without alertTopic the rules publish to the vault's own notification topic.
    for (const rule of [copy, restore]) expect(rule.Targets[0].Arn).toEqual({ Ref: 'VaultNotifications5ECFD580' });
  });

  test.each([
    ['backupJobFailed', 'Backup Job State Change', 'AWS Backup: backup job 34176239-e96d-4e1d-9fad-529dbb3c3556 FAILED for DynamoDB arn:aws:dynamodb:eu-west-1:111122223333:table/orders into vault central-backups (account 111122223333, Region eu-west-1). Reason: Backup job failed because the IAM role cannot use the vault key.'],
    ['backupJobAborted', 'Backup Job State Change', 'AWS Backup: backup job 58cdef95-7680-4c74-80d5-1b64093999c8 ABORTED for EBS arn:aws:ec2:eu-west-1:111122223333:volume/vol-0b5ae24f2ee72d926 into vault central-backups (account 111122223333, Region eu-west-1). Reason: Backup job was stopped by user.'],
    ['backupJobExpired', 'Backup Job State Change', 'AWS Backup: backup job 01EE26DC-7107-4D8E-0C54-EAC27C662BA4 EXPIRED for EFS arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123456789abcdef0 into vault central-backups (account 111122223333, Region eu-west-1). Reason: Backup job failed because there was a running job for the same resource.'],
    ['copyJobFailed', 'Copy Job State Change', 'AWS Backup: copy job 47C8EF56-74D8-059D-1301-C5BE1D5C926E FAILED for EC2 arn:aws:ec2:eu-west-1:111122223333:instance/i-0515aee7de03f58e1 from arn:aws:backup:eu-west-1:111122223333:backup-vault:central-backups to arn:aws:backup:eu-central-1:111122223333:backup-vault:central-backups-copy (account 111122223333, Region eu-west-1). Reason: Access denied exception while trying to list tags'],
    ['restoreJobFailed', 'Restore Job State Change', 'AWS Backup: restore job 1B234A56-789B-01CD-2A34-4567A08901FD FAILED for EC2 (account 111122223333, Region eu-west-1). Reason: AWS Backup does not permit attaching a new instance profile to an EC2 instance. Please restore using the backed up instance profile.'],
  ])('AWS\'s %s example event becomes a sentence a person can read', (example, detailType, expected) => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const rule = ruleFor(Template.fromStack(stack), detailType);
    const event = (examples as Record<string, unknown>)[example];
    expect(render(rule.Targets[0].InputTransformer, event)).toBe(expected);
  });

  test('the notification key admits EventBridge without source conditions, and the topic policy admits only this account\'s rules', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const t = Template.fromStack(stack);
    const key = t.findResources('AWS::KMS::Key').VaultNotificationKey624EDBE9;
    const eventsStatements = key.Properties.KeyPolicy.Statement.filter((s: { Principal?: { Service?: string } }) => s.Principal?.Service === 'events.amazonaws.com');
    expect(eventsStatements).toEqual([
      { Sid: 'AllowEventBridgeToPublishJobAlerts', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    ]);
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowEventBridgeRulesOfThisAccount',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:events:eu-west-1:111122223333:rule/*' },
            },
          }),
        ]),
      },
    });
  });

  test('the vault key lets the account define the vault through AWS Backup only (Decrypt, GenerateDataKey)', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowVaultUseThroughBackup',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: '*',
            Condition: { StringEquals: { 'kms:ViaService': 'backup.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
          },
        ]),
      },
    });
  });
});

describe('SecureBackupVault', () => {
  test('defaults: CMK, governance lock with 35-day minimum, retained, deletion denied to everyone', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBackupVault(stack, 'Vault');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupVault', 1);
    t.resourceCountIs('AWS::KMS::Key', 2);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^VaultKey'), 'Arn'] },
        // Governance mode: no ChangeableForDays, no maximum.
        LockConfiguration: { MinRetentionDays: 35 },
        AccessPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyRecoveryPointDeletionForEveryone',
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: VAULT_DENIED_ACTIONS,
              Resource: '*',
            },
          ],
        },
        Notifications: {
          BackupVaultEvents: DEFAULT_VAULT_NOTIFICATION_EVENTS,
          SNSTopicArn: { Ref: Match.stringLikeRegexp('^VaultNotifications') },
        },
      },
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/backup' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/backup-notifications' });
  });

  test('the vault access policy denies deleting recovery points and the policy, but not updating it', () => {
    expect(VAULT_DENIED_ACTIONS).toEqual(
      expect.arrayContaining(['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVaultAccessPolicy']),
    );
    // CloudFormation must keep the ability to update the policy; a deny for '*' could never be lifted.
    expect(VAULT_DENIED_ACTIONS).not.toContain('backup:PutBackupVaultAccessPolicy');
  });

  test('notifications: encrypted, TLS-only topic that only the backup vaults of this account may publish to', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBackupVault(stack, 'Vault');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^VaultNotificationKey'), 'Arn'] } });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'backup.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:backup:eu-west-1:111122223333:backup-vault:*' },
            },
          }),
        ]),
      },
    });
    // The topic key admits AWS Backup only for this account.
    t.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('backup-notifications'),
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'backup.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
          }),
        ]),
      },
    });
  });

  test('the vault is created after the topic and its policy', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const vault = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupVault'))[0];
    expect(vault.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^VaultNotificationsPolicy/), expect.stringMatching(/^VaultNotifications/)]));
  });

  test('all props: name, own key, compliance lock, min/max, own topic and events, copy-in accounts', () => {
    // GIVEN
    const { stack } = testStack();
    const key = new kms.Key(stack, 'OwnKey', { enableKeyRotation: true });
    const topic = new sns.Topic(stack, 'OwnTopic');
    // WHEN
    const vault = new SecureBackupVault(stack, 'Vault', {
      backupVaultName: 'central-backups',
      encryptionKey: key,
      lockMode: VaultLockMode.COMPLIANCE,
      lockMinRetention: Duration.days(90),
      lockMaxRetention: Duration.days(3650),
      changeableFor: Duration.days(7),
      notificationTopic: topic,
      notificationEvents: [backup.BackupVaultEvents.COPY_JOB_FAILED],
      alertTopic: topic,
      allowCopyFromAccounts: ['444455556666'],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'central-backups',
      EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OwnKey'), 'Arn'] },
      LockConfiguration: { MinRetentionDays: 90, MaxRetentionDays: 3650, ChangeableForDays: 7 },
      Notifications: { BackupVaultEvents: ['COPY_JOB_FAILED'], SNSTopicArn: { Ref: Match.stringLikeRegexp('^OwnTopic') } },
      AccessPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCopyFromListedAccounts',
            Effect: 'Allow',
            Action: 'backup:CopyIntoBackupVault',
            Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          }),
        ]),
      },
    });
    expect(vault.dataKey).toBeUndefined();
    expect(vault.notificationKey).toBeUndefined();
    expect(vault.lockMode).toBe(VaultLockMode.COMPLIANCE);
  });

  test('compliance mode defaults to the 3-day grace period', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault', { lockMode: VaultLockMode.COMPLIANCE });
    Template.fromStack(stack).hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 35, ChangeableForDays: 3 },
    });
  });

  test('a dataClass names both keys', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault', { dataClass: 'backup-prod' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/backup-prod' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/backup-prod-notifications' });
  });

  test('fails when the lock minimum is longer than the maximum', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { lockMinRetention: Duration.days(400), lockMaxRetention: Duration.days(365) })).toThrow(
      /SecureBackupVault.InvalidProps.*lockMaxRetention must be greater than lockMinRetention, got lockMinRetention 400 days and lockMaxRetention 365 days/s,
    );
  });

  test('fails when the lock maximum is below the default 35-day minimum', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { lockMaxRetention: Duration.days(30) })).toThrow(
      /lockMaxRetention must be greater than lockMinRetention, got lockMinRetention 35 days and lockMaxRetention 30 days/,
    );
  });

  test.each([
    ['lockMinRetention', { lockMinRetention: Duration.hours(12) }, /lockMinRetention must be a whole number of days, got 12 hours \(0.5 days\); use Duration.days\(1\)/],
    ['lockMaxRetention', { lockMaxRetention: Duration.days(40000) }, /lockMaxRetention must be a whole number of days from 1 to 36500, got 40000 days/],
  ])('fails when %s is out of range', (_name, props, message) => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', props)).toThrow(message);
  });

  test('fails when lockMode is not a VaultLockMode (a string from JavaScript)', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { lockMode: 'compliance' as unknown as VaultLockMode })).toThrow(
      /SecureBackupVault.InvalidProps[\s\S]*lockMode must be one of "GOVERNANCE", "COMPLIANCE", got "compliance"/,
    );
  });

  test('fails when encryptionKey is in another Region than the vault', () => {
    const { stack } = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => new SecureBackupVault(stack, 'Vault', { encryptionKey: key })).toThrow(
      /SecureBackupVault.InvalidProps[\s\S]*encryptionKey must be in eu-west-1, the Region of the resource it serves, got one in us-east-1/,
    );
  });

  test('fails when changeableFor is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { lockMode: VaultLockMode.COMPLIANCE, changeableFor: Duration.hours(80) })).toThrow(
      /SecureBackupVault.InvalidProps[\s\S]*changeableFor must be a whole number of days, got .*; use Duration.days\(4\)/,
    );
  });

  test('fails when two vaults share a key alias, naming SecureBackupVault.dataClass', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'First');
    expect(() => new SecureBackupVault(stack, 'Second')).toThrow(
      /DataKey.DuplicateAlias[\s\S]*dataClass "backup" gives KMS alias alias\/baseline\/backup, which TestStack\/First\/Key already uses.*give each SecureBackupVault its own dataClass/,
    );
  });

  test('fails when changeableFor is given in governance mode', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { changeableFor: Duration.days(3) })).toThrow(
      /changeableFor is the grace period of a compliance-mode lock, but lockMode is GOVERNANCE.*set lockMode: VaultLockMode.COMPLIANCE/,
    );
  });

  test('fails when the compliance grace period is shorter than 3 days', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { lockMode: VaultLockMode.COMPLIANCE, changeableFor: Duration.days(2) })).toThrow(
      /changeableFor must be a whole number of days, at least 3.*got 2 days/,
    );
  });

  test('fails when the vault name is malformed', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { backupVaultName: 'my vault!' })).toThrow(/backupVaultName must be 2-50 .*"my vault!"/);
  });

  test('fails when both encryptionKey and dataClass are given', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'OwnKey');
    expect(() => new SecureBackupVault(stack, 'Vault', { encryptionKey: key, dataClass: 'backup' })).toThrow(/pass one or the other/);
  });

  test('fails when the data class is not alias-safe or too long for the notification key', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { dataClass: 'a'.repeat(37) })).toThrow(/dataClass must be 1-36 lowercase/);
  });

  test('fails when notificationEvents is empty', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { notificationEvents: [] })).toThrow(/notificationEvents must list at least one event/);
  });

  test('fails when a copy-in account is not an account id', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { allowCopyFromAccounts: ['prod'] })).toThrow(/allowCopyFromAccounts must hold 12-digit account ids, got "prod"/);
  });

  test('reports every problem at once', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupVault(stack, 'Vault', { backupVaultName: '!', notificationEvents: [], changeableFor: Duration.days(3) })).toThrow(
      /backupVaultName.*\n.*changeableFor.*\n.*notificationEvents/,
    );
  });

  test('pins the logical ids of the vault, its keys and its topic', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::Backup::BackupVault'))).toEqual(['Vault47927EF3']);
    expect(Object.keys(t.findResources('AWS::KMS::Key')).sort()).toEqual(['VaultKeyCB88EF1A', 'VaultNotificationKey624EDBE9']);
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual(['VaultNotifications5ECFD580']);
  });

  test('synthesizes the same security settings under the empty feature-flag context', () => {
    // GIVEN no feature flags at all
    const { stack } = testStack({ context: 'empty' });
    // WHEN
    new SecureBackupVault(stack, 'Vault');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LockConfiguration: { MinRetentionDays: 35 },
        AccessPolicy: Match.objectLike({ Statement: [Match.objectLike({ Effect: 'Deny', Action: VAULT_DENIED_ACTIONS })] }),
      }),
    });
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SecureBackupVault(stack, 'Vault');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
