import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../../../constructs/data/secure-bucket';
import rule from '../../../../policies/rules/s3/replication';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { bucket, template, unknown } from './fixtures';

const replicationRule = (status: string) => ({ status, destination: { bucket: 'arn:aws:s3:::replica-us-east-1' } });

describe('S3.Replication', () => {
  test('Compliant: L2 bucket with replicationRules to a bucket in another Region', () => {
    const { stack } = testStack();
    const destination = s3.Bucket.fromBucketAttributes(stack, 'Replica', { bucketArn: 'arn:aws:s3:::replica-us-east-1', region: 'us-east-1' });
    new s3.Bucket(stack, 'Bucket', { versioned: true, replicationRules: [{ destination, priority: 1 }] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: SecureBucket defaults (replication needs a second Region, so it is a warning)', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'Data');
    expectFail(rule, stack, /no replication rule/);
  });

  test('Compliant: raw L1 bucket with an enabled rule', () => {
    const { stack } = testStack();
    const role = new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: {} });
    new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: 'Enabled' }, replicationConfiguration: { role: role.attrArn, rules: [replicationRule('Enabled')] } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 bucket whose only rule is Disabled (weakened)', () => {
    const { stack } = testStack();
    new s3.CfnBucket(stack, 'Bucket', { replicationConfiguration: { role: 'arn:aws:iam::111122223333:role/r', rules: [replicationRule('Disabled')] } });
    expectFail(rule, stack, /no replication rule is enabled \(status "Disabled"\)/);
  });

  test('Compliant: hand-written template with one disabled and one enabled rule', () => {
    expectPass(rule, template({ B: bucket({ ReplicationConfiguration: { Role: 'r', Rules: [{ Status: 'Disabled', Destination: { Bucket: 'a' } }, { Status: 'Enabled', Destination: { Bucket: 'b' } }] } }) }));
  });

  test('Non-compliant 3: hand-written bucket without ReplicationConfiguration', () => {
    expectFail(rule, template({ B: bucket() }), /no replication rule/);
  });

  test('Non-compliant 4: fails closed when the rule status cannot be resolved', () => {
    expectFail(rule, template({ B: bucket({ ReplicationConfiguration: { Role: 'r', Rules: [{ Status: unknown('Enabled', 'Disabled'), Destination: { Bucket: 'a' } }] } }) }), /could not resolve/);
  });

  test('Escape hatch: addPropertyOverride adding replication to an L2 bucket passes', () => {
    const { stack } = testStack();
    const b = new s3.Bucket(stack, 'Bucket', { versioned: true });
    (b.node.defaultChild as s3.CfnBucket).addPropertyOverride('ReplicationConfiguration', { Role: 'arn:aws:iam::111122223333:role/r', Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::replica' } }] });
    expectPass(rule, stack);
  });
});
