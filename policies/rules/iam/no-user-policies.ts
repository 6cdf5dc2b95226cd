import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * IAM users receive permissions only through groups: no user has inline `Policies` or
 * `ManagedPolicyArns`, and no `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` names users.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2
 */
export default defineRule({
  id: 'IAM.NoUserPolicies',
  severity: Severity.ERROR,
  title: 'IAM users get permissions only through groups',
  fix: 'Attach policies to an IAM group (MfaEnforcedGroup managedPolicies) and add the user to it',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  controls: {
    'cis-aws-3.0': ['1.15'],
    'fsbp': ['IAM.2'],
    'pci-dss-4.0': ['7.2.2'],
    'nist-800-53-r5': ['AC-2(1)', 'AC-3', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.5.18'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-IAMUserNoPolicies', 'NIST.800.53.R5-IAMUserNoPolicies', 'PCI.DSS.321-IAMUserNoPolicies'],
    'cfn-guard': ['CT.IAM.PR.4'],
  },
  check: (resource) => {
    const keys = resource.type === 'AWS::IAM::User' ? ['Policies', 'ManagedPolicyArns'] : ['Users'];
    for (const key of keys) {
      const value = resource.properties[key];
      if (value instanceof Unresolved) return unresolved(key, value, key);
      if (asList(value).length > 0) {
        return fail(resource.type === 'AWS::IAM::User' ? `the user has ${key} of its own` : 'the policy is attached directly to users', key);
      }
    }
    return pass(resource.type === 'AWS::IAM::User' ? 'the user has no policies of its own' : 'the policy is attached to no user');
  },
});
