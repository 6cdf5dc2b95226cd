import { Severity, defineRule, pass } from '../../../lib/engine';
import { publicAccessFinding } from '../private/policy-principals';

/**
 * SNS topic policies never allow everyone (`*`) without a condition that ties the principal to an
 * account, organization or source.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html#ensure-topics-not-publicly-accessible
 */
export default defineRule({
  id: 'SNS.NoPublicTopicPolicy',
  severity: Severity.ERROR,
  title: 'SNS topic policies do not allow public access',
  fix: 'Name the principals, or add aws:SourceAccount / aws:SourceArn / aws:PrincipalAccount / aws:PrincipalOrgID to every Allow with Principal "*" (SecurityAlerts admits only this account\'s EventBridge rules and CloudWatch alarms)',
  resourceTypes: ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy'],
  nonWaivable: true,
  controls: {
    'fsbp': ['SNS.4'],
    'pci-dss-4.0': ['7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-4', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (policy) =>
    publicAccessFinding(policy.properties.PolicyDocument, 'topic policy', 'PolicyDocument') ??
    pass('no statement allows everyone without a narrowing condition'),
});
