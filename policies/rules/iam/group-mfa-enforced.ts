import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { Statement, conditionValue, isDeny, statementsOf } from '../private/iam';
import { documentsOf, firstValue } from '../private/identity';

/**
 * Actions a member may call without MFA: look at the password rules, change their own password, and
 * register their own MFA device (the AWS-documented self-management set, plus read-only `ListUsers`).
 */
const SELF_MANAGEMENT_ACTIONS = [
  'iam:changepassword', 'iam:createvirtualmfadevice', 'iam:enablemfadevice', 'iam:getaccountpasswordpolicy', 'iam:getmfadevice',
  'iam:getuser', 'iam:listmfadevices', 'iam:listvirtualmfadevices', 'iam:resyncmfadevice', 'sts:getsessiontoken', 'iam:listusers',
];

/**
 * IAM groups deny everything but MFA self-management to members who did not sign in with MFA: a policy
 * attached to the group (inline, customer managed, or `AWS::IAM::Policy`) has a `Deny` on `*` resources,
 * of `NotAction` limited to the self-management actions (or of every action), under `BoolIfExists
 * aws:MultiFactorAuthPresent false`. Here `IfExists` is the strong form: a request signed with
 * long-term access keys carries no MFA key, and plain `Bool` would not deny it.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
 */
export default defineRule({
  id: 'IAM.GroupMfaEnforced',
  severity: Severity.ERROR,
  title: 'IAM groups deny members everything but MFA setup until they sign in with MFA',
  fix: 'Use MfaEnforcedGroup, or attach the BlockMostAccessUnlessSignedInWithMFA statement to the group',
  resourceTypes: ['AWS::IAM::Group'],
  controls: {
    'pci-dss-4.0': ['8.4.2', '8.4.1'],
    'nist-800-53-r5': ['IA-2(1)', 'IA-2(2)', 'AC-3'],
    'hipaa': ['164.312(d)', '164.312(a)(1)'],
    'iso-27001-2022': ['A.8.5', 'A.5.15'],
    'nist-csf-2.0': ['PR.AA-03'],
    'gdpr': ['Art. 32'],
  },
  check: (group, set) => {
    const documents = documentsOf(set, group);
    const problems: Array<[string, string]> = [];
    for (const d of documents) {
      if (d.document instanceof Unresolved || unresolvedIn([d.document]).length > 0) return unresolved(`policy ${d.holder.logicalId}`, d.document, d.holder === group ? d.path : '');
      for (const s of statementsOf(d.document)) {
        const verdict = judge(s);
        if (verdict === 'ok') return pass(`${d.holder.logicalId} denies everything but MFA self-management without MFA`);
        if (verdict) problems.push([verdict, d.holder === group ? d.path : '']);
      }
    }
    if (problems.length > 0) return fail(problems[0][0], problems[0][1]);
    return fail('no policy of the group denies access to members who did not sign in with MFA', 'Policies');
  },
});

/** `ok` for the MFA deny, a reason for a weakened one, undefined for an unrelated statement. */
function judge(s: Statement): 'ok' | string | undefined {
  if (!isDeny(s)) return undefined;
  const ifExists = firstValue(conditionValue(s, 'BoolIfExists', 'aws:MultiFactorAuthPresent'));
  const strict = firstValue(conditionValue(s, 'Bool', 'aws:MultiFactorAuthPresent'));
  if (String(ifExists) !== 'false' && String(strict) !== 'false') return undefined;
  if (String(ifExists) !== 'false') {
    return 'the MFA deny uses Bool aws:MultiFactorAuthPresent false, which does not deny requests signed with access keys (no MFA key at all); use BoolIfExists';
  }
  if (!asList(s.Resource).includes('*')) return 'the MFA deny does not cover every resource ("*")';
  if (asList(s.Action).map(String).includes('*')) return 'ok';
  if (s.NotAction === undefined) return 'the MFA deny lists actions instead of denying everything but MFA self-management (NotAction)';
  const extra = asList(s.NotAction).map((a) => String(a)).filter((a) => !SELF_MANAGEMENT_ACTIONS.includes(a.toLowerCase()));
  if (extra.length > 0) return `the MFA deny also exempts ${extra.join(', ')}, which members could then call without MFA`;
  return 'ok';
}
