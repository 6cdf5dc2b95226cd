import { Severity, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * S3 buckets do not turn on static website hosting: website endpoints serve plain HTTP only and
 * need public read access.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html
 */
export default defineRule({
  id: 'S3.NoWebsite',
  severity: Severity.WARNING,
  title: 'S3 buckets do not use static website hosting',
  fix: 'Remove WebsiteConfiguration and serve the content through CloudFront with origin access control (SecureBucket rejects website props)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['4.2.1'],
    'nist-800-53-r5': ['SC-8'],
    'hipaa': ['164.312(e)(1)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-02'],
    'gdpr': ['Art. 32'],
  },
  check: (bucket) => {
    const website = bucket.properties.WebsiteConfiguration;
    if (isUnresolved(website)) return unresolved('the bucket\'s website configuration', website, 'WebsiteConfiguration');
    if (website !== undefined) return fail('the bucket has a website endpoint, which serves plain HTTP only', 'WebsiteConfiguration');
    return pass('the bucket has no website endpoint');
  },
});
