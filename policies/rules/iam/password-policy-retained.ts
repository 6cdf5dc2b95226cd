import { Severity, Unresolved, asBoolean, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { PASSWORD_POLICY_TYPE } from './password-policy-strength';

/**
 * Removing the password policy resource from the stack leaves the hardened policy in the account. The
 * handler deletes the account's policy only when CloudFormation sends Delete (`DeletionPolicy` not
 * `Retain`) and `RetainOnDelete` is false; IAM then falls back to its weak default. A warning: DESTROY is
 * a legal choice that AccountPasswordPolicy also warns about.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'IAM.PasswordPolicyRetained',
  severity: Severity.WARNING,
  title: 'The account password policy survives removal of its resource',
  fix: 'Keep AccountPasswordPolicy\'s removalPolicy at RemovalPolicy.RETAIN',
  resourceTypes: [PASSWORD_POLICY_TYPE],
  controls: {
    'nist-800-53-r5': ['CM-6(a)'],
    'iso-27001-2022': ['A.8.9'],
    'nist-csf-2.0': ['PR.PS-01'],
  },
  check: (policy) => {
    if (policy.deletionPolicy === 'Retain') return pass('DeletionPolicy Retain: CloudFormation never deletes the policy');
    const retain = asBoolean(policy.properties.RetainOnDelete);
    if (retain instanceof Unresolved) return unresolved('RetainOnDelete', retain, 'RetainOnDelete');
    if (retain === false) return fail('DeletionPolicy is not Retain and RetainOnDelete is false: removing the resource deletes the account password policy', 'DeletionPolicy');
    return pass('the handler keeps the account password policy on delete');
  },
});
