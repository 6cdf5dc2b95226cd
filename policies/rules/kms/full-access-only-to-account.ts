import { Severity, asList, defineRule, describe, fail, isUnresolved, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { statementsOf } from '../private/iam';
import { allowsAction, isOwnAccountRoot, principalsOf } from '../private/policy-principals';

/** Actions that hand over control of the key: whoever holds them can rewrite the key policy. */
const CONTROL_ACTIONS = ['kms:PutKeyPolicy'];

/**
 * KMS key policies grant `kms:*` and `kms:PutKeyPolicy` only to the key's own account (its root
 * principal, which delegates to IAM), never to a role, user, service or everyone.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
export default defineRule({
  id: 'KMS.FullAccessOnlyToAccount',
  severity: Severity.ERROR,
  title: 'KMS key policies grant kms:* and kms:PutKeyPolicy only to the account',
  fix: 'Grant kms:* or kms:PutKeyPolicy only to arn:<partition>:iam::<account>:root and give other principals the actions they need (DataKey gives the account the administrative actions and named principals only grants)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '7.2.1', '7.2.2'],
    'nist-800-53-r5': ['AC-6', 'AC-6(9)', 'SC-12'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.2', 'A.8.24'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  check: (key) => {
    const document = key.properties.KeyPolicy;
    if (isUnresolved(document)) return unresolved('the key policy', document, 'KeyPolicy');
    for (const [i, s] of statementsOf(document).entries()) {
      const gaps = unresolvedIn([s.Effect, s.Action, s.NotAction]);
      if (gaps.length > 0) return unresolved(`the effect or actions of key policy statement ${i}`, gaps[0], `KeyPolicy.Statement.${i}`);
      // kms:*, *, kms:Put* and an Allow NotAction that leaves PutKeyPolicy in all hand over the key.
      if (!CONTROL_ACTIONS.some((a) => allowsAction(s, a))) continue;
      const granted = s.NotAction !== undefined ? `everything but ${describe(s.NotAction)}` : asList(s.Action).map(String).join(', ');
      const where = `key policy statement ${i}${s.Sid ? ` (${String(s.Sid)})` : ''}`;
      if (s.NotPrincipal !== undefined) return fail(`${where} grants ${granted} through NotPrincipal`, `KeyPolicy.Statement.${i}`);
      const principals = principalsOf(s);
      const principalGaps = unresolvedIn(principals.map((p) => p.value));
      if (principalGaps.length > 0) return unresolved(`the principal of ${where}`, principalGaps[0], `KeyPolicy.Statement.${i}.Principal`);
      for (const p of principals) {
        const own = p.type === 'AWS' ? isOwnAccountRoot(p.value, key.template) : false;
        if (isUnresolved(own)) return unresolved(`the principal of ${where}`, own, `KeyPolicy.Statement.${i}.Principal`);
        if (!own) return fail(`${where} grants ${granted} to ${p.type} ${describe(p.value)}, not only the account`, `KeyPolicy.Statement.${i}.Principal`);
      }
    }
    return pass('only the account holds kms:* or kms:PutKeyPolicy');
  },
});
