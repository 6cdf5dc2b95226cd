import { Severity, defineRule, describe, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';
import { defaultEncryptionOf, logSourcesOf, logTargetReason } from '../private/s3';

/**
 * S3 buckets encrypt new objects by default with SSE-KMS under a customer-managed key.
 *
 * Not applicable to a bucket that receives another bucket's server access logs: S3 log delivery
 * supports only SSE-S3 (AES256) default encryption on the target bucket, so `S3.LogBucketSseS3`
 * judges those instead.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export default defineRule({
  id: 'S3.KmsCmkEncryption',
  severity: Severity.ERROR,
  title: 'S3 buckets use SSE-KMS default encryption with a customer-managed key',
  fix: 'Set BucketEncryption to aws:kms with KMSMasterKeyID naming a customer-managed key (SecureBucket does; on an s3.Bucket use encryption: BucketEncryption.KMS with an encryptionKey)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['3.5.1'],
    'nist-800-53-r5': ['SC-28(1)', 'SC-12', 'SC-13(a)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    'cfn-guard': ['CT.S3.PR.10'],
  },
  check: (bucket, set) => {
    const sources = logSourcesOf(set, bucket);
    if (sources.length > 0) {
      return notApplicable(logTargetReason(sources, 'S3 log delivery supports only SSE-S3 on the target bucket, so S3.LogBucketSseS3 applies instead'));
    }
    const rules = defaultEncryptionOf(bucket);
    if (isUnresolved(rules)) return unresolved('the bucket\'s default encryption', rules, 'BucketEncryption');
    if (rules.length === 0) return fail('the bucket declares no default encryption, so S3 uses SSE-S3 with an AWS-owned key', 'BucketEncryption');
    for (const r of rules) {
      const path = `BucketEncryption.ServerSideEncryptionConfiguration.${r.index}.ServerSideEncryptionByDefault`;
      if (isUnresolved(r.algorithm)) return unresolved('the bucket\'s encryption algorithm', r.algorithm, `${path}.SSEAlgorithm`);
      if (r.algorithm !== 'aws:kms' && r.algorithm !== 'aws:kms:dsse') {
        return fail(`default encryption is ${describe(r.algorithm)}, not SSE-KMS with a customer-managed key`, `${path}.SSEAlgorithm`);
      }
      const key = keyReference(set, r.keyId);
      if (!key) return fail('SSE-KMS without KMSMasterKeyID uses the AWS-managed key aws/s3, whose policy you cannot control', `${path}.KMSMasterKeyID`);
      if (key.kind === 'unresolved') return unresolved('the bucket\'s KMS key', key.value, `${path}.KMSMasterKeyID`);
      if (key.kind === 'aws-managed') return fail(`the bucket is encrypted with the AWS-managed key ${key.alias}, whose policy you cannot control`, `${path}.KMSMasterKeyID`);
      return pass(`the bucket is encrypted with SSE-KMS under the customer-managed key ${key.kind === 'cmk' ? key.key.logicalId : key.value}`);
    }
    return fail('the bucket declares no default encryption rule', 'BucketEncryption');
  },
});
