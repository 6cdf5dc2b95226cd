import { Severity, Unresolved, asBoolean, asNumber, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/** The resource type of the baseline's AccountPasswordPolicy custom resource. */
export const PASSWORD_POLICY_TYPE = 'Custom::AccountPasswordPolicy';

/**
 * The account password policy that the baseline's `Custom::AccountPasswordPolicy` sets is strong: at
 * least 14 characters (CIS AWS 1.8), the last 24 passwords remembered (CIS AWS 1.9), every character
 * class required, users allowed to change their own password, and no hard expiry (an expired password
 * is changed at sign-in instead of locking the user out).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export default defineRule({
  id: 'IAM.PasswordPolicyStrength',
  severity: Severity.ERROR,
  title: 'The account password policy requires long, complex, unrepeated passwords',
  fix: 'Use AccountPasswordPolicy (or IdentityBaseline) with its defaults: 14 characters, 24 remembered, every character class',
  resourceTypes: [PASSWORD_POLICY_TYPE],
  controls: {
    'cis-aws-3.0': ['1.8', '1.9'],
    'fsbp': ['IAM.7'],
    'pci-dss-4.0': ['8.3.6', '8.3.7'],
    'nist-800-53-r5': ['IA-5(1)(h)', 'IA-5(1)(f)', 'IA-5(1)(g)'],
    'hipaa': ['164.308(a)(5)(ii)(D)'],
    'iso-27001-2022': ['A.5.17'],
    'nist-csf-2.0': ['PR.AA-01'],
    'gdpr': ['Art. 32'],
  },
  check: (policy) => {
    const p = policy.properties;
    const length = asNumber(p.MinimumPasswordLength);
    if (length instanceof Unresolved) return unresolved('MinimumPasswordLength', length, 'MinimumPasswordLength');
    if (length === undefined || length < 14) return fail(`MinimumPasswordLength is ${length ?? 'not set'}; CIS AWS 1.8 requires 14 or more`, 'MinimumPasswordLength');
    const reuse = asNumber(p.PasswordReusePrevention);
    if (reuse instanceof Unresolved) return unresolved('PasswordReusePrevention', reuse, 'PasswordReusePrevention');
    if (reuse === undefined || reuse < 24) return fail(`PasswordReusePrevention is ${reuse ?? 'not set'}; CIS AWS 1.9 requires 24`, 'PasswordReusePrevention');
    for (const key of ['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'AllowUsersToChangePassword']) {
      const on = asBoolean(p[key]);
      if (on instanceof Unresolved) return unresolved(key, on, key);
      if (on !== true) return fail(`${key} is ${on === false ? 'false' : 'not set'}; it must be true`, key);
    }
    const hard = asBoolean(p.HardExpiry);
    if (hard instanceof Unresolved) return unresolved('HardExpiry', hard, 'HardExpiry');
    if (hard === true) return fail('HardExpiry is true: users whose password expires are locked out until an administrator resets it', 'HardExpiry');
    return pass(`${length} characters, ${reuse} remembered, every character class, users change their own`);
  },
});
