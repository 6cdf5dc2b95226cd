import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { pointsTo } from '../private/refs';

/**
 * Every IAM user belongs to at least one group, so its permissions (and the MFA-enforcing policy of the
 * group) come from the group: CIS 1.15 "IAM users receive permissions only through groups". Membership can
 * be stated on the user (`Groups`) or by an `AWS::IAM::UserToGroupAddition` in the same template.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html
 */
export default defineRule({
  id: 'IAM.UserInGroup',
  severity: Severity.WARNING,
  title: 'IAM users belong to at least one group',
  fix: 'Add the user to a group: MfaEnforcedGroup users, or iam.Group addUser / iam.User groups',
  resourceTypes: ['AWS::IAM::User'],
  controls: {
    'cis-aws-3.0': ['1.15'],
    'pci-dss-4.0': ['7.2.2'],
    'nist-800-53-r5': ['AC-2(1)', 'AC-3', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.5.18'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-IAMUserGroupMembership', 'NIST.800.53.R5-IAMUserGroupMembership', 'PCI.DSS.321-IAMUserGroupMembership'],
  },
  check: (resource, set) => {
    const groups = resource.properties.Groups;
    if (groups instanceof Unresolved) return unresolved('Groups', groups, 'Groups');
    if (asList(groups).length > 0) return pass('the user is in a group');
    for (const addition of set.ofType('AWS::IAM::UserToGroupAddition')) {
      const users = addition.properties.Users;
      if (users instanceof Unresolved) return unresolved(`Users of ${addition.logicalId}`, users, 'Groups');
      if (asList(users).some((u) => pointsTo(set, u, resource, addition.template) || (typeof u === 'string' && u === resource.properties.UserName))) return pass(`the user is added to a group by ${addition.logicalId}`);
    }
    return fail('the user is in no group (no Groups and no AWS::IAM::UserToGroupAddition names it)', 'Groups');
  },
});
