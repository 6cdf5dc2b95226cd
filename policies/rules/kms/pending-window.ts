import { Severity, asNumber, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/** The longest waiting period KMS allows before it deletes a key, in days (also the default). */
const LONGEST_WINDOW = 30;

/**
 * KMS keys wait the longest period (30 days) before deletion, so a mistaken or malicious deletion can
 * be cancelled. `PendingWindowInDays` absent means 30.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html#deleting-keys-scheduling-key-deletion
 */
export default defineRule({
  id: 'KMS.PendingWindow',
  severity: Severity.WARNING,
  title: 'KMS keys wait 30 days before deletion',
  fix: 'Leave PendingWindowInDays unset or set it to 30 (DataKey does; on a kms.Key use pendingWindow: Duration.days(30))',
  resourceTypes: ['AWS::KMS::Key'],
  controls: {
    'fsbp': ['KMS.3'],
    'nist-800-53-r5': ['SC-12', 'CP-10'],
    'pci-dss-4.0': ['3.6.1'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
  },
  check: (key) => {
    const days = asNumber(key.properties.PendingWindowInDays);
    if (isUnresolved(days)) return unresolved('PendingWindowInDays', days, 'PendingWindowInDays');
    if (days === undefined) return pass(`deletion waits ${LONGEST_WINDOW} days (the default)`);
    if (days < LONGEST_WINDOW) return fail(`deletion waits only ${days} days; a mistaken deletion can be cancelled only within that window`, 'PendingWindowInDays');
    return pass(`deletion waits ${days} days`);
  },
});
