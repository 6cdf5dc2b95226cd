import { CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DataKey } from '../../../constructs/data/data-key';
import { ObjectLockMode, SecureBucket, SecureBucketProps } from '../../../constructs/data/secure-bucket';
import { testStack } from '../../util/stack';

/** The data bucket (the one that logs to the other). */
function dataBucket(t: Template): any {
  return Object.values(t.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }))[0];
}

/** Every statement of every bucket policy in the template. */
function policyStatements(t: Template): any[] {
  return Object.values(t.findResources('AWS::S3::BucketPolicy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

function expectInvalid(props: SecureBucketProps, message: RegExp): void {
  const { stack } = testStack();
  expect(() => new SecureBucket(stack, 'Data', props)).toThrow(message);
}

describe('SecureBucket', () => {
  test('defaults: SSE-KMS with a DataKey and bucket key, private, versioned, lifecycle, retained', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const secure = new SecureBucket(stack, 'Data');
    // THEN
    expect(secure.dataKey).toBeDefined();
    expect(secure.encryptionKey).toBe(secure.dataKey?.key);
    expect(secure.bucket.encryptionKey).toBe(secure.encryptionKey);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::S3::Bucket', 2);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/data' });
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] },
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
        LifecycleConfiguration: {
          Rules: [
            {
              Id: 'BaselineVersionsAndUploads',
              Status: 'Enabled',
              NoncurrentVersionExpiration: { NoncurrentDays: 365 },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            },
          ],
        },
        ObjectLockEnabled: Match.absent(),
        AccessControl: Match.absent(),
      }),
    });
    expect(dataBucket(t).Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBeUndefined();
  });

  test('the bucket policy denies requests without TLS and with TLS older than 1.2', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data');
    const statements = policyStatements(Template.fromStack(stack));
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
        }),
      ]),
    );
    // Both denies exist for both buckets (the data bucket and the log bucket).
    expect(statements.filter((s) => s.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.2)).toHaveLength(2);
    expect(statements.filter((s) => s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toHaveLength(2);
  });

  test('server access logs go to an SSE-S3 log bucket that admits only this bucket, partitioned by date', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data', { accessLogsPrefix: 'data/' });
    const t = Template.fromStack(stack);
    expect(dataBucket(t).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^DataAccessLogs/) },
      LogFilePrefix: 'data/',
      TargetObjectKeyFormat: { PartitionedPrefix: { PartitionDateSource: 'EventTime' } },
    });
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: Match.absent(),
        ObjectLockEnabled: Match.absent(),
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ Id: 'BaselineAccessLogRetention', ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 90 } })],
        },
      }),
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^DataAccessLogs') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^DataAccessLogs'), 'Arn'] }, '/data/*']] },
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333' },
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataBucket'), 'Arn'] } },
            },
          }),
        ]),
      },
    });
  });

  test('all props: own key, name, lifecycle, Object Lock, shared log bucket, passthrough', () => {
    // GIVEN
    const { stack } = testStack();
    const key = new DataKey(stack, 'TrailKey', { dataClass: 'trail' });
    const shared = new SecureBucket(stack, 'First', { dataClass: 'first' });
    // WHEN
    const secure = new SecureBucket(stack, 'Data', {
      encryptionKey: key.key,
      bucketName: 'acme-records-prod',
      noncurrentVersionExpiration: Duration.days(30),
      expiration: Duration.days(400),
      objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(180) },
      accessLogsBucket: shared.accessLogsBucket,
      accessLogsPrefix: 'records/',
      bucketProps: {
        minimumTLSVersion: 1.3,
        lifecycleRules: [{ id: 'Tiering', transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] }],
        cors: [{ allowedMethods: [s3.HttpMethods.GET], allowedOrigins: ['https://example.com'] }],
      },
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::S3::Bucket', 3); // two data buckets and one shared log bucket
    t.resourceCountIs('AWS::KMS::Key', 2);
    expect(secure.dataKey).toBeUndefined();
    expect(secure.encryptionKey).toBe(key.key);
    expect(secure.accessLogsBucket).toBe(shared.accessLogsBucket);
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'acme-records-prod',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailKey'), 'Arn'] } } }),
        ],
      },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 180 } } },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({ Id: 'BaselineVersionsAndUploads', ExpirationInDays: 400, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
          Match.objectLike({ Id: 'Tiering', Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }] }),
        ],
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: { Ref: Match.stringLikeRegexp('^FirstAccessLogs') }, LogFilePrefix: 'records/' }),
      CorsConfiguration: Match.anyValue(),
    });
    const statements = policyStatements(t);
    expect(statements.filter((s) => s.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.3)).toHaveLength(1);
    // The shared log bucket admits both source buckets, each by ARN.
    const logStatements = statements.filter((s) => s.Principal?.Service === 'logging.s3.amazonaws.com');
    expect(logStatements.map((s) => s.Condition.ArnLike['aws:SourceArn']['Fn::GetAtt'][0])).toEqual([
      expect.stringMatching(/^FirstBucket/),
      expect.stringMatching(/^DataBucket/),
    ]);
  });

  test('COMPLIANCE mode renders the mode and days', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data', { objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(2555) } });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2555 } } },
    });
  });

  test('accessLogsRetention sets the expiry of the log bucket', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data', { accessLogsRetention: Duration.days(2557) });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'BaselineAccessLogRetention', ExpirationInDays: 2557 })] },
    });
  });

  test('bucket grants also grant the DataKey, in its key policy', () => {
    // GIVEN
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    // WHEN
    secure.bucket.grantReadWrite(role);
    // THEN: the key part is the bucket's own grant, so SecureBucket adds no grant methods of its own.
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Reader'), 'Arn'] } },
            Action: Match.arrayWith(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*']),
          }),
        ]),
      },
    });
  });

  describe('grants across stacks (the README layout: a bucket stack, a Lambda role in another)', () => {
    const lambdaRole = (scope: Stack) => new iam.Role(scope, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    test('same stack: the role is named in the key policy, and the key admits nobody through S3', () => {
      // GIVEN
      const { stack } = testStack();
      const records = new SecureBucket(stack, 'Records');
      // WHEN
      records.bucket.grantRead(lambdaRole(stack));
      // THEN
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({ Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Reader'), 'Arn'] } }, Action: Match.arrayWith(['kms:Decrypt']) }),
          ]),
        },
      });
      expect(JSON.stringify(t.findResources('AWS::KMS::Key'))).not.toMatch(/kms:ViaService|AllowAccountUseForCrossStackGrants/);
    });

    test('two stacks: synthesizes without a cycle; the grant is in the role policy and the key admits the account through S3 only', () => {
      // GIVEN
      const { app, stack } = testStack();
      const records = new SecureBucket(stack, 'Records');
      const appStack = new Stack(app, 'AppStack', { env: { account: '111122223333', region: 'eu-west-1' } });
      const role = lambdaRole(appStack);
      // WHEN
      records.bucket.grantRead(role);
      // THEN: the assembly synthesizes (aws-cdk-lib's own grant would name the role in the key policy:
      // "'TestStack' depends on 'AppStack' ... cyclic reference").
      expect(() => app.synth()).not.toThrow();
      const keyPolicy = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
      expect(JSON.stringify(keyPolicy)).not.toMatch(/Reader|ImportValue/);
      expect(keyPolicy.Statement).toContainEqual({
        Sid: 'AllowAccountUseForCrossStackGrants',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
      });
      // The role's own policy carries the key and the bucket, nothing wider.
      const rolePolicy = Object.values(Template.fromStack(appStack).findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
      const keyGrant = rolePolicy.find((st: any) => JSON.stringify(st.Action) === JSON.stringify(['kms:Decrypt', 'kms:DescribeKey']));
      expect(keyGrant).toMatchObject({ Effect: 'Allow' });
      expect(JSON.stringify(keyGrant.Resource)).toMatch(/RecordsKey[0-9A-F]{8}Arn/);
      expect(rolePolicy.some((st: any) => [st.Action].flat().includes('s3:GetObject*'))).toBe(true);
    });

    test('two stacks: a second grant adds only its own actions to the one statement', () => {
      const { app, stack } = testStack();
      const records = new SecureBucket(stack, 'Records');
      const appStack = new Stack(app, 'AppStack', { env: { account: '111122223333', region: 'eu-west-1' } });
      records.bucket.grantRead(lambdaRole(appStack));
      records.bucket.grantWrite(new iam.Role(appStack, 'Writer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
      expect(() => app.synth()).not.toThrow();
      const statements = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
      const crossStack = statements.filter((st: any) => st.Sid === 'AllowAccountUseForCrossStackGrants');
      expect(crossStack).toHaveLength(1);
      expect([crossStack[0].Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*']);
    });
  });

  test('consumers can add service statements to the bucket policy', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    secure.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailWrite',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [secure.bucket.arnForObjects('AWSLogs/111122223333/*')],
      }),
    );
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^DataBucket') },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AWSCloudTrailWrite' })]) },
    });
  });

  test('object events are routed through EventBridge; addEventNotification is refused with the way to do it', () => {
    const { stack } = testStack();
    const secure = new SecureBucket(stack, 'Data');
    const topic = new sns.Topic(stack, 'Topic');
    expect(() => secure.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SnsDestination(topic))).toThrow(
      /SecureBucket.UnsupportedNotification.*events\.Rule/s,
    );
    // enableEventBridgeNotification() is already true and defines nothing.
    secure.bucket.enableEventBridgeNotification();
    new events.Rule(stack, 'OnCreate', {
      eventPattern: { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [secure.bucket.bucketName] } } },
    });
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::S3BucketNotifications', 0);
    t.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('the Object Lock finding is acknowledged only when objectLock is not set', () => {
    // GIVEN
    const { stack } = testStack();
    const acks = (b: SecureBucket) =>
      b.bucket.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.keys(m.data));
    // WHEN
    const plain = new SecureBucket(stack, 'Plain');
    const locked = new SecureBucket(stack, 'Locked', {
      dataClass: 'locked',
      objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(30) },
    });
    // THEN
    expect(acks(plain)).toContain('cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check');
    expect(acks(locked)).not.toContain('cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check');
    expect(acks(locked)).toContain('HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled');
  });

  test('the replication finding is not acknowledged when replication rules are given', () => {
    const { stack } = testStack();
    const destination = s3.Bucket.fromBucketArn(stack, 'Dest', 'arn:aws:s3:::acme-replica');
    const secure = new SecureBucket(stack, 'Data', {
      bucketProps: { replicationRules: [{ destination, priority: 1 }] },
    });
    const ids = secure.bucket.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.keys(m.data));
    expect(ids).not.toContain('HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled');
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { ReplicationConfiguration: Match.anyValue() });
  });

  test('pins the logical ids of the buckets and the key', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::S3::Bucket')).sort()).toEqual(['DataAccessLogsC0C25EE4', 'DataBucketE6B0FAA8']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['DataKey5F086070']);
  });

  test('the same secure settings under the empty feature-flag context', () => {
    // GIVEN: no feature flags at all (no @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy either)
    const { stack } = testStack({ context: 'empty' });
    // WHEN
    new SecureBucket(stack, 'Data');
    // THEN: log delivery is still granted by bucket policy, never by ACL
    const t = Template.fromStack(stack);
    expect(Object.values(t.findResources('AWS::S3::Bucket')).map((b: any) => b.Properties.AccessControl)).toEqual([undefined, undefined]);
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'logging.s3.amazonaws.com' } })]) },
    });
    expect(dataBucket(t).Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(policyStatements(t).filter((s) => s.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.2)).toHaveLength(2);
  });

  test('a log bucket in another stack is admitted by account, without a cyclic reference', () => {
    // GIVEN
    const { app, stack } = testStack();
    const logStack = new Stack(app, 'LogStack', { env: { account: '111122223333', region: 'eu-west-1' } });
    const logs = new s3.Bucket(logStack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    // WHEN
    new SecureBucket(stack, 'Data', { accessLogsBucket: logs });
    // THEN
    Template.fromStack(logStack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: Match.objectEquals({ StringEquals: { 'aws:SourceAccount': '111122223333' } }),
          }),
        ]),
      },
    });
    expect(() => app.synth()).not.toThrow();
  });

  test('warns when the given log bucket cannot be changed (imported)', () => {
    const { stack } = testStack();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'acme-access-logs');
    new SecureBucket(stack, 'Data', { accessLogsBucket: imported });
    Annotations.fromStack(stack).hasWarning('/TestStack/Data', Match.stringLikeRegexp('ack: cdk-security-baseline:secureBucket.accessLogsPermission'));
  });

  test('warns when the given log bucket is KMS-encrypted (log delivery supports SSE-S3 only)', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'KmsLogs', { encryptionKey: new kms.Key(stack, 'LogsKey', { enableKeyRotation: true }) });
    new SecureBucket(stack, 'Data', { accessLogsBucket: logs });
    Annotations.fromStack(stack).hasWarning('/TestStack/Data', Match.stringLikeRegexp('ack: cdk-security-baseline:secureBucket.accessLogsBucketKms'));
  });

  test('the passthrough serverAccessLogsBucket alone is used as the log bucket', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    const secure = new SecureBucket(stack, 'Data', { bucketProps: { serverAccessLogsBucket: logs } });
    expect(secure.accessLogsBucket).toBe(logs);
    Template.fromStack(stack).resourceCountIs('AWS::S3::Bucket', 2);
  });

  // Validation: one test per rule.
  test('fails when objectLock retention is 0 days', () => {
    expectInvalid(
      { objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(0) } },
      /SecureBucket.InvalidProps.*objectLock.retention must be a whole number of days from 1 to 36500, got 0 days/s,
    );
  });

  test('fails when objectLock retention is above 100 years', () => {
    expectInvalid(
      { objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(36501) } },
      /objectLock.retention must be a whole number of days from 1 to 36500, got 36501 days/,
    );
  });

  test('a negative objectLock retention cannot even be expressed (Duration refuses it), so 0 is the lower edge', () => {
    expect(() => ({ mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(-1) })).toThrow(/cannot be negative/);
  });

  test('fails when objectLock retention is not whole days', () => {
    expectInvalid({ objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.hours(36) } }, /objectLock.retention must be a whole number of days, got 1 day 12 hours \(1.5 days\); use Duration.days\(2\)/);
  });

  test('fails when noncurrentVersionExpiration is shorter than a day', () => {
    expectInvalid({ noncurrentVersionExpiration: Duration.hours(12) }, /noncurrentVersionExpiration must be a whole number of days, got 12 hours \(0.5 days\); use Duration.days\(1\)/);
  });

  test('fails when noncurrentVersionExpiration is zero', () => {
    expectInvalid({ noncurrentVersionExpiration: Duration.days(0) }, /noncurrentVersionExpiration must be .* got 0 days/);
  });

  test('fails when expiration is zero', () => {
    expectInvalid({ expiration: Duration.days(0) }, /expiration must be a whole number of days, at least 1, got 0 days/);
  });

  test('fails when expiration is shorter than the Object Lock retention', () => {
    expectInvalid(
      { expiration: Duration.days(30), objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(365) } },
      /expiration \(30 days\) is shorter than objectLock.retention \(365 days\)/,
    );
  });

  test('fails when a passthrough lifecycle expiration is shorter than the Object Lock retention', () => {
    expectInvalid(
      {
        objectLock: { mode: ObjectLockMode.GOVERNANCE, retention: Duration.days(365) },
        bucketProps: { lifecycleRules: [{ prefix: 'tmp/', expiration: Duration.days(7) }] },
      },
      /bucketProps.lifecycleRules\[0\].expiration \(7 days\) is shorter than objectLock.retention/,
    );
  });

  test('fails when accessLogsBucket and the passthrough serverAccessLogsBucket are both given', () => {
    const { stack } = testStack();
    const a = new s3.Bucket(stack, 'A');
    const b = new s3.Bucket(stack, 'B');
    expect(() => new SecureBucket(stack, 'Data', { accessLogsBucket: a, bucketProps: { serverAccessLogsBucket: b } })).toThrow(
      /accessLogsBucket and bucketProps.serverAccessLogsBucket were both given/,
    );
  });

  test('fails when accessLogsPrefix and the passthrough serverAccessLogsPrefix are both given', () => {
    expectInvalid({ accessLogsPrefix: 'a/', bucketProps: { serverAccessLogsPrefix: 'b/' } }, /accessLogsPrefix "a\/" and bucketProps.serverAccessLogsPrefix "b\/" were both given/);
  });

  test('fails when the passthrough sets the access log key format', () => {
    expectInvalid(
      { bucketProps: { targetObjectKeyFormat: s3.TargetObjectKeyFormat.simplePrefix() } },
      /bucketProps.targetObjectKeyFormat cannot be set.*accessLogsPrefix/,
    );
  });

  test('fails when accessLogsRetention is below 365 days', () => {
    expectInvalid({ accessLogsRetention: Duration.days(90) }, /accessLogsRetention must be at least 365 days \(CIS, PCI DSS 10.5.1\), got 90 days.*pass allowShortRetention: true/);
  });

  test('short accessLogsRetention with allowShortRetention sets the lifecycle rule and warns', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureBucket(stack, 'Data', { accessLogsRetention: Duration.days(90), allowShortRetention: true });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'BaselineAccessLogRetention', ExpirationInDays: 90 })]) },
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Data', Match.stringLikeRegexp('ack: cdk-security-baseline:secureBucket.shortRetention'));
  });

  test('fails when objectLock.mode is not an ObjectLockMode (a string from JavaScript)', () => {
    expectInvalid(
      { objectLock: { mode: 'compliance' as unknown as ObjectLockMode, retention: Duration.days(30) } },
      /SecureBucket.InvalidProps[\s\S]*objectLock.mode must be one of "GOVERNANCE", "COMPLIANCE", got "compliance"/,
    );
  });

  test('fails when encryptionKey is in another Region than the bucket', () => {
    const { stack } = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => new SecureBucket(stack, 'Data', { encryptionKey: key })).toThrow(
      /SecureBucket.InvalidProps[\s\S]*encryptionKey must be in eu-west-1, the Region of the resource it serves, got one in us-east-1.*Pass one from eu-west-1/,
    );
  });

  test.each(['xn--data', 'sthree-data', 'sthree-configurator-x', 'amzn-s3-demo-data', 'data-s3alias', 'data--ol-s3'])(
    'fails when bucketName %s uses a reserved prefix or suffix',
    (bucketName) => {
      expectInvalid({ bucketName }, /SecureBucket.InvalidProps[\s\S]*bucketName must be .*without a reserved prefix \(xn--, sthree-, amzn-s3-demo-\).*use a name such as/);
    },
  );

  test('fails when two buckets share a key alias, naming SecureBucket.dataClass', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'First');
    expect(() => new SecureBucket(stack, 'Second')).toThrow(
      /DataKey.DuplicateAlias[\s\S]*dataClass "data" gives KMS alias alias\/baseline\/data, which TestStack\/First\/Key already uses.*give each SecureBucket its own dataClass, or pass encryptionKey/,
    );
  });

  test('fails when accessLogsRetention is given with accessLogsBucket', () => {
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'Logs');
    expect(() => new SecureBucket(stack, 'Data', { accessLogsBucket: logs, accessLogsRetention: Duration.days(400) })).toThrow(
      /accessLogsRetention applies only to the log bucket SecureBucket defines/,
    );
  });

  test('fails when dataClass is given with encryptionKey', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'K', { dataClass: 'k' });
    expect(() => new SecureBucket(stack, 'Data', { encryptionKey: key.key, dataClass: 'other' })).toThrow(
      /dataClass names the key the bucket defines, but encryptionKey was also given/,
    );
  });

  test.each(['My_Bucket', 'ab', 'acme.records', 'xn--acme', 'acme-s3alias', 'acme--records', '-acme', 'a'.repeat(64)])(
    'fails when bucketName is malformed: %s',
    (name) => {
      expectInvalid({ bucketName: name }, new RegExp(`bucketName must be 3-63 lowercase letters.*got ${JSON.stringify(name).replace(/[.]/g, '\\.')}`, 's'));
    },
  );

  test('fails when bucketName is given twice', () => {
    expectInvalid({ bucketName: 'acme-a', bucketProps: { bucketName: 'acme-b' } }, /bucketProps.bucketName "acme-b" duplicates bucketName "acme-a"/);
  });

  test.each<[string, s3.BucketProps, RegExp]>([
    ['encryption', { encryption: s3.BucketEncryption.S3_MANAGED }, /bucketProps.encryption cannot be set \(got "S3_MANAGED"\).*pass encryptionKey/],
    ['encryptionKey', { encryptionKey: kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:eu-west-1:111122223333:key/1') }, /bucketProps.encryptionKey cannot be set.*pass the key as encryptionKey/],
    ['bucketKeyEnabled false', { bucketKeyEnabled: false }, /bucketProps.bucketKeyEnabled cannot be set \(got false\)/],
    ['publicReadAccess', { publicReadAccess: true }, /bucketProps.publicReadAccess cannot be set \(got true\).*never public/],
    ['blockPublicAccess', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY }, /bucketProps.blockPublicAccess cannot be set.*all four Block Public Access/],
    ['accessControl', { accessControl: s3.BucketAccessControl.LOG_DELIVERY_WRITE }, /bucketProps.accessControl cannot be set \(got "LogDeliveryWrite"\).*ACLs are disabled/],
    ['objectOwnership', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER }, /bucketProps.objectOwnership cannot be set \(got "ObjectWriter"\).*BucketOwnerEnforced/],
    ['enforceSSL false', { enforceSSL: false }, /bucketProps.enforceSSL cannot be set \(got false\)/],
    ['minimumTLSVersion 1.0', { minimumTLSVersion: 1.0 }, /bucketProps.minimumTLSVersion cannot be set \(got 1\).*1.2 or higher/],
    ['versioned false', { versioned: false }, /bucketProps.versioned cannot be set \(got false\).*noncurrentVersionExpiration/],
    ['autoDeleteObjects', { autoDeleteObjects: true }, /bucketProps.autoDeleteObjects cannot be set \(got true\).*use expiration/],
    ['removalPolicy DESTROY', { removalPolicy: RemovalPolicy.DESTROY }, /bucketProps.removalPolicy cannot be set \(got "destroy"\).*RETAIN/],
    ['objectLockEnabled', { objectLockEnabled: true }, /bucketProps.objectLockEnabled\/objectLockDefaultRetention cannot be set.*use objectLock/],
    ['eventBridgeEnabled false', { eventBridgeEnabled: false }, /bucketProps.eventBridgeEnabled cannot be set \(got false\)/],
    ['website', { websiteIndexDocument: 'index.html' }, /bucketProps.website\* cannot be set.*CloudFront/],
  ])('fails when bucketProps weakens an invariant: %s', (_name, bucketProps, message) => {
    expectInvalid({ bucketProps }, message);
  });

  test('collects every problem in one error', () => {
    expectInvalid(
      { bucketName: 'Bad', noncurrentVersionExpiration: Duration.days(0), bucketProps: { versioned: false, autoDeleteObjects: true } },
      /bucketName must[^]*noncurrentVersionExpiration must[^]*versioned cannot[^]*autoDeleteObjects cannot/,
    );
  });

  test('passthrough values that restate an invariant are accepted', () => {
    const { stack } = testStack();
    expect(
      () =>
        new SecureBucket(stack, 'Data', {
          bucketProps: {
            enforceSSL: true,
            versioned: true,
            bucketKeyEnabled: true,
            blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
            objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            removalPolicy: RemovalPolicy.RETAIN,
            autoDeleteObjects: false,
          },
        }),
    ).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  test('token values are not validated', () => {
    const { stack } = testStack();
    const name = new CfnParameter(stack, 'Name').valueAsString;
    new SecureBucket(stack, 'Data', { bucketName: name });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { BucketName: { Ref: 'Name' } });
  });

  test('passes the built-in CloudFormation validator (defaults and Object Lock)', () => {
    // GIVEN: the CloudFormation schema validator on, as in the reference app
    const { app, stack } = testStack({ cfnValidation: true });
    // WHEN
    new SecureBucket(stack, 'Data');
    new SecureBucket(stack, 'Locked', { dataClass: 'locked', objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(30) } });
    // THEN: the validator ran and the synthesized template holds both data buckets
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.keys(template.Resources).filter((id) => /^(Data|Locked)Bucket[0-9A-F]{8}$/.test(id))).toHaveLength(2);
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
