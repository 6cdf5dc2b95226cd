import { Severity, defineRule, pass } from '../../../lib/engine';
import { unscopedServiceFinding } from '../private/policy-principals';

/**
 * S3 bucket policy statements that allow an AWS service are scoped to this account's use with
 * `aws:SourceAccount` or `aws:SourceArn`, so the service cannot be tricked into writing for another
 * account (confused deputy).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
export default defineRule({
  id: 'S3.ServicePrincipalScoped',
  severity: Severity.WARNING,
  title: 'S3 bucket policies scope AWS service principals to this account',
  fix: 'Add aws:SourceAccount (StringEquals) or aws:SourceArn (ArnLike) to every statement that allows a service principal (SecureBucket does for log delivery)',
  resourceTypes: ['AWS::S3::BucketPolicy'],
  controls: {
    'pci-dss-4.0': ['7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (policy) =>
    unscopedServiceFinding(policy.properties.PolicyDocument, 'bucket policy', 'PolicyDocument') ??
    pass('every service-principal statement is scoped to this account'),
});
