import { Severity, defineRule, describe, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * KMS alias names start with `alias/` and never with `alias/aws/`, which KMS reserves for AWS-managed
 * keys (it rejects such a name, and a workload that looks up `alias/aws/...` would get AWS's key).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html
 */
export default defineRule({
  id: 'KMS.AliasName',
  severity: Severity.ERROR,
  title: 'KMS aliases do not use the reserved alias/aws/ prefix',
  fix: 'Name the alias alias/<your-prefix>/<name> (DataKey uses alias/baseline/<dataClass> and rejects prefixes starting with aws)',
  resourceTypes: ['AWS::KMS::Alias'],
  controls: {
    'nist-800-53-r5': ['CM-6', 'SC-12'],
    'nist-csf-2.0': ['PR.PS-01'],
  },
  check: (alias) => {
    const name = alias.properties.AliasName;
    if (isUnresolved(name)) return unresolved('the alias name', name, 'AliasName');
    if (typeof name !== 'string' || !name.startsWith('alias/')) return fail(`alias name ${describe(name)} does not start with alias/`, 'AliasName');
    if (/^alias\/aws\//i.test(name)) return fail(`alias name ${name} uses the prefix alias/aws/, which KMS reserves for AWS-managed keys`, 'AliasName');
    return pass(`alias name ${name} is a customer alias`);
  },
});
