import { Severity, defineRule } from '../../../lib/engine';
import { retainedOutcome } from '../private/retained';

/**
 * CloudTrail trails are kept when their stack is deleted or the trail replaced, so deleting a stack
 * does not stop the account's audit log.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'CloudTrail.TrailRetained',
  severity: Severity.WARNING,
  title: 'CloudTrail trails are retained when their stack is deleted',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain on the trail (applyRemovalPolicy(RETAIN); AuditTrail does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'pci-dss-4.0': ['10.2.1'],
    'iso-27001-2022': ['A.8.15'],
    'nist-800-53-r5': ['AU-12(a)'],
    'hipaa': ['164.312(b)'],
  },
  check: (trail) => retainedOutcome(trail, 'trail'),
});
