import { AccountOutcome, Severity, Unresolved, asList, defineAccountRule, unresolved, unresolvedIn } from '../../../lib/engine';
import { isAwsManagedPolicy } from '../private/identity';

/** The AWS managed policy CIS AWS 1.17 names for incident handling with AWS Support. */
const SUPPORT_POLICY = 'AWSSupportAccess';

/**
 * The account has a role for AWS Support incident handling: an `AWS::IAM::Role` of the templates with
 * the AWS managed policy `AWSSupportAccess` attached (CIS AWS 1.17). Whether the role requires MFA is
 * judged by `IAM.RoleTrustRequiresMfa`.
 *
 * @see https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html
 */
export default defineAccountRule({
  id: 'IAM.SupportRole',
  severity: Severity.ERROR,
  title: 'The account has a role for AWS Support incident handling',
  fix: 'Add SupportRole (IdentityBaseline does) to the account\'s baseline stack',
  controls: {
    'cis-aws-3.0': ['1.17'],
    'nist-800-53-r5': ['IR-4(a)'],
    'nist-csf-2.0': ['RS.MA-01'],
  },
  check: (set) => {
    const roles = set.ofType('AWS::IAM::Role');
    const found = roles.filter((r) => asList(r.properties.ManagedPolicyArns).some((arn) => isAwsManagedPolicy(arn, SUPPORT_POLICY)));
    if (found.length > 0) return found.map((resource) => ({ status: 'pass' as const, message: `${SUPPORT_POLICY} is attached to this role`, resource }));
    const gap = roles.find((r) => r.properties.ManagedPolicyArns instanceof Unresolved || unresolvedIn([r.properties.ManagedPolicyArns]).length > 0);
    if (gap) return [{ ...unresolved(`the managed policies of role ${gap.logicalId}`, gap.properties.ManagedPolicyArns, 'ManagedPolicyArns'), resource: gap } as AccountOutcome];
    return [{ status: 'fail', message: `no role of the templates has ${SUPPORT_POLICY} attached, so nobody can open AWS Support cases during an incident` }];
  },
});
