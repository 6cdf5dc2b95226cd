import { Severity, asList, defineRule, describe, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * S3 buckets replicate their objects (a `ReplicationConfiguration` with at least one enabled rule), so a
 * copy survives the loss of the bucket or its Region. A warning: the destination bucket (normally in a
 * second Region or account) is outside a single-Region stack, so not every bucket can meet it from here.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html
 */
export default defineRule({
  id: 'S3.Replication',
  severity: Severity.WARNING,
  title: 'S3 buckets replicate their objects to another bucket',
  fix: 'Add a ReplicationConfiguration with an enabled rule to a bucket in another Region (s3.Bucket replicationRules, versioned: true)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'nist-800-53-r5': ['CP-6(a)', 'CP-6(1)', 'CP-6(2)', 'CP-9(a)', 'CP-10', 'SC-36'],
    'hipaa': ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
    'iso-27001-2022': ['A.8.13', 'A.8.14'],
    'nist-csf-2.0': ['PR.DS-11', 'RC.RP-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
  },
  check: (bucket) => {
    const rules = bucket.get('ReplicationConfiguration.Rules');
    if (isUnresolved(rules)) return unresolved('the bucket\'s replication rules', rules, 'ReplicationConfiguration.Rules');
    const list = asList(rules);
    if (list.length === 0) return fail('the bucket has no replication rule, so its objects exist in one bucket only', 'ReplicationConfiguration');
    for (const [i, rule] of list.entries()) {
      const status = (rule as Record<string, unknown> | undefined)?.Status;
      if (isUnresolved(status)) return unresolved(`the status of replication rule ${i}`, status, `ReplicationConfiguration.Rules.${i}.Status`);
      if (status === 'Enabled') return pass('an enabled replication rule copies the bucket\'s objects');
    }
    return fail(`no replication rule is enabled (status ${list.map((r) => describe((r as Record<string, unknown> | undefined)?.Status)).join(', ')})`, 'ReplicationConfiguration.Rules');
  },
});
