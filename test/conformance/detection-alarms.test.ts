import { AuditTrail } from '../../constructs/detection/audit-trail';
import { SecurityAlarms } from '../../constructs/detection/security-alarms';
import { SecurityAlerts } from '../../constructs/detection/security-alerts';
import { describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// One synth checks the audit trail, the CIS alarms and the alert routing, each with default props, against
// cdk-nag's four packs and the cfn-guard Control Tower rules. They share one stack because they are used
// together (the alarms watch the trail's log group and notify the alert topic) and because each defines a
// DataKey whose alias may exist only once per account and Region. The alerts get the one input they
// cannot default: a subscriber.
const result = runConformance({
  DetectionDefaults: (stack) => {
    const trail = new AuditTrail(stack, 'AuditTrail');
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
  },
  // The Slack route adds an AWS Chatbot channel and its (permission-less) role.
  AlertsWithSlack: (stack) => {
    new SecurityAlerts(stack, 'Alerts', { dataClass: 'slack-alerts', slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' } });
  },
});
const findingsUnder = (path: string) =>
  result.DetectionDefaults.violations.filter((f) => f.constructPath.startsWith(`DetectionDefaults/${path}`));

describe('conformance: detection constructs (trail, CIS alarms, alerts) with defaults', () => {
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(result.all.stale).toEqual([]);
  });

  test('every pack ran', () => {
    expect(result.all.plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test.each(['AuditTrail', 'Alerts', 'Alarms'])('%s has zero unacknowledged findings', (path) => {
    expect(describeFindings(findingsUnder(path))).toEqual([]);
  });
  test('the stack as a whole has zero unacknowledged findings', () => {
    expect(describeFindings(result.DetectionDefaults.violations)).toEqual([]);
  });
  test('alerts routed to Slack have zero unacknowledged findings', () => {
    expect(describeFindings(result.AlertsWithSlack.violations)).toEqual([]);
  });
  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(result.all.acknowledged))).toEqual([]);
  });
});
