import { Severity, asList, defineRule, isPlainObject, pass } from '../../../lib/engine';
import { Statement, statementsOf } from '../private/iam';
import { principalsOf, unscopedServiceFinding } from '../private/policy-principals';

/**
 * EventBridge cannot publish to an encrypted SNS topic when the key policy puts aws:SourceAccount or
 * aws:SourceArn on its statement, so that statement is left unconditioned by design, limited to the
 * data-key actions SNS needs; the topic policy carries the source conditions instead.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
function isEventBridgeToSnsStatement(s: Statement): boolean {
  const principals = principalsOf(s);
  const actions = asList(s.Action).map((a) => String(a).toLowerCase());
  return (
    principals.length > 0 &&
    principals.every((p) => p.type === 'Service' && p.value === 'events.amazonaws.com') &&
    actions.length > 0 &&
    actions.every((a) => a === 'kms:decrypt' || a.startsWith('kms:generatedatakey'))
  );
}

/**
 * KMS key policy statements that allow an AWS service are scoped to this account's use
 * (`aws:SourceAccount`, `aws:SourceArn`, `kms:ViaService`, `kms:CallerAccount` or an encryption-context
 * condition), so the service cannot use the key on behalf of another account (confused deputy).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws.html
 */
export default defineRule({
  id: 'KMS.ServicePrincipalScoped',
  severity: Severity.WARNING,
  title: 'KMS key policies scope AWS service principals to this account',
  fix: 'Add aws:SourceAccount, aws:SourceArn, kms:ViaService or a kms:EncryptionContext condition to every statement that allows a service principal (DataKey.allowServiceUse() always does)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'SC-12'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (key) => {
    const policy = key.properties.KeyPolicy;
    // Blank out (not remove) the EventBridge-to-SNS statements, so statement numbers stay those of the template.
    const judged = isPlainObject(policy) ? { ...policy, Statement: statementsOf(policy).map((s) => (isEventBridgeToSnsStatement(s) ? {} : s)) } : policy;
    return unscopedServiceFinding(judged, 'key policy', 'KeyPolicy') ?? pass('every service-principal statement is scoped to this account (EventBridge data-key use for SNS excepted, as SNS requires)');
  },
});
