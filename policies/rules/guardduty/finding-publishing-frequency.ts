import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * GuardDuty publishes updates to existing findings every 15 minutes (its own default is six hours).
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html
 */
export default defineRule({
  id: 'GuardDuty.FindingPublishingFrequency',
  severity: Severity.WARNING,
  title: 'GuardDuty publishes finding updates every 15 minutes',
  description: 'Repeated activity on an open finding reaches EventBridge (and so the alert topic and the findings export) only when the detector publishes; the default six hours delays the response.',
  fix: 'Set FindingPublishingFrequency to FIFTEEN_MINUTES on the detector (ThreatDetection does unless findingPublishingFrequency says otherwise)',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  controls: {
    'nist-800-53-r5': ['SI-4(2)', 'SI-4(12)'],
    'pci-dss-4.0': ['10.4.1.1'],
    'nist-csf-2.0': ['DE.AE-06'],
  },
  check: (detector) => {
    const frequency = detector.properties.FindingPublishingFrequency;
    if (frequency instanceof Unresolved) return unresolved('the finding publishing frequency', frequency, 'FindingPublishingFrequency');
    if (frequency === 'FIFTEEN_MINUTES') return pass('finding updates are published every 15 minutes');
    if (frequency === undefined) return fail('FindingPublishingFrequency is not set, so GuardDuty publishes finding updates every six hours', 'FindingPublishingFrequency');
    return fail(`finding updates are published every ${String(frequency)}, not FIFTEEN_MINUTES`, 'FindingPublishingFrequency');
  },
});
