import { Severity, Unresolved, asList, defineRule, fail, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { isAllow, statementsOf } from '../private/iam';
import { ownDocuments } from '../private/identity';

/**
 * Identity policies do not allow whole services (`s3:*`, `kms:*`): every action of a service, including
 * the ones it adds later. Prefixes such as `s3:Get*` are not whole services and pass. A warning: FSBP
 * IAM.21 judges customer managed policies; this rule judges inline policies the same way.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21
 */
export default defineRule({
  id: 'IAM.NoWildcardServiceActions',
  severity: Severity.WARNING,
  title: 'IAM policies do not allow every action of a service',
  fix: 'List the actions the principal needs (or use the L2 grant* methods) instead of "service:*"',
  resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  controls: {
    'fsbp': ['IAM.21'],
    'pci-dss-4.0': ['7.2.2'],
    'nist-800-53-r5': ['AC-6', 'AC-3'],
    'iso-27001-2022': ['A.8.2', 'A.5.15'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-IAM5'], 'cfn-guard': ['CT.IAM.PR.3', 'CT.IAM.PR.5'] },
  check: (resource) => {
    const documents = ownDocuments(resource);
    if (documents.length === 0) return notApplicable('holds no policy document');
    for (const d of documents) {
      if (d.document instanceof Unresolved) return unresolved('the policy document', d.document, d.path);
      for (const s of statementsOf(d.document)) {
        if (!isAllow(s)) continue;
        const actions = asList(s.Action);
        if (unresolvedIn([actions]).length > 0) return unresolved('a statement\'s actions', actions, d.path);
        const wide = actions.map(String).find((a) => /^[a-z0-9-]+:\*$/i.test(a));
        if (wide) return fail(`allows ${wide}, every action of the service`, d.path);
      }
    }
    return pass('no statement allows every action of a service');
  },
});
