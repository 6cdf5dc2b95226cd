import { Severity, asNumber, defineRule, fail, isPlainObject, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { logSourcesOf, logTargetReason } from '../private/s3';

/** Shortest time the baseline keeps server access logs, in days (CIS, PCI DSS 10.5.1: a year). */
const MIN_LOG_DAYS = 365;

/**
 * A bucket that receives server access logs keeps them at least 365 days: no enabled lifecycle rule
 * expires objects sooner. No expiration at all (logs kept forever) passes.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html
 */
export default defineRule({
  id: 'S3.LogBucketRetention',
  severity: Severity.ERROR,
  title: 'Server access log buckets keep logs at least 365 days',
  fix: 'Make every lifecycle Expiration on the log bucket 365 days or more (SecureBucket prop accessLogsRetention, at least 365 days)',
  resourceTypes: ['AWS::S3::Bucket'],
  controls: {
    'pci-dss-4.0': ['10.5.1'],
    'nist-800-53-r5': ['AU-11'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-csf-2.0': ['PR.PS-04'],
  },
  check: (bucket, set) => {
    const sources = logSourcesOf(set, bucket);
    if (sources.length === 0) return notApplicable('the bucket receives no server access logs in this set');
    const rules = bucket.get('LifecycleConfiguration.Rules');
    if (isUnresolved(rules)) return unresolved('the log bucket\'s lifecycle rules', rules, 'LifecycleConfiguration.Rules');
    for (const [i, rule] of (Array.isArray(rules) ? rules : []).entries()) {
      if (isUnresolved(rule)) return unresolved(`lifecycle rule ${i}`, rule, `LifecycleConfiguration.Rules.${i}`);
      if (!isPlainObject(rule)) continue;
      if (isUnresolved(rule.Status)) return unresolved(`the status of lifecycle rule ${i}`, rule.Status, `LifecycleConfiguration.Rules.${i}.Status`);
      if (rule.Status !== 'Enabled') continue;
      if (rule.ExpirationDate !== undefined) {
        return fail(`${logTargetReason(sources, `lifecycle rule ${i} deletes logs on a fixed date`)}; expire them by age instead`, `LifecycleConfiguration.Rules.${i}.ExpirationDate`);
      }
      const days = asNumber(rule.ExpirationInDays);
      if (isUnresolved(days)) return unresolved(`the expiration of lifecycle rule ${i}`, days, `LifecycleConfiguration.Rules.${i}.ExpirationInDays`);
      if (days !== undefined && days < MIN_LOG_DAYS) {
        return fail(`${logTargetReason(sources, `lifecycle rule ${i} deletes logs after ${days} days`)}, fewer than ${MIN_LOG_DAYS}`, `LifecycleConfiguration.Rules.${i}.ExpirationInDays`);
      }
    }
    return pass(logTargetReason(sources, `no lifecycle rule deletes logs before ${MIN_LOG_DAYS} days`));
  },
});
