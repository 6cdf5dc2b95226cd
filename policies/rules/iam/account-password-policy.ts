import { Severity, Unresolved, defineAccountRule, unresolved } from '../../../lib/engine';
import { PASSWORD_POLICY_TYPE } from './password-policy-strength';

/**
 * The account's baseline sets the IAM account password policy: the template set holds a
 * `Custom::AccountPasswordPolicy` (CloudFormation has no native resource type for it). Its settings are
 * judged by `IAM.PasswordPolicyStrength`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export default defineAccountRule({
  id: 'IAM.AccountPasswordPolicy',
  severity: Severity.ERROR,
  title: 'The account baseline sets the IAM account password policy',
  fix: 'Add AccountPasswordPolicy (IdentityBaseline does) to the account\'s baseline stack',
  controls: {
    'cis-aws-3.0': ['1.8', '1.9'],
    'fsbp': ['IAM.7'],
    'pci-dss-4.0': ['8.3.6'],
    'nist-800-53-r5': ['IA-5(1)(h)'],
    'iso-27001-2022': ['A.5.17'],
    'nist-csf-2.0': ['PR.AA-01'],
  },
  check: (set) => {
    const policies = set.ofType(PASSWORD_POLICY_TYPE);
    if (policies.length === 0) {
      return [{ status: 'fail', message: `no ${PASSWORD_POLICY_TYPE} in the templates: the account keeps IAM's default password policy (8 characters, no reuse limit)` }];
    }
    return policies.map((resource) =>
      resource.deployed === true
        ? { status: 'pass' as const, message: 'the baseline sets the account password policy', resource }
        : { ...unresolved('whether the password policy is deployed', new Unresolved(`condition ${String(resource.raw.Condition)}, whose value is unknown`), 'Condition'), resource },
    );
  },
});
