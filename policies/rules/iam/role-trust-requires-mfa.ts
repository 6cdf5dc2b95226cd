import { Severity, Unresolved, defineRule, describe, fail, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { narrowsPrincipal } from '../private/iam';
import { awsPrincipals, awsTrustStatements, mfaDemand } from '../private/identity';

/**
 * Roles that AWS account principals (accounts, users, roles; not services, not federation) may assume
 * require MFA: every such `Allow sts:AssumeRole` statement carries `Bool aws:MultiFactorAuthPresent
 * true`. `BoolIfExists` is rejected: a request that carries no MFA key at all (long-term access keys
 * of an IAM user, or a role session) satisfies `IfExists`, so it would admit callers without MFA.
 * A trust of `*` must also name an account or organization.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
export default defineRule({
  id: 'IAM.RoleTrustRequiresMfa',
  severity: Severity.ERROR,
  title: 'Roles that accounts or users may assume require MFA',
  fix: 'Use MfaRole (or SupportRole), or add Bool aws:MultiFactorAuthPresent true to every statement that trusts an AWS principal',
  resourceTypes: ['AWS::IAM::Role'],
  controls: {
    'pci-dss-4.0': ['8.4.2', '8.4.1'],
    'nist-800-53-r5': ['IA-2(1)', 'IA-2(2)', 'AC-6(9)'],
    'hipaa': ['164.312(d)', '164.312(a)(1)'],
    'iso-27001-2022': ['A.8.2', 'A.8.5'],
    'nist-csf-2.0': ['PR.AA-03', 'PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (role) => {
    const doc = role.properties.AssumeRolePolicyDocument;
    if (doc instanceof Unresolved || unresolvedIn([doc]).length > 0) return unresolved('the trust policy', doc, 'AssumeRolePolicyDocument');
    const statements = awsTrustStatements(role);
    if (statements.length === 0) return notApplicable('the trust policy admits no AWS account principal');
    for (const s of statements) {
      const who = describe(awsPrincipals(s));
      if (awsPrincipals(s).includes('*') && !narrowsPrincipal(s)) {
        return fail(`statement${s.Sid ? ` ${s.Sid}` : ''} lets any AWS principal of any account assume the role`, 'AssumeRolePolicyDocument');
      }
      const demand = mfaDemand(s);
      if (demand instanceof Unresolved) return unresolved('the MFA condition', demand, 'AssumeRolePolicyDocument');
      if (demand === 'if-exists') {
        return fail(`${who} may assume the role with BoolIfExists aws:MultiFactorAuthPresent, which a request without MFA context also satisfies; use Bool`, 'AssumeRolePolicyDocument');
      }
      if (demand === 'none') return fail(`${who} may assume the role without MFA`, 'AssumeRolePolicyDocument');
    }
    return pass('every AWS principal must sign in with MFA to assume the role');
  },
});
