import { Duration } from 'aws-cdk-lib';
import { ObjectLockMode, SecureBucket } from '../../constructs/data/secure-bucket';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// One synth checks SecureBucket with default props, and with Object Lock, against cdk-nag's four packs
// and the cfn-guard Control Tower rules.
const result = runConformance({
  SecureBucketDefaults: (stack) => {
    new SecureBucket(stack, 'Data');
  },
  SecureBucketObjectLock: (stack) => {
    new SecureBucket(stack, 'Records', {
      dataClass: 'records',
      objectLock: { mode: ObjectLockMode.COMPLIANCE, retention: Duration.days(365) },
    });
  },
});

describe('conformance: SecureBucket', () => {
  test('every pack ran', () => {
    expect(result.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test.each(['SecureBucketDefaults', 'SecureBucketObjectLock'])('%s has zero unacknowledged findings', (name) => {
    expect(describeFindings(result[name].violations)).toEqual([]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(result.all.acknowledged))).toEqual([]);
  });
  test('with defaults, exactly these findings are acknowledged (each with its reason in the construct)', () => {
    const ids = result.SecureBucketDefaults.acknowledged.map((f) => `${f.acknowledgedId} @ ${f.constructPath.replace(/^SecureBucketDefaults\//, '')}`);
    expect(ids.sort()).toEqual([
      'HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled @ Data/AccessLogs/Resource',
      'HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled @ Data/Bucket/Resource',
      'HIPAA.Security::HIPAA.Security-S3DefaultEncryptionKMS @ Data/AccessLogs/Resource',
      'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled @ Data/AccessLogs/Resource',
      'NIST.800.53.R5::NIST.800.53.R5-S3BucketReplicationEnabled @ Data/Bucket/Resource',
      'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS @ Data/AccessLogs/Resource',
      'PCI.DSS.321::PCI.DSS.321-S3BucketReplicationEnabled @ Data/AccessLogs/Resource',
      'PCI.DSS.321::PCI.DSS.321-S3BucketReplicationEnabled @ Data/Bucket/Resource',
      'PCI.DSS.321::PCI.DSS.321-S3DefaultEncryptionKMS @ Data/AccessLogs/Resource',
      'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check @ Data/AccessLogs/Resource',
      'cdk-validator-cfnguard::s3_bucket_logging_enabled_check @ Data/AccessLogs/Resource',
      'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check @ Data/AccessLogs/Resource',
      'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check @ Data/Bucket/Resource',
    ]);
  });
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(result.all.stale).toEqual([]);
  });
});
