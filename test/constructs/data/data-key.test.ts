import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataKey, KEY_ADMIN_ACTIONS } from '../../../constructs/data/data-key';
import { testStack } from '../../util/stack';

describe('DataKey', () => {
  test('defaults: rotation 365 days, 30-day window, retained, alias from data class', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new DataKey(stack, 'Key', { dataClass: 'customer-data' });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        RotationPeriodInDays: 365,
        PendingWindowInDays: 30,
        MultiRegion: false,
        KeySpec: 'SYMMETRIC_DEFAULT',
      }),
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/customer-data' });
  });

  test('key policy: the account administers but cannot encrypt or decrypt', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'logs' });
    const policy = Template.fromStack(stack).findResources('AWS::KMS::Key');
    const statements = Object.values(policy)[0].Properties.KeyPolicy.Statement;
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatchObject({ Effect: 'Deny', Action: 'kms:CreateGrant', Principal: { AWS: '*' } });
    expect(statements[0].Action).toEqual(KEY_ADMIN_ACTIONS);
    expect(statements[0].Action).toContain('kms:PutKeyPolicy');
    expect(statements[0].Action.join(' ')).not.toMatch(/kms:\*|Encrypt|Decrypt|GenerateDataKey/);
  });

  test('the account keeps administration under the empty feature-flag context', () => {
    const { stack } = testStack({ context: 'empty' });
    new DataKey(stack, 'Key', { dataClass: 'logs' });
    const key = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0];
    expect(key.Properties.KeyPolicy.Statement[0].Action).toEqual(KEY_ADMIN_ACTIONS);
    expect(JSON.stringify(key.Properties.KeyPolicy.Statement[0].Principal)).toContain(':root');
  });

  test('grants to named principals land in the key policy', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'logs' });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    key.grantEncryptDecrypt(role);
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['kms:Decrypt', 'kms:Encrypt']),
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('Role'), 'Arn'] } },
          }),
        ]),
      },
    });
  });

  test('service use is scoped with aws:SourceAccount, source ARN and ViaService', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'logs' });
    key.allowServiceUse({ service: 'logs.eu-west-1.amazonaws.com', sourceArn: 'arn:aws:logs:eu-west-1:111122223333:*', viaService: 'logs.eu-west-1.amazonaws.com' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333', 'kms:ViaService': 'logs.eu-west-1.amazonaws.com' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:logs:eu-west-1:111122223333:*' },
            },
          }),
        ]),
      },
    });
  });

  test('fails when service use has no scoping condition', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'logs' });
    expect(() => key.allowServiceUse({ service: 'sns.amazonaws.com', sourceAccount: false })).toThrow(/DataKey.UnscopedServiceUse.*no scoping condition/s);
  });

  test('all props: rotation, multi-Region, prefix, extra administrators', () => {
    const { stack } = testStack();
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    new DataKey(stack, 'Key', {
      dataClass: 'backup',
      aliasPrefix: 'acme',
      rotationPeriod: Duration.days(90),
      multiRegion: true,
      administrators: [admin],
      description: 'Backup key',
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Key', { RotationPeriodInDays: 90, MultiRegion: true, Description: 'Backup key' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/acme/backup' });
  });

  test('pins the logical id of the key', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'logs' });
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::KMS::Key'))).toEqual(['Key961B73FD']);
  });

  test.each([89, 2561, 0])('fails when the rotation period is %d days', (days) => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'logs', rotationPeriod: Duration.days(days) })).toThrow(
      new RegExp(`rotationPeriod must be a whole number of days from 90 to 2560.*got ${days} days`),
    );
  });

  test('fails when the rotation period is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'logs', rotationPeriod: Duration.hours(100 * 24 + 1) })).toThrow(
      /DataKey.InvalidProps[\s\S]*rotationPeriod must be a whole number of days, got .*; use Duration.days\(101\)/,
    );
  });

  test('fails when the data class is not alias-safe', () => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'Customer Data' })).toThrow(/dataClass must be .*"Customer Data"/);
  });

  test.each(['aws', 'aws/team'])('fails when the alias prefix %s is reserved', (aliasPrefix) => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'logs', aliasPrefix })).toThrow(
      /DataKey.InvalidProps[\s\S]*aliasPrefix must not be 'aws' or start with 'aws\/' \(KMS reserves alias\/aws\/ for AWS managed keys\).*use your organisation's prefix/,
    );
  });

  test('an alias prefix that merely starts with the letters aws is allowed', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'logs', aliasPrefix: 'awesome' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/awesome/logs' });
  });

  test('fails when an administrator is AnyPrincipal', () => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'logs', administrators: [new iam.AnyPrincipal()] })).toThrow(
      /DataKey.InvalidProps[\s\S]*administrators\[0\] must not be AnyPrincipal.*Name the administrator roles/,
    );
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new DataKey(stack, 'Key', { dataClass: 'logs' });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

