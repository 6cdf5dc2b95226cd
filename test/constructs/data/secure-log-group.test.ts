import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SecureLogGroup } from '../../../constructs/data/secure-log-group';
import { testStack } from '../../util/stack';

describe('SecureLogGroup', () => {
  test('defaults: one-year retention, CMK, retained', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureLogGroup(stack, 'Logs');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogsKey'), 'Arn'] } },
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/logs' });
  });

  test('the key admits CloudWatch Logs only for this account and Region', () => {
    const { stack } = testStack();
    new SecureLogGroup(stack, 'Logs');
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111122223333:log-group:*',
              },
            },
          }),
        ]),
      },
    });
  });

  test('all props: name, longer retention, existing key', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'OwnKey', { enableKeyRotation: true });
    new SecureLogGroup(stack, 'Logs', { logGroupName: '/baseline/app', retention: Duration.days(3653), encryptionKey: key });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/baseline/app', RetentionInDays: 3653 });
    t.resourceCountIs('AWS::KMS::Key', 1);
  });

  test('fails when retention is below 365 days without the override', () => {
    const { stack } = testStack();
    expect(() => new SecureLogGroup(stack, 'Logs', { retention: Duration.days(30) })).toThrow(
      /retention must be at least 365 days, got 30 days.*allowShortRetention: true/,
    );
  });

  test('short retention with the override warns', () => {
    const { stack } = testStack();
    new SecureLogGroup(stack, 'Logs', { retention: Duration.days(30), allowShortRetention: true });
    Annotations.fromStack(stack).hasWarning('/TestStack/Logs', Match.stringLikeRegexp('ack: cdk-security-baseline:logGroup.shortRetention'));
  });

  test('rounds a retention CloudWatch Logs does not accept up to the next accepted value', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecureLogGroup(stack, 'Logs', { retention: Duration.days(420) });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 545 });
  });

  test('fails when retention is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new SecureLogGroup(stack, 'Logs', { retention: Duration.hours(400 * 24 + 1) })).toThrow(
      /SecureLogGroup.InvalidProps[\s\S]*retention must be a whole number of days, got .*; use Duration.days\(401\)/,
    );
  });

  test('fails when retention is longer than CloudWatch Logs allows', () => {
    const { stack } = testStack();
    expect(() => new SecureLogGroup(stack, 'Logs', { retention: Duration.days(4000) })).toThrow(
      /retention must be between 1 and 3653 days, got 4000 days; CloudWatch Logs accepts/,
    );
  });

  test('fails when encryptionKey is in another Region than the log group', () => {
    const { stack } = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => new SecureLogGroup(stack, 'Logs', { encryptionKey: key })).toThrow(
      /SecureLogGroup.InvalidProps[\s\S]*encryptionKey must be in eu-west-1, the Region of the resource it serves, got one in us-east-1/,
    );
  });

  test('fails when the log group name is malformed', () => {
    const { stack } = testStack();
    expect(() => new SecureLogGroup(stack, 'Logs', { logGroupName: 'bad name!' })).toThrow(/logGroupName may contain only.*"bad name!"/);
  });

  test('fails when both encryptionKey and dataClass are given', () => {
    const { stack } = testStack();
    const key = new kms.Key(stack, 'OwnKey');
    expect(() => new SecureLogGroup(stack, 'Logs', { encryptionKey: key, dataClass: 'x' })).toThrow(/pass one or the other/);
  });

  test('pins logical ids of the log group and key', () => {
    const { stack } = testStack();
    new SecureLogGroup(stack, 'Logs');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::Logs::LogGroup'))).toEqual(['Logs59B087BB']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['LogsKeyB5D1D597']);
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SecureLogGroup(stack, 'Logs');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
