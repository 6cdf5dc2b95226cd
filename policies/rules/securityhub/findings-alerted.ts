import { Severity, asList, defineAccountRule, isPlainObject } from '../../../lib/engine';
import { judgeFindingsAlerted } from '../private/alerting';

/**
 * Failed Security Hub control findings reach a person: an EventBridge rule sends them to an SNS topic.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-integration-types.html
 */
export default defineAccountRule({
  id: 'SecurityHub.FindingsAlerted',
  severity: Severity.ERROR,
  title: 'Security Hub findings are routed to an alert topic',
  description: 'Security Hub only records findings; an EventBridge rule on the default bus must send the imported findings (High and Critical at least, failed controls included) to a topic someone reads.',
  fix: 'Route source aws.securityhub, detail-type "Security Hub Findings - Imported" to the alert topic (ThreatDetection does with alertTopic; keep securityHubMinimumSeverity at HIGH or below)',
  controls: {
    'nist-800-53-r5': ['SI-4(12)', 'SI-5(b)', 'AU-6(1)'],
    'pci-dss-4.0': ['10.4.1.1', '12.10.5'],
    'hipaa': ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
    'iso-27001-2022': ['A.5.25', 'A.8.16'],
    'nist-csf-2.0': ['DE.AE-06', 'RS.MA-02'],
  },
  check: (set) =>
    judgeFindingsAlerted(set, {
      source: 'aws.securityhub',
      detailType: 'Security Hub Findings - Imported',
      service: 'Security Hub',
      dropsImportantFindings: (pattern) => {
        const findings = isPlainObject(pattern.detail) ? pattern.detail.findings : undefined;
        if (!isPlainObject(findings)) return undefined;
        const labels = isPlainObject(findings.Severity) ? findings.Severity.Label : undefined;
        if (labels !== undefined) {
          const listed = asList(labels).filter((l) => typeof l === 'string');
          const dropped = ['HIGH', 'CRITICAL'].filter((l) => !listed.includes(l));
          // Only plain label lists are judged; a content filter ({ prefix: ... }) is left to the reviewer.
          if (listed.length === asList(labels).length && dropped.length > 0) return `its Severity.Label filter leaves out ${dropped.join(' and ')} findings`;
        }
        const status = isPlainObject(findings.Compliance) ? findings.Compliance.Status : undefined;
        if (status !== undefined && asList(status).every((s) => typeof s === 'string') && !asList(status).includes('FAILED')) {
          return 'its Compliance.Status filter leaves out FAILED control findings';
        }
        return undefined;
      },
    }),
});
