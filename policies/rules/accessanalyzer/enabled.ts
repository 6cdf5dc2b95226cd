import { AccountOutcome, Severity, defineAccountRule } from '../../../lib/engine';
import { deployedOfType, failOn, missing, unresolvedOn } from '../private/alerting';

/** Analyzer types that report access from outside the zone of trust. */
const EXTERNAL_ACCESS = ['ACCOUNT', 'ORGANIZATION'];

/**
 * IAM Access Analyzer watches external access: an analyzer of type ACCOUNT or ORGANIZATION exists.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html
 */
export default defineAccountRule({
  id: 'AccessAnalyzer.Enabled',
  severity: Severity.ERROR,
  title: 'An IAM Access Analyzer external-access analyzer (ACCOUNT or ORGANIZATION) is defined',
  description: 'An external-access analyzer reports every bucket, key, role, queue, secret or snapshot that a principal outside the account (or organization) can reach (CIS 1.20). Unused-access analyzers do not.',
  fix: 'Define an AWS::AccessAnalyzer::Analyzer of Type ACCOUNT or ORGANIZATION in every Region (AccessAnalyzer does)',
  controls: {
    'cis-aws-3.0': ['1.20'],
    'nist-800-53-r5': ['AC-3', 'AC-6'],
    'pci-dss-4.0': ['7.2.1'],
    'hipaa': ['164.308(a)(4)(i)', '164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'DE.CM-01'],
    'gdpr': ['Art. 25', 'Art. 32'],
  },
  check: (set) => {
    const { resources, undecided } = deployedOfType(set, 'AWS::AccessAnalyzer::Analyzer');
    const outcomes: AccountOutcome[] = [...undecided];
    for (const analyzer of resources) {
      const type = analyzer.properties.Type;
      if (typeof type !== 'string') outcomes.push(unresolvedOn(analyzer, `the type of analyzer ${analyzer.logicalId}`, type, 'Type'));
      else if (!EXTERNAL_ACCESS.includes(type)) {
        outcomes.push(failOn(analyzer, `analyzer ${analyzer.logicalId} is of type ${type}, which does not report external access; use ACCOUNT or ORGANIZATION`, 'Type'));
      } else outcomes.push({ status: 'pass', message: `analyzer ${analyzer.logicalId} reports external access (${type})`, resource: analyzer });
    }
    if (outcomes.length === 0) return [missing(set, 'no IAM Access Analyzer analyzer is defined: external access to resources goes unreported')];
    return outcomes;
  },
});
