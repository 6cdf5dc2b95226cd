import { Severity, defineRule } from '../../../lib/engine';
import { retainFinding } from '../private/retention';

/**
 * CloudWatch Logs log groups are retained when the stack is deleted or the group is replaced, so the
 * log history survives the stack.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'Logs.RetainOnDelete',
  severity: Severity.ERROR,
  title: 'CloudWatch Logs log groups are retained on stack deletion and replacement',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain (SecureLogGroup does; on a logs.LogGroup use removalPolicy: RemovalPolicy.RETAIN, its default)',
  resourceTypes: ['AWS::Logs::LogGroup'],
  controls: {
    'pci-dss-4.0': ['10.5.1', '10.3.2'],
    'nist-800-53-r5': ['AU-9(a)', 'AU-11'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.PS-04'],
  },
  check: (group) => retainFinding(group, 'log group'),
});
