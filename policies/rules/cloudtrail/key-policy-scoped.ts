import { Severity, asList, defineRule, fail, isPlainObject, isUnresolved, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { conditionValue, isAllow, statementsOf } from '../private/iam';
import { keyReference } from '../private/kms';

const SCOPING_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'kms:EncryptionContext:aws:cloudtrail:arn'];
const OPERATORS = ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike'];

/**
 * Every statement of the trail key's policy that admits `cloudtrail.amazonaws.com` is scoped with
 * `aws:SourceArn`, `aws:SourceAccount` or the `kms:EncryptionContext:aws:cloudtrail:arn` context, so
 * trails of other accounts cannot use the key (the confused-deputy problem).
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
 */
export default defineRule({
  id: 'CloudTrail.KeyPolicyScoped',
  severity: Severity.ERROR,
  title: 'The CloudTrail key admits CloudTrail only for named trails or accounts',
  fix: 'Add an aws:SourceArn (the trail ARN), aws:SourceAccount or kms:EncryptionContext:aws:cloudtrail:arn condition to every key policy statement for cloudtrail.amazonaws.com (AuditTrail does)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '10.3.2'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'nist-800-53-r5': ['SC-12', 'AU-9(3)'],
    'gdpr': ['Art. 32'],
  },
  check: (trail, set) => {
    const key = keyReference(set, trail.properties.KMSKeyId);
    if (!key) return notApplicable('the trail names no KMS key (CloudTrail.CustomerManagedKey reports it)');
    if (key.kind === 'unresolved') return unresolved("the trail's KMS key", key.value, 'KMSKeyId');
    if (key.kind !== 'cmk') return notApplicable(`the trail's key ${key.kind === 'external' ? key.value : key.alias} is not defined in the templates: judge its policy where it is defined`);
    const document = key.key.properties.KeyPolicy;
    if (isUnresolved(document)) return unresolved(`the policy of key ${key.key.logicalId}`, document, 'KMSKeyId');
    let admitted = 0;
    for (const s of statementsOf(document)) {
      if (!isAllow(s)) continue;
      const gaps = unresolvedIn([s.Principal, s.Condition]);
      if (gaps.length > 0) return unresolved(`the policy of key ${key.key.logicalId}`, gaps[0], 'KMSKeyId');
      if (!isPlainObject(s.Principal) || !asList(s.Principal.Service).includes('cloudtrail.amazonaws.com')) continue;
      admitted++;
      const scoped = OPERATORS.some((op) => SCOPING_KEYS.some((k) => conditionValue(s, op, k) !== undefined));
      if (!scoped) return fail(`key ${key.key.logicalId} admits CloudTrail${s.Sid ? ` (statement ${s.Sid})` : ''} without an aws:SourceArn, aws:SourceAccount or encryption-context condition`, 'KMSKeyId');
    }
    if (admitted === 0) return fail(`the policy of key ${key.key.logicalId} does not admit CloudTrail, so the trail cannot encrypt its log files`, 'KMSKeyId');
    return pass(`every statement of key ${key.key.logicalId} for CloudTrail is scoped to trails or accounts`);
  },
});
