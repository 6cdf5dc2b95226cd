import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import {
  CIS_ALARM_DEFINITIONS,
  CIS_ALARM_IDS,
  CisPatternForm,
  SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS,
} from '../../../constructs/detection/cis-alarm-definitions';
import { SecurityAlarms } from '../../../constructs/detection/security-alarms';
import { DEFAULT_SECURITY_HUB_STANDARDS, SecurityHubStandard } from '../../../constructs/detection/threat-detection';
import { testStack } from '../../util/stack';

// The patterns Security Hub's CloudWatch.1-14 accept, copied verbatim from the Security Hub user guide
// (https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html), and the CIS v3.0.0
// pattern for 4.15. Kept here independently of CIS_ALARM_DEFINITIONS so that an edit to the data fails
// a test: Security Hub fails the control if the filter differs by a single term.
const EXPECTED: Array<[string, string, string]> = [
  ['4.1', 'CloudWatch.2', '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}'],
  [
    '4.2',
    'CloudWatch.3',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  ],
  ['4.3', 'CloudWatch.1', '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'],
  [
    '4.4',
    'CloudWatch.4',
    '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}',
  ],
  [
    '4.5',
    'CloudWatch.5',
    '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}',
  ],
  ['4.6', 'CloudWatch.6', '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'],
  ['4.7', 'CloudWatch.7', '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'],
  [
    '4.8',
    'CloudWatch.8',
    '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}',
  ],
  [
    '4.9',
    'CloudWatch.9',
    '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
  ],
  [
    '4.10',
    'CloudWatch.10',
    '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
  ],
  [
    '4.11',
    'CloudWatch.11',
    '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
  ],
  [
    '4.12',
    'CloudWatch.12',
    '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
  ],
  [
    '4.13',
    'CloudWatch.13',
    '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}',
  ],
  [
    '4.14',
    'CloudWatch.14',
    '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}',
  ],
  [
    '4.15',
    'none',
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  ],
];

