import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { duplicates, logRetention, noEffect, oneOf, samePartition, sameRegion, wholeDays } from '../../lib/validation';

describe('wholeDays', () => {
  test('returns whole days', () => {
    const problems: string[] = [];
    expect(wholeDays('retention', Duration.days(30), problems)).toBe(30);
    expect(wholeDays('retention', Duration.hours(48), problems)).toBe(2);
    expect(problems).toEqual([]);
  });

  test('fails when the duration is not a whole number of days', () => {
    const problems: string[] = [];
    expect(wholeDays('retention', Duration.hours(36), problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^retention must be a whole number of days, got 1 day 12 hours \(1\.5 days\); use Duration\.days\(2\)/);
  });

  test('skips undefined and tokens', () => {
    const problems: string[] = [];
    expect(wholeDays('retention', undefined, problems)).toBeUndefined();
    expect(wholeDays('retention', Duration.days(Lazy.number({ produce: () => 3 })), problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

describe('logRetention', () => {
  test('maps an allowed value to itself and others (420 days) upward to the next allowed value', () => {
    const problems: string[] = [];
    expect(logRetention('logRetention', Duration.days(365), problems)).toBe(logs.RetentionDays.ONE_YEAR);
    expect(logRetention('logRetention', Duration.days(420), problems)).toBe(logs.RetentionDays.EIGHTEEN_MONTHS);
    expect(logRetention('logRetention', Duration.days(2), problems)).toBe(logs.RetentionDays.THREE_DAYS);
    expect(problems).toEqual([]);
  });

  test('fails when the retention is longer than CloudWatch Logs allows', () => {
    const problems: string[] = [];
    expect(logRetention('logRetention', Duration.days(4000), problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^logRetention must be between 1 and 3653 days, got 4000 days; CloudWatch Logs accepts 1, 3, 5, .*3653 days/);
  });

  test('fails when the retention is zero days', () => {
    const problems: string[] = [];
    expect(logRetention('logRetention', Duration.days(0), problems)).toBeUndefined();
    expect(problems[0]).toMatch(/^logRetention must be between 1 and 3653 days, got 0 days/);
  });
});

describe('noEffect', () => {
  test('fails when a prop is set that another prop makes meaningless', () => {
    const problems: string[] = [];
    noEffect('inspectorResourceTypes', ['EC2'], problems, 'inspector is false', 'set inspector: true or remove it');
    expect(problems).toEqual([
      'inspectorResourceTypes would have no effect because inspector is false (got ["EC2"]); set inspector: true or remove it',
    ]);
  });

  test('accepts an unset prop', () => {
    const problems: string[] = [];
    noEffect('inspectorResourceTypes', undefined, problems, 'inspector is false', 'set inspector: true');
    expect(problems).toEqual([]);
  });
});

describe('duplicates', () => {
  test('fails when an entry is listed twice', () => {
    const problems: string[] = [];
    duplicates('availabilityZones', ['a', 'b', 'a', 'a'], problems);
    expect(problems).toEqual(['availabilityZones lists "a" more than once (got ["a","b","a","a"]); list each entry once']);
  });

  test('uses the key function', () => {
    const problems: string[] = [];
    duplicates('rules', [{ n: 'x' }, { n: 'X' }], problems, (r) => r.n.toLowerCase());
    expect(problems[0]).toMatch(/^rules lists "x" more than once/);
  });

  test('accepts distinct entries', () => {
    const problems: string[] = [];
    duplicates('availabilityZones', ['a', 'b'], problems);
    expect(problems).toEqual([]);
  });
});

describe('oneOf', () => {
  test('fails when a string is not one of the allowed values', () => {
    const problems: string[] = [];
    expect(oneOf('objectLockMode', 'compliance', ['GOVERNANCE', 'COMPLIANCE'], problems)).toBe(false);
    expect(problems).toEqual(['objectLockMode must be one of "GOVERNANCE", "COMPLIANCE", got "compliance"']);
  });

  test('accepts allowed values and undefined', () => {
    const problems: string[] = [];
    expect(oneOf('objectLockMode', 'COMPLIANCE', ['GOVERNANCE', 'COMPLIANCE'], problems)).toBe(true);
    expect(oneOf('objectLockMode', undefined, ['GOVERNANCE'], problems)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('sameRegion', () => {
  test('fails when a key is in another Region than the construct', () => {

    const app = new App();
    const stack = new Stack(app, 'S', { env: { account: '111122223333', region: 'eu-west-1' } });
    const key = kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const problems: string[] = [];
    sameRegion('encryptionKey', key, stack, problems);
    expect(problems).toEqual([
      'encryptionKey must be in eu-west-1, the Region of the resource it serves, got one in us-east-1; ' +
        'AWS rejects it at deploy time. Pass one from eu-west-1 (for a key, a multi-Region replica in eu-west-1 works)',
    ]);
    const same = kms.Key.fromKeyArn(stack, 'L', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const none: string[] = [];
    sameRegion('encryptionKey', same, stack, none);
    expect(none).toEqual([]);
  });
});

describe('samePartition', () => {
  test('fails when an ARN is in another partition than the stack', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111122223333', region: 'eu-west-1' } });
    const problems: string[] = [];
    samePartition('copies[0].destinationVaultArn', 'arn:aws-cn:backup:cn-north-1:111122223333:backup-vault:v', stack, problems);
    expect(problems[0]).toMatch(/^copies\[0\]\.destinationVaultArn must be in the aws partition, like this stack \(eu-west-1\), got .* in aws-cn; .*same partition/);
    const none: string[] = [];
    samePartition('copies[0].destinationVaultArn', 'arn:aws:backup:us-east-1:111122223333:backup-vault:v', stack, none);
    expect(none).toEqual([]);
  });
});
