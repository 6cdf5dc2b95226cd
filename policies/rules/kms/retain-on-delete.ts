import { Severity, defineRule } from '../../../lib/engine';
import { retainFinding } from '../private/retention';

/**
 * KMS keys are retained when the stack is deleted or the key is replaced: a deleted key makes every
 * piece of data it encrypted unreadable.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html
 */
export default defineRule({
  id: 'KMS.RetainOnDelete',
  severity: Severity.ERROR,
  title: 'KMS keys are retained on stack deletion and replacement',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain (DataKey does; on a kms.Key use removalPolicy: RemovalPolicy.RETAIN)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'fsbp': ['KMS.3'],
    'pci-dss-4.0': ['3.6.1'],
    'nist-800-53-r5': ['SC-12', 'CP-10'],
    'hipaa': ['164.308(a)(7)(ii)(A)'],
    'iso-27001-2022': ['A.8.24', 'A.8.13'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  check: (key) => retainFinding(key, 'key'),
});
