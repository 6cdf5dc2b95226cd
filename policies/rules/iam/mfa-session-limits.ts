import { Severity, Unresolved, asNumber, defineRule, fail, notApplicable, pass, unresolved } from '../../../lib/engine';
import { conditionValue } from '../private/iam';
import { awsTrustStatements, firstValue } from '../private/identity';

/** Longest MFA age and role session the baseline accepts without a finding: one hour. */
const ONE_HOUR = 3600;

/**
 * Roles that people assume with MFA keep the window short: the trust policy limits
 * `aws:MultiFactorAuthAge` to an hour or less (`NumericLessThan`/`NumericLessThanEquals`), and
 * `MaxSessionDuration` is an hour (unset is IAM's default of one hour). A warning: longer windows are a
 * legal, acknowledged choice (MfaRole warns about them too).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthage
 */
export default defineRule({
  id: 'IAM.MfaSessionLimits',
  severity: Severity.WARNING,
  title: 'Roles assumed by people limit MFA age and session length to one hour',
  fix: 'Keep MfaRole\'s maxMfaAge and maxSessionDuration at their one-hour defaults',
  resourceTypes: ['AWS::IAM::Role'],
  controls: {
    'pci-dss-4.0': ['8.2.8'],
    'nist-800-53-r5': ['AC-2(d)(1)', 'IA-2(1)'],
    'iso-27001-2022': ['A.8.5'],
    'nist-csf-2.0': ['PR.AA-03'],
  },
  check: (role) => {
    const statements = awsTrustStatements(role);
    if (statements.length === 0) return notApplicable('the trust policy admits no AWS account principal');
    const session = asNumber(role.properties.MaxSessionDuration);
    if (session instanceof Unresolved) return unresolved('MaxSessionDuration', session, 'MaxSessionDuration');
    if (session !== undefined && session > ONE_HOUR) return fail(`sessions last up to ${session} seconds, longer than one hour`, 'MaxSessionDuration');
    for (const s of statements) {
      const ages = ['NumericLessThan', 'NumericLessThanEquals'].map((op) => asNumber(firstValue(conditionValue(s, op, 'aws:MultiFactorAuthAge'))));
      const gap = ages.find((a) => a instanceof Unresolved);
      if (gap) return unresolved('the MFA age limit', gap, 'AssumeRolePolicyDocument');
      const limits = ages.filter((a): a is number => typeof a === 'number');
      if (limits.length === 0) return fail('the trust policy sets no aws:MultiFactorAuthAge limit, so an MFA sign-in of any age is accepted', 'AssumeRolePolicyDocument');
      if (Math.min(...limits) > ONE_HOUR) return fail(`the trust policy accepts MFA sign-ins up to ${Math.min(...limits)} seconds old`, 'AssumeRolePolicyDocument');
    }
    return pass('MFA age and sessions are limited to one hour');
  },
});
