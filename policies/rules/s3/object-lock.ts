import { Severity, asBoolean, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { logSourcesOf, logTargetReason } from '../private/s3';

/**
 * S3 buckets turn on Object Lock (write once, read many).
 *
 * Scope: every bucket, as info (it never gates a synth): Object Lock is a retention decision per data class (it makes
 * erasure impossible for the retention period), so a bucket that holds erasable personal data
 * acknowledges this rule with its reason; a bucket that holds audit evidence should turn it on.
 * Not applicable to a server access log target: Object Lock on the target bucket blocks log delivery.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export default defineRule({
  id: 'S3.ObjectLock',
  severity: Severity.INFO,
  title: 'S3 buckets turn on Object Lock',
  fix: 'Set ObjectLockEnabled: true with an ObjectLockConfiguration default retention (SecureBucket prop objectLock: { mode, retention }), or acknowledge the rule where the data must stay erasable',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['10.3.2'],
    'nist-800-53-r5': ['CP-6(2)', 'AU-9(2)'],
    'hipaa': ['164.312(c)(1)'],
    'iso-27001-2022': ['A.8.13', 'A.5.33'],
    'nist-csf-2.0': ['PR.DS-01', 'PR.DS-11'],
  },
  equivalents: { 'cfn-guard': ['CT.S3.PR.9'] },
  check: (bucket, set) => {
    const sources = logSourcesOf(set, bucket);
    if (sources.length > 0) return notApplicable(logTargetReason(sources, 'Object Lock on a server access log target blocks log delivery'));
    const enabled = asBoolean(bucket.properties.ObjectLockEnabled);
    if (isUnresolved(enabled)) return unresolved('ObjectLockEnabled', enabled, 'ObjectLockEnabled');
    if (enabled !== true) return fail('Object Lock is off: object versions can be deleted before any retention period', 'ObjectLockEnabled');
    const state = bucket.get('ObjectLockConfiguration.ObjectLockEnabled');
    if (isUnresolved(state)) return unresolved('ObjectLockConfiguration', state, 'ObjectLockConfiguration');
    const days = bucket.get('ObjectLockConfiguration.Rule.DefaultRetention');
    if (isUnresolved(days)) return unresolved('the Object Lock default retention', days, 'ObjectLockConfiguration.Rule.DefaultRetention');
    if (state !== 'Enabled' || days === undefined) {
      return fail('Object Lock is on but no default retention is set, so new versions are not locked unless each writer asks', 'ObjectLockConfiguration.Rule.DefaultRetention');
    }
    return pass('Object Lock is on with a default retention');
  },
});