/**
 * A strict recognizer for the subset of the CloudWatch Logs JSON filter syntax the CIS patterns use:
 * `{ expr }`, where expr joins terms with `&&` / `||`, a term is `( expr )`, `$.path = value`,
 * `$.path != value` or `$.path NOT EXISTS`, and a value is a double-quoted string or a bare word
 * (letters, digits, `.`, `_`, `-`, `*`). Returns the list of selectors it read, or throws.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
function parseJsonFilterPattern(pattern: string): string[] {
  const tokens = pattern.match(/\$\.[A-Za-z0-9_.]+|"[^"]*"|&&|\|\||!=|=|\(|\)|\{|\}|NOT EXISTS|[A-Za-z0-9_.*-]+|\S/g) ?? [];
  let i = 0;
  const selectors: string[] = [];
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) {
      throw new Error(`expected ${expected ?? 'a token'} at token ${i - 1}, got ${JSON.stringify(t)} in ${pattern}`);
    }
    return t;
  };
  const value = () => {
    const t = take();
    if (!/^"[^"]*"$/.test(t) && !/^[A-Za-z0-9_.*-]+$/.test(t)) throw new Error(`bad value ${JSON.stringify(t)}`);
  };
  const term = (): void => {
    if (peek() === '(') {
      take('(');
      expr();
      take(')');
      return;
    }
    const selector = take();
    if (!selector.startsWith('$.')) throw new Error(`expected a $.selector, got ${JSON.stringify(selector)}`);
    selectors.push(selector);
    const op = take();
    if (op === 'NOT EXISTS') return;
    if (op !== '=' && op !== '!=') throw new Error(`expected = or != after ${selector}, got ${JSON.stringify(op)}`);
    value();
  };
  const expr = (): void => {
    term();
    while (peek() === '&&' || peek() === '||') {
      take();
      term();
    }
  };
  take('{');
  expr();
  take('}');
  if (i !== tokens.length) throw new Error(`trailing tokens after }: ${tokens.slice(i).join(' ')}`);
  return selectors;
}

function alarmsStack(context?: 'empty') {
  const { stack } = testStack({ context });
  const logGroup = new logs.LogGroup(stack, 'TrailLogs');
  const topic = new sns.Topic(stack, 'AlertTopic', { masterKey: new kms.Key(stack, 'TopicKey', { enableKeyRotation: true }) });
  topic.addSubscription(new subs.EmailSubscription('secops@example.com'));
  return { stack, logGroup, topic };
}

describe('SecurityAlarms', () => {
  test('defaults: one metric filter and one alarm per CIS 4.1-4.15 control, notifying the alert topic', () => {
    // GIVEN
    const { stack, logGroup, topic } = alarmsStack();
    // WHEN
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Logs::MetricFilter', 15);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 15);
    for (const d of CIS_ALARM_DEFINITIONS) {
      t.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: { Ref: Match.stringLikeRegexp('^TrailLogs') },
        MetricTransformations: [{ MetricName: d.metricName, MetricNamespace: 'CISBenchmark', MetricValue: '1' }],
      });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: Match.absent(),
        AlarmDescription: Match.stringLikeRegexp(`^CIS AWS Foundations ${d.id.replace('.', '\\.')}[ :]`),
        Namespace: 'CISBenchmark',
        MetricName: d.metricName,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
        ActionsEnabled: true,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlertTopic') }],
      });
    }
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Alarms', Match.anyValue());
  });

  test('the definitions cover CIS 4.1 to 4.15 in order, with distinct metrics and Security Hub controls', () => {
    expect(CIS_ALARM_IDS).toEqual(EXPECTED.map(([id]) => id));
    expect(new Set(CIS_ALARM_DEFINITIONS.map((d) => d.metricName)).size).toBe(15);
    expect(CIS_ALARM_DEFINITIONS.map((d) => d.securityHubControl || 'none')).toEqual(EXPECTED.map(([, hub]) => hub));
  });

  // CloudWatch.1-14 belong to Security Hub's CIS v1.2.0 and v1.4.0 standards only
  // (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-standards-cis.html): none of the
  // standards subscribed by default checks these alarms.
  test('no default Security Hub standard contains the CloudWatch.x controls; CIS v1.4.0 does and can be subscribed', () => {
    const defaults = DEFAULT_SECURITY_HUB_STANDARDS.map((s) => s.standardPath);
    expect(defaults.filter((p) => SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS.includes(p))).toEqual([]);
    expect(SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS).toContain(SecurityHubStandard.CIS_AWS_FOUNDATIONS_1_4_0.standardPath);
  });

  test('4.1 to 4.14 follow the Security Hub form, 4.15 the CIS v3.0.0 form, and each source says so', () => {
    expect(CIS_ALARM_DEFINITIONS.map((d) => [d.id, d.patternForm])).toEqual(
      EXPECTED.map(([id]) => [id, id === '4.15' ? CisPatternForm.CIS_3_0 : CisPatternForm.SECURITY_HUB_CLOUDWATCH]),
    );
    for (const d of CIS_ALARM_DEFINITIONS) {
      expect(d.source).toMatch(d.patternForm === CisPatternForm.CIS_3_0 ? /cisecurity\.org.*v3\.0\.0/ : /securityhub.*cloudwatch-controls/);
    }
  });

  test.each(EXPECTED)('CIS %s (Security Hub %s): the metric filter is exactly the prescribed pattern', (id, _hub, pattern) => {
    // GIVEN
    const { stack, logGroup, topic } = alarmsStack();
    // WHEN
    const alarms = new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic });
    // THEN
    const control = alarms.alarms.find((a) => a.definition.id === id)!;
    const filter = stack.resolve((control.metricFilter.node.defaultChild as logs.CfnMetricFilter).filterPattern);
    expect(filter).toBe(pattern);
  });

  test.each(EXPECTED)('CIS %s: the pattern is a well-formed CloudWatch Logs JSON filter', (_id, _hub, pattern) => {
    const selectors = parseJsonFilterPattern(pattern);
    expect(selectors.length).toBeGreaterThan(0);
    expect(pattern.split('(').length).toBe(pattern.split(')').length);
  });

  test('the filter-pattern recognizer rejects malformed patterns (so the test above can fail)', () => {
    expect(() => parseJsonFilterPattern('{($.eventName=CreateTrail) || ($.eventName=DeleteTrail}')).toThrow();
    expect(() => parseJsonFilterPattern('($.eventName=CreateTrail)')).toThrow();
    expect(() => parseJsonFilterPattern('{($.eventName CreateTrail)}')).toThrow();
    expect(() => parseJsonFilterPattern('{($.eventName=CreateTrail) }}')).toThrow();
  });

  test('all props: namespace, alarm names and a disabled control', () => {
    // GIVEN
    const { stack, logGroup, topic } = alarmsStack();
    // WHEN
    const alarms = new SecurityAlarms(stack, 'Alarms', {
      logGroup,
      alertTopic: topic,
      metricNamespace: 'Acme/CIS',
      alarmNamePrefix: 'acme-',
      disabledAlarms: ['4.15'],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Logs::MetricFilter', 14);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 14);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'acme-CIS-4.3-RootUserUsage',
      Namespace: 'Acme/CIS',
      MetricName: 'RootUserUsage',
    });
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricNamespace: 'Acme/CIS', MetricName: 'RootUserUsage' })],
    });
    expect(Object.keys(t.findResources('AWS::Logs::MetricFilter', { Properties: { MetricTransformations: [Match.objectLike({ MetricName: 'OrganizationsChanges' })] } }))).toEqual([]);
    expect(alarms.metricNamespace).toBe('Acme/CIS');
    expect(alarms.alarmFor('4.3')).toBeDefined();
    expect(alarms.alarmFor('4.15')).toBeUndefined();
  });

  test('switching an alarm off warns', () => {
    const { stack, logGroup, topic } = alarmsStack();
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic, disabledAlarms: ['4.15', '4.1'] });
    Annotations.fromStack(stack).hasWarning(
      '/TestStack/Alarms',
      Match.stringLikeRegexp('4\\.1, 4\\.15 are switched off.*ack: cdk-security-baseline:securityAlarms\\.disabledAlarm'),
    );
  });

  test('fails when a disabled alarm id is not a CIS alarm id', () => {
    const { stack, logGroup, topic } = alarmsStack();
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic, disabledAlarms: ['4.16', '3.1'] })).toThrow(
      /SecurityAlarms\.InvalidProps[\s\S]*disabledAlarms must contain CIS alarm ids, got unknown \["4\.16","3\.1"\]; use ids from 4\.1, .*4\.15/,
    );
  });

  test('fails when the log group is in another Region', () => {
    // GIVEN
    const { stack, topic } = alarmsStack();
    const logGroup = logs.LogGroup.fromLogGroupArn(
      stack,
      'OtherRegionLogs',
      'arn:aws:logs:us-east-1:111122223333:log-group:aws-controltower/CloudTrailLogs:*',
    );
    // WHEN / THEN
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic })).toThrow(
      /logGroup must be in this stack's Region \(eu-west-1\), got a log group in "us-east-1"/,
    );
  });

  test('fails when the log group is in another account', () => {
    const { stack, topic } = alarmsStack();
    const logGroup = logs.LogGroup.fromLogGroupArn(stack, 'OtherAccountLogs', 'arn:aws:logs:eu-west-1:444455556666:log-group:trail:*');
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic })).toThrow(
      /logGroup must be in this stack's account \(111122223333\), got a log group in account "444455556666"/,
    );
  });

  test('fails when the namespace is reserved for AWS', () => {
    const { stack, logGroup, topic } = alarmsStack();
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic, metricNamespace: 'AWS/CloudTrail' })).toThrow(
      /metricNamespace must be .*must not start with 'AWS\/'.*got "AWS\/CloudTrail"/,
    );
  });

  test('fails when the alarm name prefix is too long', () => {
    const { stack, logGroup, topic } = alarmsStack();
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic, alarmNamePrefix: 'x'.repeat(201) })).toThrow(
      /alarmNamePrefix must be at most 200 printable ASCII characters/,
    );
  });

  test('an env-agnostic stack skips the Region check instead of guessing', () => {
    // GIVEN
    const { app } = testStack();
    const stack = new Stack(app, 'Agnostic');
    const logGroup = logs.LogGroup.fromLogGroupName(stack, 'Logs', 'trail-logs');
    const alertTopic = sns.Topic.fromTopicArn(stack, 'T', 'arn:aws:sns:eu-west-1:111122223333:alerts');
    // WHEN
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic });
    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 15);
  });

  test('fails when the alert topic is an unencrypted sns.Topic', () => {
    const { stack, logGroup } = alarmsStack();
    const alertTopic = new sns.Topic(stack, 'Plain');
    alertTopic.addSubscription(new subs.EmailSubscription('secops@example.com'));
    expect(() => new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic })).toThrow(
      /SecurityAlarms\.InvalidProps[\s\S]*alertTopic TestStack\/Plain is not KMS-encrypted[\s\S]*masterKey/,
    );
  });

  test('fails at synth when the alert topic has no subscriber', () => {
    const { app } = testStack();
    const stack = app.node.children[0] as Stack;
    const logGroup = new logs.LogGroup(stack, 'TrailLogs');
    const alertTopic = new sns.Topic(stack, 'Lonely', { masterKey: new kms.Key(stack, 'K', { enableKeyRotation: true }) });
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic });
    expect(() => app.synth()).toThrow(/SecurityAlarms\.InvalidProps[\s\S]*alertTopic TestStack\/Lonely has no subscriber[\s\S]*addSubscription/);
  });

  test('an imported topic is trusted to be encrypted and subscribed by its owner', () => {
    const { app, stack } = testStack();
    const logGroup = new logs.LogGroup(stack, 'TrailLogs');
    const alertTopic = sns.Topic.fromTopicArn(stack, 'Org', 'arn:aws:sns:eu-west-1:111122223333:org-alerts');
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic });
    app.synth();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: ['arn:aws:sns:eu-west-1:111122223333:org-alerts'],
    });
  });

  test('pins the logical ids of a metric filter and its alarm', () => {
    const { stack, logGroup, topic } = alarmsStack();
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic });
    const t = Template.fromStack(stack);
    const ids = (type: string, metric: string) =>
      Object.entries(t.findResources(type))
        .filter(([, r]) => JSON.stringify(r).includes(`"${metric}"`))
        .map(([id]) => id);
    expect(ids('AWS::Logs::MetricFilter', 'RootUserUsage')).toEqual(['AlarmsRootUserUsageFilterB1067EE8']);
    expect(ids('AWS::CloudWatch::Alarm', 'RootUserUsage')).toEqual(['AlarmsRootUserUsageAlarmB7E299E8']);
  });

  test('synthesizes the same alarms without feature flags (empty context)', () => {
    const { stack, logGroup, topic } = alarmsStack('empty');
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 15);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { TreatMissingData: 'notBreaching', Threshold: 1, Period: 300 });
  });

  test('snapshot (change detector)', () => {
    const { stack, logGroup, topic } = alarmsStack();
    new SecurityAlarms(stack, 'Alarms', { logGroup, alertTopic: topic });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
