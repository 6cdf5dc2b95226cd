import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * IAM roles, users and groups carry no embedded `Policies`: permissions come from managed policies (or
 * `AWS::IAM::Policy` resources, which aws-cdk-lib writes for `grant*` calls and which stay reviewable on
 * their own). A policy embedded in the identity cannot be reused, versioned or reviewed apart from it.
 * `AWS::IAM::Policy` itself is not judged here: it is how every CDK grant is expressed.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 */
export default defineRule({
  id: 'IAM.NoInlinePolicies',
  severity: Severity.WARNING,
  title: 'IAM roles, users and groups have no embedded inline policies',
  fix: 'Move the statements of the Policies property into an iam.ManagedPolicy (or role.addToPolicy) instead of Role/User/Group inlinePolicies',
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  controls: {
    'pci-dss-4.0': ['7.2.1', '7.2.2'],
    'nist-800-53-r5': ['AC-6', 'AC-3'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.5.18'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy', 'PCI.DSS.321-IAMNoInlinePolicy'],
  },
  check: (resource) => {
    const value = resource.properties.Policies;
    if (value instanceof Unresolved) return unresolved('Policies', value, 'Policies');
    const list = asList(value);
    if (list.some((p) => p instanceof Unresolved)) return unresolved('Policies', list.find((p) => p instanceof Unresolved) as Unresolved, 'Policies');
    if (list.length > 0) return fail(`the ${resource.type.split('::')[2].toLowerCase()} embeds ${list.length} inline polic${list.length === 1 ? 'y' : 'ies'} in Policies`, 'Policies');
    return pass('no inline policies are embedded');
  },
});
