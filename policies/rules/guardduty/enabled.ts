import { AccountOutcome, Severity, Unresolved, asBoolean, defineAccountRule } from '../../../lib/engine';
import { deployedOfType, failOn, missing, unresolvedOn } from '../private/alerting';

/**
 * GuardDuty is on: the account's templates define an enabled GuardDuty detector.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1
 */
export default defineAccountRule({
  id: 'GuardDuty.Enabled',
  severity: Severity.ERROR,
  title: 'A GuardDuty detector is defined and enabled',
  description: 'GuardDuty is the account\'s threat detection: without an enabled detector no finding is raised for compromised credentials, instances or buckets.',
  fix: 'Define an AWS::GuardDuty::Detector with Enable true in every account and Region (ThreatDetection does with guardDuty left on)',
  controls: {
    'fsbp': ['GuardDuty.1'],
    'nist-800-53-r5': ['SI-4(a)', 'SI-4(b)', 'SI-4(c)', 'SI-4(2)', 'AC-2(12)(a)'],
    'pci-dss-4.0': ['11.5.1'],
    'hipaa': ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(B)', '164.308(a)(6)(ii)', '164.312(b)'],
    'iso-27001-2022': ['A.8.7', 'A.8.16', 'A.5.25'],
    'nist-csf-2.0': ['DE.CM-01', 'DE.CM-03', 'DE.CM-09', 'DE.AE-02'],
    'gdpr': ['Art. 32'],
  },
  check: (set) => {
    const { resources, undecided } = deployedOfType(set, 'AWS::GuardDuty::Detector');
    const outcomes: AccountOutcome[] = [...undecided];
    for (const detector of resources) {
      const enable = asBoolean(detector.properties.Enable);
      if (enable instanceof Unresolved) outcomes.push(unresolvedOn(detector, `whether detector ${detector.logicalId} is enabled`, enable, 'Enable'));
      else if (enable !== true) outcomes.push(failOn(detector, `GuardDuty detector ${detector.logicalId} is not enabled (Enable is ${String(enable ?? 'absent')})`, 'Enable'));
      else outcomes.push({ status: 'pass', message: `GuardDuty detector ${detector.logicalId} is enabled`, resource: detector });
    }
    if (outcomes.length === 0) return [missing(set, 'no GuardDuty detector is defined: the account has no threat detection')];
    return outcomes;
  },
});
