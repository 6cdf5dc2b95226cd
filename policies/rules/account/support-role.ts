import { AccountOutcome, Resource, Severity, Unresolved, asList, defineAccountRule, isPlainObject, unresolvedIn } from '../../../lib/engine';
import { failOn, missing, undecidedDeployment, unresolvedOn } from '../private/alerting';
import { isAllow, statementsOf } from '../private/iam';

/** The AWS managed policy CIS 1.17 names. */
const SUPPORT_POLICY = /:policy\/AWSSupportAccess$/;

/**
 * A role for AWS Support incidents exists: an IAM role with the AWS managed policy AWSSupportAccess
 * that people (an account or a federated identity) can assume.
 *
 * @see https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html
 */
export default defineAccountRule({
  id: 'Account.SupportRole',
  severity: Severity.ERROR,
  title: 'An IAM role with AWSSupportAccess exists for incident handling with AWS Support',
  description: 'During an incident someone must be able to open and follow AWS Support cases without broader rights (CIS 1.17): a role with the AWS managed policy AWSSupportAccess that people can assume.',
  fix: 'Define a role with the AWS managed policy AWSSupportAccess, trusted by your account or identity provider (SupportRole does)',
  controls: {
    'cis-aws-3.0': ['1.17'],
    'nist-800-53-r5': ['IR-4(a)'],
    'hipaa': ['164.308(a)(6)(i)'],
    'iso-27001-2022': ['A.5.24', 'A.5.26'],
    'nist-csf-2.0': ['RS.MA-01'],
    'gdpr': ['Art. 25'],
  },
  check: (set) => {
    const failures: AccountOutcome[] = [];
    const gaps: AccountOutcome[] = [];
    for (const role of set.ofType('AWS::IAM::Role')) {
      const arns = role.properties.ManagedPolicyArns;
      const list = arns instanceof Unresolved ? [arns] : asList(arns);
      if (!list.some((a) => typeof a === 'string' && SUPPORT_POLICY.test(a))) {
        // A Ref to a customer managed policy of the set is known not to be AWSSupportAccess.
        const gap = list.find((a) => a instanceof Unresolved || unresolvedIn(a).length > 0);
        if (gap !== undefined) gaps.push(unresolvedOn(role, `the managed policies of role ${role.logicalId}`, gap, 'ManagedPolicyArns'));
        continue;
      }
      const undecided = undecidedDeployment(role);
      if (undecided) {
        failures.push(undecided);
        continue;
      }
      const trust = peopleCanAssume(role);
      if (trust instanceof Unresolved) failures.push(unresolvedOn(role, `the trust policy of role ${role.logicalId}`, trust, 'AssumeRolePolicyDocument'));
      else if (!trust) failures.push(failOn(role, `role ${role.logicalId} has AWSSupportAccess but trusts only services, so no person can assume it`, 'AssumeRolePolicyDocument'));
      else return [{ status: 'pass', message: `role ${role.logicalId} has AWSSupportAccess and can be assumed by people`, resource: role }];
    }
    if (failures.length > 0) return [failures[0]];
    if (gaps.length > 0) return [gaps[0]];
    return [missing(set, 'no IAM role has the AWS managed policy AWSSupportAccess')];
  },
});

/** True when an Allow statement of the trust policy names an AWS account or role, or a federated identity. */
function peopleCanAssume(role: Resource): boolean | Unresolved {
  const document = role.properties.AssumeRolePolicyDocument;
  const statements = statementsOf(document).filter(isAllow);
  const people = statements.some((s) => isPlainObject(s.Principal) && (s.Principal.AWS !== undefined || s.Principal.Federated !== undefined));
  if (!people && (document instanceof Unresolved || unresolvedIn(document).length > 0)) return new Unresolved('a trust policy with unresolved parts');
  return people;
}
