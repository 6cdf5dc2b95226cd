import { Severity, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { Statement, grantsAction, isDeny, statementsOf } from '../private/iam';
import { isEveryone, principalsOf } from '../private/policy-principals';

/** Keys the deny's BoolIfExists block may hold (each narrows the deny to non-AWS use). */
const ALLOWED_KEYS = ['kms:grantisforawsresource', 'aws:principalisawsservice'];

function deniesNonAwsGrants(s: Statement): boolean {
  if (!isDeny(s) || !grantsAction(s, 'kms:CreateGrant') || !principalsOf(s).some(isEveryone)) return false;
  if (!asList(s.Resource).includes('*')) return false;
  if (!isPlainObject(s.Condition) || Object.keys(s.Condition).some((op) => op !== 'BoolIfExists')) return false;
  const block = s.Condition.BoolIfExists;
  if (!isPlainObject(block)) return false;
  const keys = Object.keys(block).map((k) => k.toLowerCase());
  if (keys.some((k) => !ALLOWED_KEYS.includes(k))) return false;
  const value = Object.entries(block).find(([k]) => k.toLowerCase() === 'kms:grantisforawsresource')?.[1];
  return String(value) === 'false';
}

/**
 * KMS key policies deny `kms:CreateGrant` unless the grant is for an AWS resource (an AWS service
 * integrated with KMS creates it), so nobody can hand out use of the key through a grant.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-is-for-aws-resource
 */
export default defineRule({
  id: 'KMS.GrantsOnlyForAwsResources',
  severity: Severity.WARNING,
  title: 'KMS key policies allow grants only for AWS resources',
  fix: 'Add a statement that denies kms:CreateGrant to "*" on "*" with BoolIfExists kms:GrantIsForAWSResource "false" and aws:PrincipalIsAWSService "false" (DataKey does)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'SC-12'],
    'iso-27001-2022': ['A.5.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  equivalents: { 'cfn-guard': ['CT.KMS.PR.3'] },
  check: (key) => {
    const document = key.properties.KeyPolicy;
    if (isUnresolved(document)) return unresolved('the key policy', document, 'KeyPolicy');
    const statements = statementsOf(document);
    if (statements.some(deniesNonAwsGrants)) return pass('the key policy denies grants that are not for AWS resources');
    const gap = statements.map((s) => unresolvedIn([s.Effect, s.Action, s.Principal, s.Resource, s.Condition])).find((g) => g.length > 0);
    if (gap) return unresolved('a key policy statement that may deny non-AWS grants', gap[0], 'KeyPolicy');
    return fail('no key policy statement denies kms:CreateGrant unless kms:GrantIsForAWSResource is true', 'KeyPolicy');
  },
});
