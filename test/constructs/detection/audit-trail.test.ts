import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ObjectLockMode } from '../../../constructs/data/secure-bucket';
import { AuditTrail } from '../../../constructs/detection/audit-trail';
import { SecurityAlarms } from '../../../constructs/detection/security-alarms';
import { SecurityAlerts } from '../../../constructs/detection/security-alerts';
import { testStack } from '../../util/stack';

const TRAIL_NAME = 'TestStack-AuditTrail-CFD7F5FB';
const TRAIL_ARN = `arn:aws:cloudtrail:eu-west-1:111122223333:trail/${TRAIL_NAME}`;

function statements(t: Template, type: string, policyProp: string): any[] {
  return Object.values(t.findResources(type)).flatMap((r: any) => r.Properties[policyProp].Statement);
}

describe('AuditTrail', () => {
  test('defaults: a multi-Region, validated trail of all management events, encrypted and retained', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudTrail::Trail', 1);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
    t.hasResource('AWS::CloudTrail::Trail', {
      DeletionPolicy: 'Retain',
      Properties: {
        TrailName: TRAIL_NAME,
        IsLogging: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
        IsOrganizationTrail: false,
        EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
        KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditTrailKey'), 'Arn'] },
        S3BucketName: { Ref: Match.stringLikeRegexp('^AuditTrailBucket') },
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditTrailLogGroup'), 'Arn'] },
        CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditTrailLogsRole'), 'Arn'] },
      },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^AuditTrailBucketPolicy'), Match.stringLikeRegexp('^AuditTrailKey')]),
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/audit-logs' });
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditTrailKey'), 'Arn'] } },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('the trail bucket is SSE-KMS with the trail key, Object Lock GOVERNANCE 365 days and access-logged', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const trail = new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditTrailKey'), 'Arn'] },
              },
            }),
          ],
        },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: { Ref: Match.stringLikeRegexp('^AuditTrailBucketAccessLogs') } }),
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    });
    expect(trail.bucket?.accessLogsBucket).toBeDefined();
  });

  test('the key lets only CloudTrail, for this trail, use it, and nobody decrypt through the key policy', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudTrailToEncryptLogsOfThisTrail',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:SourceArn': TRAIL_ARN },
              StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:111122223333:trail/*' },
            },
          },
          {
            Sid: 'AllowCloudTrailBucketKeyDecryptForThisTrail',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
          },
          {
            Sid: 'AllowCloudTrailToDescribeKey',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:DescribeKey',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
          },
        ]),
      },
    });
    // Decrypt is allowed only to CloudWatch Logs (its own log group), CloudTrail (this trail, for the S3
    // Bucket Key) and the principal that creates or updates the trail, through CloudTrail only. Never
    // to a person directly, nor through S3 (which would let log files be read).
    const decrypters = statements(t, 'AWS::KMS::Key', 'KeyPolicy')
      .filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a: string) => a.startsWith('kms:Decrypt')))
      .map((s) => s.Principal);
    expect(decrypters).toEqual([
      { Service: 'cloudtrail.amazonaws.com' },
      { AWS: 'arn:aws:iam::111122223333:root' },
      { Service: 'logs.eu-west-1.amazonaws.com' },
    ]);
  });

  test('the principal that creates or updates the trail may decrypt through CloudTrail only (S3 Bucket Key)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const account = statements(Template.fromStack(stack), 'AWS::KMS::Key', 'KeyPolicy').filter((s) => s.Principal?.AWS === 'arn:aws:iam::111122223333:root' && s.Effect === 'Allow');
    expect(account.find((s) => s.Sid === 'AllowTrailSetupThroughCloudTrail')).toEqual({
      Sid: 'AllowTrailSetupThroughCloudTrail',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'cloudtrail.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
    });
    // No other statement lets the account use the key.
    expect(account.map((s) => s.Sid).sort()).toEqual(['AccountAdministersKeyButCannotUseIt', 'AllowTrailSetupThroughCloudTrail']);
  });

  test('the bucket policy admits CloudTrail only for this trail and with bucket-owner-full-control', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    const cloudTrailStatements = statements(t, 'AWS::S3::BucketPolicy', 'PolicyDocument').filter(
      (s) => s.Principal?.Service === 'cloudtrail.amazonaws.com',
    );
    expect(cloudTrailStatements).toEqual([
      {
        Sid: 'AllowCloudTrailAclCheckForThisTrail',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^AuditTrailBucket/), 'Arn'] },
        Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
      },
      {
        Sid: 'AllowCloudTrailWriteForThisTrail',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^AuditTrailBucket/), 'Arn'] }, '/AWSLogs/111122223333/*']] },
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN } },
      },
    ]);
  });

  test('CloudTrail writes to CloudWatch Logs through a role limited to its own log streams', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' })],
      },
      ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('^AuditTrailLogsPolicy') }],
      Policies: Match.absent(),
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'DeliverTrailEventsToItsLogStreams',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:aws:logs:eu-west-1:111122223333:log-group:',
                  { Ref: Match.stringLikeRegexp('^AuditTrailLogGroup') },
                  ':log-stream:111122223333_CloudTrail_*',
                ],
              ],
            },
          },
        ],
      },
    });
  });

  test('all props: name, S3 data events, retention, COMPLIANCE lock, expiration, log bucket, data class', () => {
    // GIVEN
    const { stack } = testStack();
    const accessLogs = new s3.Bucket(stack, 'SharedAccessLogs', { encryption: s3.BucketEncryption.S3_MANAGED });
    // WHEN
    const trail = new AuditTrail(stack, 'AuditTrail', {
      trailName: 'acme-audit',
      dataClass: 'acme-audit',
      s3DataEvents: cloudtrail.ReadWriteType.ALL,
      logRetention: Duration.days(3653),
      objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(400) },
      logFileExpiration: Duration.days(3650),
      accessLogsBucket: accessLogs,
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'acme-audit',
      EventSelectors: [
        { IncludeManagementEvents: true, ReadWriteType: 'All' },
        {
          DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }],
          IncludeManagementEvents: false,
          ReadWriteType: 'All',
        },
      ],
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/acme-audit' });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 3653 });
    t.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 400 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 3650 })] },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: { Ref: Match.stringLikeRegexp('^SharedAccessLogs') } }),
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Condition: Match.objectLike({ StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/acme-audit' } }) }),
        ]),
      },
    });
    t.resourceCountIs('AWS::S3::Bucket', 2);
    expect(trail.trailName).toBe('acme-audit');
    expect(trail.trailArn).toBe('arn:aws:cloudtrail:eu-west-1:111122223333:trail/acme-audit');
  });

  test('S3 write data events only (CIS 3.8)', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail', { s3DataEvents: cloudtrail.ReadWriteType.WRITE_ONLY });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: Match.arrayWith([
        Match.objectLike({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }], ReadWriteType: 'WriteOnly' }),
      ]),
    });
  });

  test('stands on an existing organization trail: no trail, bucket, key or log group, and the given log group exposed', () => {
    // GIVEN
    const { stack } = testStack();
    const orgLogs = logs.LogGroup.fromLogGroupName(stack, 'OrgTrailLogs', 'aws-controltower/CloudTrailLogs');
    // WHEN
    const trail = new AuditTrail(stack, 'AuditTrail', { organizationTrailLogGroup: orgLogs });
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:111122223333:alerts') });
    // THEN
    const t = Template.fromStack(stack);
    for (const type of ['AWS::CloudTrail::Trail', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::IAM::Role']) {
      t.resourceCountIs(type, 0);
    }
    expect(trail.logGroup).toBe(orgLogs);
    expect(trail.trail).toBeUndefined();
    expect(trail.bucket).toBeUndefined();
    t.allResourcesProperties('AWS::Logs::MetricFilter', { LogGroupName: 'aws-controltower/CloudTrailLogs' });
  });

  test('the CIS alarms watch the log group of a trail it defines', () => {
    const { stack } = testStack();
    const trail = new AuditTrail(stack, 'AuditTrail');
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:111122223333:alerts') });
    Template.fromStack(stack).allResourcesProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^AuditTrailLogGroup') },
    });
  });

  test('fails when trail props are given with organizationTrailLogGroup', () => {
    const { stack } = testStack();
    const orgLogs = logs.LogGroup.fromLogGroupName(stack, 'OrgTrailLogs', 'org-trail');
    expect(
      () => new AuditTrail(stack, 'AuditTrail', { organizationTrailLogGroup: orgLogs, trailName: 'x-trail', s3DataEvents: cloudtrail.ReadWriteType.ALL }),
    ).toThrow(/AuditTrail\.InvalidProps[\s\S]*trailName, s3DataEvents configure the trail .* organizationTrailLogGroup was given.*drop organizationTrailLogGroup/);
  });

  test('fails when the trail name is not a valid trail name', () => {
    const { stack } = testStack();
    expect(() => new AuditTrail(stack, 'AuditTrail', { trailName: 'audit trail!' })).toThrow(
      /trailName must be 3-128 letters.*got "audit trail!"/,
    );
  });

  test('fails when retention is below 365 days without an explicit override', () => {
    const { stack } = testStack();
    expect(() => new AuditTrail(stack, 'AuditTrail', { logRetention: Duration.days(90) })).toThrow(
      /AuditTrail\.InvalidProps[\s\S]*logRetention must be at least 365 days, got 90 days.*allowShortRetention: true/,
    );
  });

  test('fails when logRetention is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new AuditTrail(stack, 'AuditTrail', { logRetention: Duration.hours(36) })).toThrow(
      /logRetention must be a whole number of days.*Duration\.days\(2\)/,
    );
  });

  test('a logRetention CloudWatch Logs does not offer is rounded up to the next value it does', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail', { logRetention: Duration.days(420) });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 545 });
  });

  test('a short retention with the override warns', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail', { logRetention: Duration.days(90), allowShortRetention: true });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    Annotations.fromStack(stack).hasWarning(
      '/TestStack/AuditTrail/LogGroup',
      Match.stringLikeRegexp('ack: cdk-security-baseline:logGroup.shortRetention'),
    );
  });

  test('an Object Lock shorter than 365 days warns', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail', { objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(30) } });
    Annotations.fromStack(stack).hasWarning(
      '/TestStack/AuditTrail',
      Match.stringLikeRegexp('objectLock.retention is 30 days.*ack: cdk-security-baseline:auditTrail.shortObjectLock'),
    );
  });

  test('fails when the log files would expire while still locked', () => {
    const { stack } = testStack();
    expect(() => new AuditTrail(stack, 'AuditTrail', { logFileExpiration: Duration.days(90) })).toThrow(
      /AuditTrail\.InvalidProps[\s\S]*logFileExpiration \(90 days\) is shorter than the trail bucket's Object Lock retention \(365 days, the default\).*logFileExpiration: Duration\.days\(365\)/,
    );
  });

  test('fails when logFileExpiration is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new AuditTrail(stack, 'AuditTrail', { logFileExpiration: Duration.hours(12) })).toThrow(
      /AuditTrail\.InvalidProps[\s\S]*logFileExpiration must be a whole number of days/,
    );
  });

  test('grantRead() grants the bucket and decrypt on the key to a named reviewer', () => {
    // GIVEN
    const { stack } = testStack();
    const trail = new AuditTrail(stack, 'AuditTrail');
    const reviewer = new iam.Role(stack, 'Reviewer', { assumedBy: new iam.AccountRootPrincipal() });
    // WHEN
    trail.grantRead(reviewer);
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Reviewer') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['s3:GetObject*', 's3:List*']), Effect: 'Allow' }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Reviewer'), 'Arn'] } },
          }),
        ]),
      },
    });
  });

  test('grantRead() fails on an existing trail, whose bucket is defined elsewhere', () => {
    const { stack } = testStack();
    const trail = new AuditTrail(stack, 'AuditTrail', {
      organizationTrailLogGroup: logs.LogGroup.fromLogGroupName(stack, 'Org', 'org-trail'),
    });
    expect(() => trail.grantRead(new iam.Role(stack, 'Reviewer', { assumedBy: new iam.AccountRootPrincipal() }))).toThrow(
      /AuditTrail\.NoBucket/,
    );
  });

  test('pins the logical ids of the trail, its bucket, key and log group', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::CloudTrail::Trail'))).toEqual(['AuditTrail49D399D8']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['AuditTrailKeyA4D56A7A']);
    expect(Object.keys(t.findResources('AWS::Logs::LogGroup'))).toEqual(['AuditTrailLogGroupCCC93678']);
    expect(Object.keys(t.findResources('AWS::S3::Bucket')).sort()).toEqual([
      'AuditTrailBucketAccessLogsC13AE187',
      'AuditTrailBucketFE378805',
    ]);
  });

  test('synthesizes the same security settings without feature flags (empty context)', () => {
    // GIVEN
    const { stack } = testStack({ context: 'empty' });
    // WHEN
    new AuditTrail(stack, 'AuditTrail');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: TRAIL_NAME,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KMSKeyId: Match.anyValue(),
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
    t.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
    });
  });

  test('passes the built-in CloudFormation validator, with the CIS alarms and alerts around it', () => {
    // GIVEN: the schema validator on
    const { app, stack } = testStack({ cfnValidation: true });
    // WHEN
    const trail = new AuditTrail(stack, 'AuditTrail', { s3DataEvents: cloudtrail.ReadWriteType.WRITE_ONLY });
    const alerts = new SecurityAlerts(stack, 'Alerts', {
      emails: ['secops@example.com'],
      slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
    });
    alerts.addEventRoute('RootSignIn', {
      eventPattern: { detailType: ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } },
      message: events.RuleTargetInput.fromText(`Root sign-in from ${events.EventField.fromPath('$.detail.sourceIPAddress')}`),
    });
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'AuditTrail');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
