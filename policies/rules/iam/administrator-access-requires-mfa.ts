import { Severity, Unresolved, asList, defineRule, fail, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { isAwsManagedPolicy, trustRequiresMfa } from '../private/identity';

/**
 * The AWS managed `AdministratorAccess` policy is attached only to roles that can be assumed only with
 * MFA (every AWS-principal trust statement requires `Bool aws:MultiFactorAuthPresent true`), never to a
 * user, a group, or a role that services or unauthenticated sessions could assume. The IdentityBaseline
 * administrator role is such an MfaRole.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
export default defineRule({
  id: 'IAM.AdministratorAccessRequiresMfa',
  severity: Severity.ERROR,
  title: 'AdministratorAccess is attached only to roles that require MFA',
  fix: 'Attach AdministratorAccess only to an MfaRole (IdentityBaseline\'s adminRole), never to users, groups or service roles',
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  controls: {
    'cis-aws-3.0': ['1.16'],
    'pci-dss-4.0': ['7.2.2', '8.4.1'],
    'nist-800-53-r5': ['AC-6(2)', 'AC-6(9)', 'IA-2(1)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.2'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  check: (identity) => {
    const arns = identity.properties.ManagedPolicyArns;
    if (arns instanceof Unresolved || unresolvedIn([arns]).length > 0) return unresolved('the managed policies', arns, 'ManagedPolicyArns');
    if (!asList(arns).some((a) => isAwsManagedPolicy(a, 'AdministratorAccess'))) return notApplicable('AdministratorAccess is not attached');
    if (identity.type !== 'AWS::IAM::Role') return fail(`AdministratorAccess is attached to an IAM ${identity.type === 'AWS::IAM::User' ? 'user' : 'group'}; attach it to an MFA-only role`, 'ManagedPolicyArns');
    const trust = identity.properties.AssumeRolePolicyDocument;
    if (unresolvedIn([trust]).length > 0 || trust instanceof Unresolved) return unresolved('the trust policy', trust, 'AssumeRolePolicyDocument');
    if (!trustRequiresMfa(identity)) return fail('AdministratorAccess is attached to a role that can be assumed without MFA', 'ManagedPolicyArns');
    return pass('AdministratorAccess is attached to a role that only MFA sign-ins can assume');
  },
});
