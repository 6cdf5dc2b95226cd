import { AccountOutcome, Severity, Unresolved, asBoolean, defineAccountRule } from '../../../lib/engine';
import { deployedOfType, failOn, missing, unresolvedOn } from '../private/alerting';

/**
 * Security Hub is on: the account's templates define a Security Hub hub that enables new controls.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html
 */
export default defineAccountRule({
  id: 'SecurityHub.Enabled',
  severity: Severity.ERROR,
  title: 'Security Hub is enabled and turns on new controls automatically',
  description: 'Security Hub runs the standards\' controls against the account continuously and aggregates GuardDuty, Inspector and Access Analyzer findings (CIS 4.16).',
  fix: 'Define an AWS::SecurityHub::Hub with AutoEnableControls left true in every account and Region (ThreatDetection does with securityHub left on)',
  controls: {
    'cis-aws-3.0': ['4.16'],
    'nist-800-53-r5': ['CA-7', 'AU-6(5)', 'SI-4(2)'],
    'pci-dss-4.0': ['10.4.1.1'],
    'hipaa': ['164.308(a)(1)(ii)(D)', '164.308(a)(8)'],
    'iso-27001-2022': ['A.5.36', 'A.8.16'],
    'nist-csf-2.0': ['ID.RA-01', 'DE.AE-03'],
    'gdpr': ['Art. 32'],
  },
  check: (set) => {
    const { resources, undecided } = deployedOfType(set, 'AWS::SecurityHub::Hub');
    const outcomes: AccountOutcome[] = [...undecided];
    for (const hub of resources) {
      const auto = asBoolean(hub.properties.AutoEnableControls);
      if (auto instanceof Unresolved) outcomes.push(unresolvedOn(hub, `AutoEnableControls of hub ${hub.logicalId}`, auto, 'AutoEnableControls'));
      else if (auto === false) outcomes.push(failOn(hub, `Security Hub ${hub.logicalId} has AutoEnableControls false, so controls added to the subscribed standards stay off`, 'AutoEnableControls'));
      else outcomes.push({ status: 'pass', message: `Security Hub ${hub.logicalId} is enabled and turns on new controls`, resource: hub });
    }
    if (outcomes.length === 0) return [missing(set, 'no AWS::SecurityHub::Hub is defined: the account runs no Security Hub controls')];
    return outcomes;
  },
});
