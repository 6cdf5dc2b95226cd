import { Severity, Unresolved, asNumber, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { PASSWORD_POLICY_TYPE } from './password-policy-strength';

/** Longest password age, in days, that the baseline accepts without a finding (PCI DSS 8.3.9). */
const MAX_AGE_DAYS = 90;

/**
 * Passwords expire after at most 90 days (`MaxPasswordAge` 1-90). Unset means passwords never expire.
 * A warning: CIS AWS 3.0 no longer asks for expiry, but PCI DSS 8.3.9 does where a password is the only
 * factor, and AccountPasswordPolicy sets 90 by default.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export default defineRule({
  id: 'IAM.PasswordPolicyMaxAge',
  severity: Severity.WARNING,
  title: 'Account passwords expire within 90 days',
  fix: 'Keep AccountPasswordPolicy\'s maxPasswordAge at 90 days or less',
  resourceTypes: [PASSWORD_POLICY_TYPE],
  controls: {
    'fsbp': ['IAM.7'],
    'pci-dss-4.0': ['8.3.9'],
    'nist-800-53-r5': ['IA-5(1)(f)'],
    'iso-27001-2022': ['A.5.17'],
  },
  check: (policy) => {
    const age = asNumber(policy.properties.MaxPasswordAge);
    if (age instanceof Unresolved) return unresolved('MaxPasswordAge', age, 'MaxPasswordAge');
    if (age === undefined || age === 0) return fail('MaxPasswordAge is not set, so passwords never expire', 'MaxPasswordAge');
    if (age > MAX_AGE_DAYS) return fail(`passwords expire after ${age} days, more than ${MAX_AGE_DAYS}`, 'MaxPasswordAge');
    return pass(`passwords expire after ${age} days`);
  },
});
