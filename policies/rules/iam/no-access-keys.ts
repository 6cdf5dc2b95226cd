import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Templates create no active long-term access keys (`AWS::IAM::AccessKey`): people sign in with MFA and
 * assume roles; workloads use roles. A warning: some third-party integrations still need a key.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
 */
export default defineRule({
  id: 'IAM.NoAccessKeys',
  severity: Severity.WARNING,
  title: 'Templates create no active IAM access keys',
  fix: 'Use roles (instance profiles, IRSA, IAM Roles Anywhere) instead of iam.AccessKey',
  resourceTypes: ['AWS::IAM::AccessKey'],
  controls: {
    'pci-dss-4.0': ['8.6.3'],
    'nist-800-53-r5': ['IA-5', 'AC-2(1)'],
    'iso-27001-2022': ['A.5.17'],
    'nist-csf-2.0': ['PR.AA-01'],
  },
  check: (key) => {
    const status = key.properties.Status;
    if (status instanceof Unresolved) return unresolved('the key status', status, 'Status');
    if (status === 'Inactive') return pass('the access key is inactive');
    return fail('creates an active long-term access key', 'Status');
  },
});
