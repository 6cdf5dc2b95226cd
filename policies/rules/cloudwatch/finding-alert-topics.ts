import { Outcome, Severity, Unresolved, asList, defineRule, fail, isPlainObject, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { topicProblem, topicTarget } from '../private/alerting';

/** Event sources of security findings whose routes must deliver. */
const FINDING_SOURCES = ['aws.guardduty', 'aws.securityhub', 'aws.inspector2', 'aws.access-analyzer'];

/**
 * EventBridge rules that route security findings deliver them: each SNS topic they target is
 * encrypted with a key EventBridge may use, and has a subscriber.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html#eb-no-messages-published-sns
 */
export default defineRule({
  id: 'EventBridge.FindingAlertTopics',
  severity: Severity.ERROR,
  title: 'Security finding routes target encrypted, subscribed SNS topics that EventBridge can publish to',
  description:
    'An EventBridge rule that sends GuardDuty, Security Hub, Inspector or Access Analyzer findings to an SNS topic delivers nothing when the topic key does not admit events.amazonaws.com (or is the AWS managed SNS key), and reaches nobody when the topic has no subscriber.',
  fix: 'Target the SecurityAlerts topic (KMS key admitting events.amazonaws.com, with subscribers), as ThreatDetection and SecurityAlerts.addEventRoute() do',
  resourceTypes: ['AWS::Events::Rule'],
  controls: {
    'nist-800-53-r5': ['SI-4(12)', 'SI-5(b)', 'SC-28(1)'],
    'pci-dss-4.0': ['10.4.1.1', '12.10.5'],
    'hipaa': ['164.308(a)(6)(ii)'],
    'iso-27001-2022': ['A.5.25'],
    'nist-csf-2.0': ['DE.AE-06'],
  },
  check: (rule, set): Outcome => {
    const pattern = rule.properties.EventPattern;
    const parsed = typeof pattern === 'string' ? tryParse(pattern) : pattern;
    const source = isPlainObject(parsed) ? parsed.source : pattern;
    if (source instanceof Unresolved || unresolvedIn(source).length > 0) return unresolved('the event sources of the rule', source, 'EventPattern');
    if (!asList(source).some((s) => FINDING_SOURCES.includes(String(s)))) return notApplicable('the rule does not route security findings');
    const targets = asList(rule.properties.Targets).filter(isPlainObject).map((t) => topicTarget(set, t.Arn));
    for (const t of targets) {
      if (t.kind === 'unresolved') return unresolved('a target ARN of the rule', t.value, 'Targets');
    }
    const topics = targets.filter((t) => t.kind === 'topic' || t.kind === 'external');
    if (topics.length === 0) return notApplicable('the rule targets no SNS topic (GuardDuty.FindingsAlerted and SecurityHub.FindingsAlerted judge the route)');
    const names: string[] = [];
    for (const t of topics) {
      if (t.kind === 'external') {
        return fail(`target topic ${t.arn} is outside the templates judged, so its key and subscribers cannot be shown; judge it with the templates that define the topic`, 'Targets');
      }
      if (t.kind !== 'topic') continue;
      const problem = topicProblem(set, t.topic, 'events');
      if (problem) return { status: 'fail', message: problem.message, path: 'Properties/Targets', unresolved: problem.unresolved };
      names.push(t.topic.logicalId);
    }
    return pass(`every target topic (${names.join(', ')}) is encrypted with a key EventBridge may use and has a subscriber`);
  },
});

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
