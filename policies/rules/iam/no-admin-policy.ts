import { Severity, Unresolved, asList, defineRule, fail, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { isAllow, statementsOf } from '../private/iam';
import { ownDocuments } from '../private/identity';

/**
 * No identity policy of the templates (customer managed, `AWS::IAM::Policy`, or inline on a role, user
 * or group) allows every action (`*`) on every resource (`*`): full administrator rights. Attaching the
 * AWS managed `AdministratorAccess` is judged by `IAM.AdministratorAccessRequiresMfa`.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1
 */
export default defineRule({
  id: 'IAM.NoAdminPolicy',
  severity: Severity.ERROR,
  title: 'No IAM policy allows every action on every resource',
  fix: 'Grant the actions and resources the principal needs (grant* methods of the L2s), never "*" on "*"',
  resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  controls: {
    'cis-aws-3.0': ['1.16'],
    'fsbp': ['IAM.1'],
    'pci-dss-4.0': ['7.2.2', '7.2.5'],
    'nist-800-53-r5': ['AC-6', 'AC-6(2)', 'AC-6(10)', 'AC-3', 'AC-5(b)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.2', 'A.5.15'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-IAM5', 'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess', 'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess', 'PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess'],
    'cfn-guard': ['CT.IAM.PR.1', 'CT.IAM.PR.2', 'CT.IAM.PR.5'],
  },
  check: (resource) => {
    const documents = ownDocuments(resource);
    if (documents.length === 0) return notApplicable('holds no policy document');
    for (const d of documents) {
      if (d.document instanceof Unresolved) return unresolved('the policy document', d.document, d.path);
      for (const s of statementsOf(d.document)) {
        if (!isAllow(s)) continue;
        const actions = asList(s.Action);
        const resources = asList(s.Resource);
        if (unresolvedIn([actions, resources]).length > 0) return unresolved('a statement\'s actions or resources', [actions, resources], d.path);
        if (actions.includes('*') && resources.includes('*')) return fail(`${s.Sid ? `statement ${s.Sid}` : 'a statement'} allows "*" on "*" (full administrator rights)`, d.path);
      }
    }
    return pass('no statement allows "*" on "*"');
  },
});
