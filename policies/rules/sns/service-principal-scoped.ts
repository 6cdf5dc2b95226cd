import { Severity, defineRule, pass } from '../../../lib/engine';
import { unscopedServiceFinding } from '../private/policy-principals';

/**
 * SNS topic policy statements that allow an AWS service to publish are scoped to this account's
 * resources (`aws:SourceAccount`, `aws:SourceArn`), so another account's rule or alarm cannot publish.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html#source-account-versus-source-owner
 */
export default defineRule({
  id: 'SNS.ServicePrincipalScoped',
  severity: Severity.WARNING,
  title: 'SNS topic policies scope AWS service principals to this account',
  fix: 'Add aws:SourceAccount (StringEquals) and aws:SourceArn (ArnLike) to every statement that allows a service principal (SecurityAlerts does)',
  resourceTypes: ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy'],
  controls: {
    'pci-dss-4.0': ['7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  check: (policy) =>
    unscopedServiceFinding(policy.properties.PolicyDocument, 'topic policy', 'PolicyDocument') ??
    pass('every service-principal statement is scoped to this account'),
});
