import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as events from 'aws-cdk-lib/aws-events';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataKey } from '../../../constructs/data/data-key';
import { BackupResourceType, scheduleForRpo, SecureBackupPlan } from '../../../constructs/data/secure-backup-plan';
import { SecureBackupVault } from '../../../constructs/data/secure-backup-vault';
import { TEST_ENV, testStack } from '../../util/stack';

const TAGS = [{ key: 'backup', value: 'daily' }];
const DR_VAULT = 'arn:aws:backup:eu-central-1:111122223333:backup-vault:dr';
const OTHER_ACCOUNT_VAULT = 'arn:aws:backup:us-east-1:444455556666:backup-vault:central';

function table(stack: Stack, id = 'Table'): dynamodb.Table {
  return new dynamodb.Table(stack, id, { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
}

describe('SecureBackupPlan', () => {
  test('defaults: daily, 35 days, own locked vault, tag selection, weekly restore test', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupPlan', 1);
    t.resourceCountIs('AWS::Backup::BackupVault', 1);
    t.resourceCountIs('AWS::Backup::BackupSelection', 1);
    t.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 0);
    t.resourceCountIs('AWS::IAM::Role', 2);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: Match.stringLikeRegexp('^TestStack-Plan-'),
        BackupPlanRule: [
          {
            RuleName: 'Scheduled',
            ScheduleExpression: 'cron(0 5 * * ? *)',
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 10080,
            Lifecycle: { DeleteAfterDays: 35 },
            TargetBackupVault: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanVault'), 'BackupVaultName'] },
          },
        ],
      },
    });
    t.hasResourceProperties('AWS::Backup::BackupVault', { LockConfiguration: { MinRetentionDays: 35 } });
    t.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        SelectionName: 'tagged-resources',
        IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanBackupRole'), 'Arn'] },
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
      },
    });
    t.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      RestoreTestingPlanName: Match.stringLikeRegexp('^TestStack_Plan_[A-F0-9]{8}$'),
      ScheduleExpression: 'cron(0 6 ? * MON *)',
      StartWindowHours: 24,
      RecoveryPointSelection: {
        Algorithm: 'LATEST_WITHIN_WINDOW',
        IncludeVaults: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanVault'), 'BackupVaultArn'] }],
        RecoveryPointTypes: ['SNAPSHOT'],
        SelectionWindowDays: 7,
      },
    });
  });

  test('roles: AWS managed Backup policies only, one role to back up and one to restore', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    const t = Template.fromStack(stack);
    const managed = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' } })] },
      ManagedPolicyArns: [managed('service-role/AWSBackupServiceRolePolicyForBackup')],
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [managed('service-role/AWSBackupServiceRolePolicyForRestores')],
    });
  });

  test('the vault key policy lets the plan roles use the key, and create grants only for AWS resources', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    const roles = [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanBackupRole'), 'Arn'] }, { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanRestoreTestRole'), 'Arn'] }];
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('for backup data'),
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { AWS: roles }, Action: Match.arrayWith(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']) }),
          Match.objectLike({ Principal: { AWS: roles }, Action: 'kms:CreateGrant', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } }),
        ]),
      },
    });
  });

  test.each([
    [Duration.hours(1), 'cron(0 * * * ? *)'],
    [Duration.minutes(90), 'cron(0 * * * ? *)'],
    [Duration.hours(2), 'cron(0 0/2 * * ? *)'],
    [Duration.hours(5), 'cron(0 0/4 * * ? *)'],
    [Duration.hours(7), 'cron(0 0/6 * * ? *)'],
    [Duration.hours(12), 'cron(0 0/12 * * ? *)'],
    [Duration.hours(23), 'cron(0 0/12 * * ? *)'],
    [Duration.hours(24), 'cron(0 5 * * ? *)'],
    [Duration.days(3), 'cron(0 5 * * ? *)'],
  ])('an RPO of %s gives %s (no gap longer than the RPO)', (rpo, cron) => {
    expect(scheduleForRpo(rpo)).toBe(cron);
  });

  test('the derived schedule lands in the plan', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS, rpo: Duration.hours(4) });
    Template.fromStack(stack).hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ ScheduleExpression: 'cron(0 0/4 * * ? *)' })] },
    });
  });

  test('protect(): selects each construct by ARN and restore-tests each resource type', () => {
    // GIVEN
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    const db = new rds.CfnDBInstance(stack, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20' });
    const aurora = new rds.CfnDBCluster(stack, 'Aurora', { engine: 'aurora-postgresql' });
    const fs = new efs.CfnFileSystem(stack, 'Fs', { encrypted: true });
    const bucket = new s3.Bucket(stack, 'Bucket', { versioned: true });
    // WHEN
    plan.protect(table(stack), db, aurora, fs, bucket);
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupSelection', 1);
    t.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        SelectionName: 'protected-resources',
        Resources: [
          { 'Fn::Join': ['', ['arn:aws:dynamodb:eu-west-1:111122223333:table/', { Ref: Match.stringLikeRegexp('^Table') }]] },
          { 'Fn::Join': ['', ['arn:aws:rds:eu-west-1:111122223333:db:', { Ref: Match.stringLikeRegexp('^Db') }]] },
          { 'Fn::Join': ['', ['arn:aws:rds:eu-west-1:111122223333:cluster:', { Ref: Match.stringLikeRegexp('^Aurora') }]] },
          { 'Fn::Join': ['', ['arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/', { Ref: Match.stringLikeRegexp('^Fs') }]] },
          { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: Match.stringLikeRegexp('^Bucket') }]] },
        ],
      },
    });
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 5);
    for (const type of ['DynamoDB', 'RDS', 'Aurora', 'EFS', 'S3']) {
      t.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
        ProtectedResourceType: type,
        RestoreTestingSelectionName: `${type}_protected_1`,
        ProtectedResourceArns: [Match.anyValue()],
        RestoreTestingPlanName: { Ref: Match.stringLikeRegexp('^PlanRestoreTestingPlan') },
        IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanRestoreTestRole'), 'Arn'] },
      });
    }
    // S3 needs its own AWS managed policies, added because a bucket was protected.
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] }]),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore']] }]),
    });
  });

  test('protect(): without S3 the roles get no S3 policy', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    plan.protect(table(stack));
    const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');
    expect(JSON.stringify(roles)).not.toMatch(/S3Backup|S3Restore/);
  });

  test('protect(): a construct protected twice is selected once; a DynamoDB TableV2 is found too', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    const t1 = table(stack);
    const t2 = new dynamodb.TableV2(stack, 'TableV2', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    plan.protect(t1);
    plan.protect(t1, t2);
    const selection = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupSelection'))[0];
    expect(selection.Properties.BackupSelection.Resources).toHaveLength(2);
  });

  test('protect(): more than 30 resources of one type are split over restore-testing selections', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    plan.protect(...Array.from({ length: 31 }, (_, i) => table(stack, `Table${i}`)));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 2);
    const selections = Object.values(t.findResources('AWS::Backup::RestoreTestingSelection'));
    expect(selections.map((s) => s.Properties.ProtectedResourceArns.length).sort()).toEqual([1, 30]);
    expect(selections.map((s) => s.Properties.RestoreTestingSelectionName).sort()).toEqual(['DynamoDB_protected_1', 'DynamoDB_protected_2']);
  });

  test('fails when protect() gets a construct with nothing AWS Backup can protect', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    const topic = new sns.Topic(stack, 'Topic');
    expect(() => plan.protect(topic)).toThrow(/SecureBackupPlan.InvalidProtect.*protect\(\) found no resource AWS Backup can protect in TestStack\/Topic/s);
  });

  test('fails when protect() gets an S3 bucket without versioning', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan');
    const bucket = new s3.Bucket(stack, 'Bucket');
    expect(() => plan.protect(bucket)).toThrow(/S3 bucket TestStack\/Bucket\/Resource, which does not have versioning on.*versioned: true/);
  });

  test('fails at synth when the plan selects nothing', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan');
    expect(() => Template.fromStack(stack)).toThrow(/\[SecureBackupPlan.NothingSelected\] TestStack\/Plan: invalid props\n  - selectionTags is empty and protect\(\) was never called.*pass selectionTags or call protect\(\)/);
  });

  test('all props: own vault, name, RPO, retention, cold storage, copies, tags and types, restore-test settings', () => {
    // GIVEN
    const { stack } = testStack();
    const vault = new SecureBackupVault(stack, 'Central', { lockMinRetention: Duration.days(7), lockMaxRetention: Duration.days(400) });
    // WHEN
    const plan = new SecureBackupPlan(stack, 'Plan', {
      backupVault: vault,
      backupPlanName: 'prod.hourly',
      rpo: Duration.hours(6),
      retention: Duration.days(200),
      moveToColdStorageAfter: Duration.days(100),
      copies: [
        { destinationVaultArn: DR_VAULT },
        { destinationVaultArn: OTHER_ACCOUNT_VAULT, retention: Duration.days(365), moveToColdStorageAfter: Duration.days(30) },
      ],
      selectionTags: [...TAGS, { key: 'tier', value: 'gold' }],
      taggedResourceTypes: [BackupResourceType.EFS, BackupResourceType.S3],
      restoreTestSchedule: events.Schedule.expression('cron(0 3 1 * ? *)'),
      restoreTestSelectionWindow: Duration.days(14),
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupVault', 1);
    t.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: 'prod.hourly',
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 0/6 * * ? *)',
            Lifecycle: { DeleteAfterDays: 200, MoveToColdStorageAfterDays: 100 },
            TargetBackupVault: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Central'), 'BackupVaultName'] },
            CopyActions: [
              { DestinationBackupVaultArn: DR_VAULT, Lifecycle: { DeleteAfterDays: 200 } },
              { DestinationBackupVaultArn: OTHER_ACCOUNT_VAULT, Lifecycle: { DeleteAfterDays: 365, MoveToColdStorageAfterDays: 30 } },
            ],
          }),
        ],
      },
    });
    t.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({
        ListOfTags: [
          { ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' },
          { ConditionType: 'STRINGEQUALS', ConditionKey: 'tier', ConditionValue: 'gold' },
        ],
      }),
    });
    t.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: 'cron(0 3 1 * ? *)',
      RecoveryPointSelection: Match.objectLike({ SelectionWindowDays: 14 }),
    });
    // One tag-based restore-testing selection per (type, tag): tags are alternatives, as in the backup selection.
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 4);
    t.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      ProtectedResourceType: 'EFS',
      ProtectedResourceArns: ['*'],
      ProtectedResourceConditions: { StringEquals: [{ Key: 'aws:ResourceTag/tier', Value: 'gold' }] },
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] }]),
    });
    expect(plan.backupVault).toBe(vault);
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Plan', Match.anyValue());
  });

  test('tag selection without resource types warns that tagged resources are not restore-tested', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    Annotations.fromStack(stack).hasWarning('/TestStack/Plan', Match.stringLikeRegexp('ack: cdk-security-baseline:backupPlan.untestedTaggedResources'));
  });

  test('restoreTesting: false drops the restore test and warns', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const plan = new SecureBackupPlan(stack, 'Plan', { restoreTesting: false });
    plan.protect(table(stack));
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::RestoreTestingPlan', 0);
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 0);
    t.resourceCountIs('AWS::IAM::Role', 1);
    Annotations.fromStack(stack).hasWarning('/TestStack/Plan', Match.stringLikeRegexp('ack: cdk-security-baseline:backupPlan.noRestoreTesting'));
  });

  test('a vault in another stack is used, and the plan warns that its roles need the vault key', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vaultStack = new Stack(app, 'VaultStack', { env: TEST_ENV });
    const vault = new SecureBackupVault(vaultStack, 'Vault');
    // WHEN
    const plan = new SecureBackupPlan(stack, 'Plan', { backupVault: vault });
    plan.protect(table(stack));
    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Plan', Match.stringLikeRegexp('ack: cdk-security-baseline:backupPlan.vaultKeyInOtherStack'));
    const keyPolicy = JSON.stringify(Template.fromStack(vaultStack).findResources('AWS::KMS::Key'));
    expect(keyPolicy).not.toMatch(/BackupRole/);
  });

  test('alertTopic: failed backup, copy and restore jobs of the plan (restore tests included) go to the alert topic', () => {
    // GIVEN
    const { stack } = testStack();
    const alerts = new sns.Topic(stack, 'Alerts');
    // WHEN
    new SecureBackupPlan(stack, 'Plan', { alertTopic: alerts, selectionTags: TAGS });
    // THEN
    const t = Template.fromStack(stack);
    const rules = Object.values(t.findResources('AWS::Events::Rule'));
    expect(rules.map((r) => r.Properties.EventPattern['detail-type'][0]).sort()).toEqual([
      'Backup Job State Change',
      'Copy Job State Change',
      'Restore Job State Change',
    ]);
    for (const rule of rules) expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: 'Alerts91F83244' } })]);
    // The restore tests restore from the vault the restore rule watches.
    const vaultArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanVault'), 'BackupVaultArn'] };
    t.hasResourceProperties('AWS::Backup::RestoreTestingPlan', { RecoveryPointSelection: Match.objectLike({ IncludeVaults: [vaultArn] }) });
  });

  test('README example: one DataKey for an RDS database and a DynamoDB table, admitted through both services, backed up by the plan', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    // WHEN
    const ordersKey = new DataKey(stack, 'OrdersKey', { dataClass: 'orders' });
    ordersKey.allowAccountUseThroughServices({ services: ['rds', 'dynamodb'] });
    const database = new rds.DatabaseInstance(stack, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      storageEncryptionKey: ordersKey.key,
    });
    const orders = new dynamodb.Table(stack, 'Orders', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: ordersKey.key,
    });
    new SecureBackupPlan(stack, 'Backups').protect(database, orders);
    // THEN
    const t = Template.fromStack(stack);
    const keyArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersKey'), 'Arn'] };
    t.hasResourceProperties('AWS::RDS::DBInstance', { StorageEncrypted: true, KmsKeyId: keyArn });
    t.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: Match.objectLike({ KMSMasterKeyId: keyArn }) });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowAccountUseThroughRdsDynamodb',
            Condition: { StringEquals: { 'kms:ViaService': ['rds.eu-west-1.amazonaws.com', 'dynamodb.eu-west-1.amazonaws.com'], 'kms:CallerAccount': '111122223333' } },
          }),
        ]),
      },
    });
    const selection = Object.values(t.findResources('AWS::Backup::BackupSelection'))[0].Properties.BackupSelection.Resources;
    expect(JSON.stringify(selection)).toMatch(/Database/);
    expect(JSON.stringify(selection)).toMatch(/Orders/);
  });

  test('fails when alertTopic is given with a backupVault', () => {
    const { stack } = testStack();
    const vault = new SecureBackupVault(stack, 'Vault');
    expect(() => new SecureBackupPlan(stack, 'Plan', { backupVault: vault, alertTopic: new sns.Topic(stack, 'Alerts') })).toThrow(
      /alertTopic configures the vault the plan defines, but backupVault TestStack\/Vault was also given; set alertTopic on that SecureBackupVault instead/,
    );
  });

  test('fails when retention is shorter than the vault lock minimum', () => {
    const { stack } = testStack();
    const vault = new SecureBackupVault(stack, 'Central', { lockMinRetention: Duration.days(90) });
    expect(() => new SecureBackupPlan(stack, 'Plan', { backupVault: vault, retention: Duration.days(30) })).toThrow(
      /SecureBackupPlan.InvalidProps.*retention must be at least the vault lock's minimum of 90 days, got 30 days/s,
    );
  });

  test('fails when retention is longer than the vault lock maximum', () => {
    const { stack } = testStack();
    const vault = new SecureBackupVault(stack, 'Central', { lockMaxRetention: Duration.days(365) });
    expect(() => new SecureBackupPlan(stack, 'Plan', { backupVault: vault, retention: Duration.days(400) })).toThrow(
      /retention must be at most the vault lock's maximum of 365 days, got 400 days/,
    );
  });

  test('fails when retention is shorter than the default vault lock minimum', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { retention: Duration.days(7) })).toThrow(
      /retention must be at least the default vault lock's minimum of 35 days, got 7 days/,
    );
  });

  test('fails when the RPO is below 1 hour', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { rpo: Duration.minutes(30) })).toThrow(/rpo must be at least 1 hour.*got 30 minutes/);
  });

  test('fails when the RPO is a token, because the schedule is derived at synth', () => {
    const { stack } = testStack();
    const hours = Lazy.number({ produce: () => 4 });
    expect(() => new SecureBackupPlan(stack, 'Plan', { rpo: Duration.hours(hours) })).toThrow(/rpo must be a concrete Duration, got a token/);
  });

  test('fails when a copy target is in the same Region as the plan', () => {
    const { stack } = testStack();
    const sameRegion = 'arn:aws:backup:eu-west-1:444455556666:backup-vault:other';
    expect(() => new SecureBackupPlan(stack, 'Plan', { copies: [{ destinationVaultArn: sameRegion }] })).toThrow(
      new RegExp(`copies\\[0\\].destinationVaultArn must be in another Region than the plan \\(eu-west-1\\), got "${sameRegion}"`),
    );
  });

  test('fails when a copy target is in another partition', () => {
    const { stack } = testStack();
    const china = 'arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:dr';
    expect(() => new SecureBackupPlan(stack, 'Plan', { copies: [{ destinationVaultArn: china }] })).toThrow(
      /SecureBackupPlan.InvalidProps[\s\S]*copies\[0\].destinationVaultArn must be in the aws partition, like this stack \(eu-west-1\), got .* in aws-cn; .*same partition/,
    );
  });

  test('fails when retention is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { retention: Duration.hours(36 * 24 + 6) })).toThrow(
      /SecureBackupPlan.InvalidProps[\s\S]*retention must be a whole number of days, got .*; use Duration.days\(37\)/,
    );
  });

  test.each(['arn:aws:s3:::my-bucket', 'arn:aws:backup:eu-central-1:1234:backup-vault:dr', 'dr-vault', 'arn:aws:backup:eu-central-1:111122223333:backup-plan:x'])(
    'fails when a copy target ARN is malformed: %s',
    (arn) => {
      const { stack } = testStack();
      expect(() => new SecureBackupPlan(stack, 'Plan', { copies: [{ destinationVaultArn: arn }] })).toThrow(
        /copies\[0\].destinationVaultArn must be a backup vault ARN \(arn:<partition>:backup:<region>:<account>:backup-vault:<name>\), got "/,
      );
    },
  );

  test('fails when cold storage is less than 90 days before the end of retention', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { retention: Duration.days(100), moveToColdStorageAfter: Duration.days(30) })).toThrow(
      /retention must be at least moveToColdStorageAfter \+ 90 days.*got retention 100 days and moveToColdStorageAfter 30 days; raise retention to 120 days/,
    );
  });

  test('fails when a copy moves to cold storage less than 90 days before it expires', () => {
    const { stack } = testStack();
    expect(() =>
      new SecureBackupPlan(stack, 'Plan', {
        copies: [{ destinationVaultArn: DR_VAULT, retention: Duration.days(60), moveToColdStorageAfter: Duration.days(1) }],
      }),
    ).toThrow(/copies\[0\].retention must be at least copies\[0\].moveToColdStorageAfter \+ 90 days/);
  });

  test('fails when taggedResourceTypes is given without selectionTags', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { taggedResourceTypes: [BackupResourceType.EFS] })).toThrow(
      /taggedResourceTypes names the resource types that selectionTags select, but selectionTags is empty/,
    );
  });

  test('fails when the restore test schedule is not a cron expression', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { restoreTestSchedule: events.Schedule.rate(Duration.days(7)) })).toThrow(
      /restoreTestSchedule must be a cron expression, got "rate\(7 days\)"/,
    );
  });

  test('fails when restore-test settings are given with restoreTesting: false', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { restoreTesting: false, restoreTestSelectionWindow: Duration.days(3) })).toThrow(
      /restoreTesting is false; drop one or the other/,
    );
  });

  test('fails when the restore test selection window is out of range', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { restoreTestSelectionWindow: Duration.days(400) })).toThrow(
      /restoreTestSelectionWindow must be a whole number of days from 1 to 365, got 400 days/,
    );
  });

  test('fails when the plan name is malformed', () => {
    const { stack } = testStack();
    expect(() => new SecureBackupPlan(stack, 'Plan', { backupPlanName: 'my plan' })).toThrow(/backupPlanName must be 1-50 .*"my plan"/);
  });

  test('pins the logical ids of the plan, its vault, the vault key and the topic', () => {
    const { stack } = testStack();
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::Backup::BackupPlan'))).toEqual(['Plan80FCA1C5']);
    expect(Object.keys(t.findResources('AWS::Backup::BackupVault'))).toEqual(['PlanVaultAE0F9CF6']);
    expect(Object.keys(t.findResources('AWS::KMS::Key')).sort()).toEqual(['PlanVaultKey0BEFA35B', 'PlanVaultNotificationKeyBE01BD22']);
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual(['PlanVaultNotifications3BE02E9F']);
  });

  test('synthesizes the same plan under the empty feature-flag context', () => {
    // GIVEN no feature flags at all
    const { stack } = testStack({ context: 'empty' });
    // WHEN
    new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } })] },
    });
    t.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ LockConfiguration: { MinRetentionDays: 35 } }) });
    t.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    const plan = new SecureBackupPlan(stack, 'Plan', { selectionTags: TAGS, taggedResourceTypes: [BackupResourceType.EFS] });
    plan.protect(table(stack));
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