describe('DataKey.allowAccountUseThroughServices', () => {
  test('admits the account only through the named services in this Region, and grants only for AWS resources', () => {
    // GIVEN
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'orders' });
    // WHEN
    key.allowAccountUseThroughServices({ services: ['rds', 'dynamodb'] });
    // THEN
    const viaService = {
      'kms:ViaService': ['rds.eu-west-1.amazonaws.com', 'dynamodb.eu-west-1.amazonaws.com'],
      'kms:CallerAccount': '111122223333',
    };
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(statements.slice(2)).toEqual([
      {
        Sid: 'AllowAccountUseThroughRdsDynamodb',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        Resource: '*',
        Condition: { StringEquals: viaService },
      },
      {
        Sid: 'AllowAccountUseThroughRdsDynamodbGrants',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'kms:CreateGrant',
        Resource: '*',
        Condition: { StringEquals: viaService, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ]);
  });

  test('a service already admitted with the same actions adds nothing; other actions get their own Sid', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'orders' });
    key.allowAccountUseThroughServices({ services: ['rds'] });
    expect(key.allowAccountUseThroughServices({ services: ['rds'] })).toEqual([]);
    key.allowAccountUseThroughServices({ services: ['rds'], actions: ['kms:Decrypt'], allowGrants: false });
    const sids = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids.slice(2)).toEqual(['AllowAccountUseThroughRds', 'AllowAccountUseThroughRdsGrants', 'AllowAccountUseThroughRds2']);
  });

  test('fails when a service is not an endpoint prefix, or none is given', () => {
    const { stack } = testStack();
    const key = new DataKey(stack, 'Key', { dataClass: 'orders' });
    expect(() => key.allowAccountUseThroughServices({ services: ['rds.eu-west-1.amazonaws.com'] })).toThrow(
      /DataKey.InvalidServiceUse[\s\S]*endpoint prefixes such as 'rds'.*got "rds.eu-west-1.amazonaws.com"/,
    );
    expect(() => key.allowAccountUseThroughServices({ services: [] })).toThrow(/needs at least one service, got \[\]/);
  });

  test('fails when crossStackGrantServices holds something that is not an endpoint prefix', () => {
    const { stack } = testStack();
    expect(() => new DataKey(stack, 'Key', { dataClass: 'orders', crossStackGrantServices: ['S3 '] })).toThrow(/crossStackGrantServices must hold service endpoint prefixes/);
  });
});

describe('DataKey grants across stacks', () => {
  function twoStacks(): { app: App; stack: Stack; other: Stack; role: iam.Role } {
    const { app, stack } = testStack();
    const other = new Stack(app, 'Other', { env: { account: '111122223333', region: 'eu-west-1' } });
    const role = new iam.Role(other, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    return { app, stack, other, role };
  }

  test('fails without crossStackGrantServices, with the way to fix it', () => {
    const { stack, role } = twoStacks();
    const key = new DataKey(stack, 'Key', { dataClass: 'orders' });
    // Admitting the account through another service does not make a cross-stack grant work.
    key.allowAccountUseThroughServices({ services: ['rds'] });
    expect(() => key.grantDecrypt(role)).toThrow(/DataKey.CrossStackGrant[\s\S]*another stack[\s\S]*crossStackGrantServices/);
  });

  test('with crossStackGrantServices the grant goes into the principal policy only, without a cycle', () => {
    const { app, stack, other, role } = twoStacks();
    const key = new DataKey(stack, 'Key', { dataClass: 'orders', crossStackGrantServices: ['dynamodb'] });
    key.grantEncryptDecrypt(role);
    expect(() => app.synth()).not.toThrow();
    const keyPolicy = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
    expect(JSON.stringify(keyPolicy)).not.toMatch(/Other|RoleArn/);
    expect(keyPolicy.Statement).toContainEqual({
      Sid: 'AllowAccountUseForCrossStackGrants',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
    });
    Template.fromStack(other).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'] })] },
    });
  });

  test('a principal of another account keeps aws-cdk-lib\'s grant (named in the key policy)', () => {
    const { app, stack } = testStack();
    const foreign = new Stack(app, 'Foreign', { env: { account: '444455556666', region: 'eu-west-1' } });
    const role = new iam.Role(foreign, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), roleName: 'reader' });
    const key = new DataKey(stack, 'Key', { dataClass: 'orders' });
    key.grantDecrypt(role);
    expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::KMS::Key'))).toMatch(/444455556666/);
  });
});

describe('DataKey aliases', () => {
  test('fails when two keys in one account and Region claim the same alias', () => {
    const { stack } = testStack();
    new DataKey(stack, 'First', { dataClass: 'logs' });
    expect(() => new DataKey(stack, 'Second', { dataClass: 'logs' })).toThrow(
      /DataKey.DuplicateAlias[\s\S]*dataClass "logs" gives KMS alias alias\/baseline\/logs, which TestStack\/First already uses in this account and Region; give each DataKey its own dataClass/,
    );
  });

  test('the same data class in two Regions is fine', () => {
    const { app, stack } = testStack();
    new DataKey(stack, 'First', { dataClass: 'logs' });
    const other = new Stack(app, 'Other', { env: { account: '111122223333', region: 'us-east-1' } });
    new DataKey(other, 'Key', { dataClass: 'logs' });
    Template.fromStack(other).hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/logs' });
  });
});
