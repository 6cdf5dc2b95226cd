import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Bastion } from '../../../../constructs/network/bastion';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ssm/session-logging';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { cfnPreferences, preferences, template, unknown } from './fixtures';

describe('SSM.SessionLogging', () => {
  test('Compliant: Bastion defaults (sessions to a SecureLogGroup, encrypted)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: L1 document logging to an L2 log group and an L2 bucket', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { cloudWatchLogGroupName: new logs.LogGroup(stack, 'Logs').logGroupName, s3BucketName: new s3.Bucket(stack, 'Sessions').bucketName });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 document logging to S3 only', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { cloudWatchLogGroupName: '', s3BucketName: 'acme-session-logs', s3EncryptionEnabled: true });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with string booleans', () => {
    expectPass(rule, template({ Prefs: preferences({ cloudWatchEncryptionEnabled: 'true' }) }));
  });

  test('Non-compliant 1: Bastion preferences whose CloudWatch encryption is turned off by an escape hatch', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    bastion.sessionPreferencesDocument!.addPropertyOverride('Content.inputs.cloudWatchEncryptionEnabled', false);
    expectFail(rule, stack, /cloudWatchEncryptionEnabled is not true/);
  });

  test('Non-compliant 2: raw L1 document without a log destination', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { cloudWatchLogGroupName: '', s3BucketName: '' });
    expectFail(rule, stack, /sessions are not logged/);
  });

  test('Non-compliant 3: hand-written template logging to S3 without requiring encryption', () => {
    expectFail(rule, template({ Prefs: preferences({ cloudWatchLogGroupName: '', s3BucketName: 'acme-session-logs', s3EncryptionEnabled: false }) }), /s3EncryptionEnabled is not true/);
  });

  test('Non-compliant 4: fails closed when the log group cannot be resolved', () => {
    expectFail(rule, template({ Prefs: preferences({ cloudWatchLogGroupName: unknown('session-logs', '') }) }), /could not resolve/);
  });
});
