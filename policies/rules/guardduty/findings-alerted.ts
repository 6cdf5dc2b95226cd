import { Severity, asList, asNumber, defineAccountRule, isPlainObject } from '../../../lib/engine';
import { judgeFindingsAlerted } from '../private/alerting';

/** Lowest severity of a High GuardDuty finding. */
const HIGH = 7.0;

/**
 * GuardDuty findings reach a person: an EventBridge rule sends them to an SNS topic.
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html
 */
export default defineAccountRule({
  id: 'GuardDuty.FindingsAlerted',
  severity: Severity.ERROR,
  title: 'GuardDuty findings are routed to an alert topic',
  description: 'GuardDuty only records findings; an EventBridge rule on the default bus must send them (High ones at least) to a topic someone reads.',
  fix: 'Route source aws.guardduty, detail-type "GuardDuty Finding" to the alert topic with an EventBridge rule (ThreatDetection does with alertTopic; keep minimumSeverity at or below 7.0)',
  controls: {
    'nist-800-53-r5': ['SI-4(12)', 'SI-4(c)', 'SI-5(b)', 'AU-6(1)'],
    'pci-dss-4.0': ['10.4.1.1', '11.5.1', '12.10.5'],
    'hipaa': ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
    'iso-27001-2022': ['A.5.25', 'A.8.16'],
    'nist-csf-2.0': ['DE.AE-06', 'RS.MA-02'],
  },
  check: (set) =>
    judgeFindingsAlerted(set, {
      source: 'aws.guardduty',
      detailType: 'GuardDuty Finding',
      service: 'GuardDuty',
      dropsImportantFindings: (pattern) => {
        const detail = pattern.detail;
        if (!isPlainObject(detail) || detail.severity === undefined) return undefined;
        // Numeric matching: [{ numeric: ['>=', 4] }]. A lower bound above 7.0 silences High findings.
        for (const m of asList(detail.severity)) {
          if (!isPlainObject(m)) continue;
          const numeric = asList(m.numeric);
          const bound = asNumber(numeric[1]);
          if ((numeric[0] === '>=' || numeric[0] === '>') && typeof bound === 'number' && numeric.length === 2 && (bound > HIGH || (bound === HIGH && numeric[0] === '>'))) {
            return `only findings of severity ${String(numeric[0])} ${bound}, so High findings (7.0-8.9) raise no alert`;
          }
        }
        return undefined;
      },
    }),
});
