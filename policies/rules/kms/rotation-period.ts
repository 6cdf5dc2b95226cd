import { Severity, asBoolean, asNumber, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';
import { rotationNotApplicable } from '../private/kms-key';

/** Longest rotation period the baseline accepts, in days (yearly, as CIS and PCI DSS 3.6.1 expect). */
const MAX_ROTATION_DAYS = 365;

/**
 * Rotating KMS keys rotate at least once a year (`RotationPeriodInDays` at most 365; absent means 365).
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html#rotation-period
 */
export default defineRule({
  id: 'KMS.RotationPeriod',
  severity: Severity.WARNING,
  title: 'KMS keys rotate at least every 365 days',
  fix: 'Leave RotationPeriodInDays unset (365) or set it to 90-365 (DataKey prop rotationPeriod, default 365 days)',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'pci-dss-4.0': ['3.6.1', '3.7.4'],
    'nist-800-53-r5': ['SC-12', 'SC-12(2)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
  },
  check: (key) => {
    const skip = rotationNotApplicable(key);
    if (skip) return skip;
    const on = asBoolean(key.properties.EnableKeyRotation);
    if (isUnresolved(on)) return unresolved('EnableKeyRotation', on, 'EnableKeyRotation');
    if (on !== true) return notApplicable('rotation is off, which KMS.KeyRotation reports');
    const days = asNumber(key.properties.RotationPeriodInDays);
    if (isUnresolved(days)) return unresolved('RotationPeriodInDays', days, 'RotationPeriodInDays');
    if (days === undefined) return pass(`the key rotates every ${MAX_ROTATION_DAYS} days (the KMS default)`);
    if (days > MAX_ROTATION_DAYS) return fail(`the key rotates every ${days} days, more than ${MAX_ROTATION_DAYS}`, 'RotationPeriodInDays');
    return pass(`the key rotates every ${days} days`);
  },
});
