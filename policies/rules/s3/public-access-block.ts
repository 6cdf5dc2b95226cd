import { Severity, asBoolean, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/**
 * S3 buckets turn on all four Block Public Access settings.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export default defineRule({
  id: 'S3.PublicAccessBlock',
  severity: Severity.ERROR,
  title: 'S3 buckets turn on all four Block Public Access settings',
  fix: 'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true (SecureBucket does; on an s3.Bucket use blockPublicAccess: BlockPublicAccess.BLOCK_ALL)',
  resourceTypes: ['AWS::S3::Bucket'],
  nonWaivable: true,
  controls: {
    'cis-aws-3.0': ['2.1.4'],
    'fsbp': ['S3.8', 'S3.2', 'S3.3'],
    'pci-dss-4.0': ['1.4.4', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-4', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'PR.DS-01'],
    'gdpr': ['Art. 25', 'Art. 32'],
  },
  equivalents: {
    'cdk-nag': [
      'AwsSolutions-S2',
      'HIPAA.Security-S3BucketLevelPublicAccessProhibited', 'NIST.800.53.R5-S3BucketLevelPublicAccessProhibited', 'PCI.DSS.321-S3BucketLevelPublicAccessProhibited',
      // A bucket without the block can be made readable or writable by an ACL or policy at any time.
      'HIPAA.Security-S3BucketPublicReadProhibited', 'HIPAA.Security-S3BucketPublicWriteProhibited',
      'NIST.800.53.R5-S3BucketPublicReadProhibited', 'NIST.800.53.R5-S3BucketPublicWriteProhibited',
      'PCI.DSS.321-S3BucketPublicReadProhibited', 'PCI.DSS.321-S3BucketPublicWriteProhibited',
    ],
    'cfn-guard': ['CT.S3.PR.1'],
  },
  check: (bucket) => {
    const config = bucket.properties.PublicAccessBlockConfiguration;
    if (isUnresolved(config)) return unresolved('the bucket\'s Block Public Access settings', config, 'PublicAccessBlockConfiguration');
    if (!isPlainObject(config)) return fail('the bucket declares no PublicAccessBlockConfiguration', 'PublicAccessBlockConfiguration');
    for (const name of SETTINGS) {
      const v = asBoolean(config[name]);
      if (isUnresolved(v)) return unresolved(`Block Public Access setting ${name}`, v, `PublicAccessBlockConfiguration.${name}`);
      if (v !== true) return fail(`Block Public Access setting ${name} is ${v === undefined ? 'not set (false)' : 'false'}`, `PublicAccessBlockConfiguration.${name}`);
    }
    return pass('all four Block Public Access settings are on');
  },
});
