// The cases every CIS 4.x monitoring rule must pass. Each rule reads the same chain (multi-Region
// trail -> log group -> metric filter with the control's pattern -> alarm -> encrypted, subscribed
// topic); only the pattern differs, so the chain is broken link by link here for each control.
import { Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { CIS_ALARM_DEFINITIONS } from '../../../../constructs/detection/cis-alarm-definitions';
import { SecurityAlarms } from '../../../../constructs/detection/security-alarms';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import { AccountRule } from '../../../../lib/engine';
import { cisMonitoringControl, normalizePattern } from '../../../../policies/rules/private/cis-monitoring';
import { TEST_ENV, testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, onlyOfType, withUnknownCondition } from '../account/baseline-fixture';

/** The links of one control's chain in the baseline template. */
function chain(template: Record<string, any>, metricName: string) {
  const filterId = idsOfType(template, 'AWS::Logs::MetricFilter').find((id) => template.Resources[id].Properties.MetricTransformations[0].MetricName === metricName)!;
  const alarmId = idsOfType(template, 'AWS::CloudWatch::Alarm').find((id) => template.Resources[id].Properties.MetricName === metricName)!;
  return {
    filter: template.Resources[filterId],
    filterId,
    alarm: template.Resources[alarmId],
    alarmId,
    topic: onlyOfType(template, 'AWS::SNS::Topic'),
    trail: onlyOfType(template, 'AWS::CloudTrail::Trail'),
  };
}

/** A hand-written template with the whole chain and the given pattern. */
export function handWrittenChain(pattern: string, overrides: { trail?: Record<string, unknown>; topic?: Record<string, unknown> } = {}): Record<string, any> {
  return {
    Resources: {
      TrailLogs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'trail-logs' } },
      Trail: {
        Type: 'AWS::CloudTrail::Trail',
        Properties: {
          IsLogging: true,
          IsMultiRegionTrail: 'true',
          S3BucketName: 'trail-bucket',
          CloudWatchLogsLogGroupArn: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:trail-logs:*' },
          CloudWatchLogsRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/trail-logs' },
          ...overrides.trail,
        },
      },
      Filter: {
        Type: 'AWS::Logs::MetricFilter',
        Properties: { LogGroupName: 'trail-logs', FilterPattern: pattern, MetricTransformations: [{ MetricName: 'Cis', MetricNamespace: 'Security', MetricValue: '1' }] },
      },
      Alarm: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: { MetricName: 'Cis', Namespace: 'Security', Statistic: 'Sum', Period: 300, Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [{ Ref: 'Topic' }] },
      },
      Key: {
        Type: 'AWS::KMS::Key',
        Properties: {
          KeyPolicy: {
            Statement: [
              { Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' },
              { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
            ],
          },
        },
      },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'Key' }, Subscription: [{ Protocol: 'email', Endpoint: 'secops@example.com' }], ...overrides.topic } },
    },
  };
}

/** Spread the pattern over lines and spaces the way a hand-written template might. */
function respaced(pattern: string): string {
  return pattern.replace(/\) \|\| \(/g, ')\n  ||\n  (').replace(/\|\|/g, ' || ').replace(/^\{/, '{\n ');
}

/** The shared Compliant / Non-compliant cases of a CIS 4.x monitoring rule. */
export function cisMonitoringCases(rule: AccountRule): void {
  const control = cisMonitoringControl(rule.id)!;
  const definition = CIS_ALARM_DEFINITIONS.find((d) => d.id === control.cis)!;
  const cisPattern = control.patterns[control.patterns.length - 1].pattern;

  test('data: the construct\'s pattern is accepted, and every accepted pattern cites its source', () => {
    expect(control.patterns.map((p) => normalizePattern(p.pattern))).toContain(normalizePattern(definition.filterPattern));
    for (const p of control.patterns) expect(p.source).toMatch(/^https:\/\//);
  });

  test('Compliant: the account baseline built from our constructs (AuditTrail, SecurityAlarms, SecurityAlerts)', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.resourceType).toBe('AWS::CloudWatch::Alarm');
    expect(result.message).toMatch(/on log group TrailLogGroup\w+ \(trail Trail\w+\)/);
  });

  test('Compliant: L2 trail, metric filter with the CIS v3.0 pattern, alarm and encrypted topic', () => {
    const { stack } = testStack();
    const logGroup = new logs.LogGroup(stack, 'TrailLogs');
    new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true, cloudWatchLogGroup: logGroup, isMultiRegionTrail: true });
    const key = new kms.Key(stack, 'Key');
    key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }));
    const topic = new sns.Topic(stack, 'Topic', { masterKey: key });
    topic.addSubscription(new subs.EmailSubscription('secops@example.com'));
    const filter = new logs.MetricFilter(stack, 'Filter', { logGroup, filterPattern: logs.FilterPattern.literal(cisPattern), metricNamespace: 'Security', metricName: 'Cis', metricValue: '1' });
    new cloudwatch.Alarm(stack, 'Alarm', { metric: filter.metric(), threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new cwActions.SnsAction(topic));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 resources, with an alarm on a Metrics query and a Chatbot-free SNS subscription resource', () => {
    const template = handWrittenChain(definition.filterPattern, { topic: { Subscription: undefined } });
    template.Resources.Subscription = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'email', Endpoint: 'secops@example.com' } };
    const alarm = template.Resources.Alarm.Properties;
    delete alarm.MetricName;
    delete alarm.Namespace;
    alarm.Metrics = [{ Id: 'm1', MetricStat: { Metric: { MetricName: 'Cis', Namespace: 'Security' }, Period: 300, Stat: 'Sum' } }];
    delete template.Resources.Topic.Properties.Subscription;
    expectPass(rule, template);
  });

  test('Compliant: hand-written template with the CIS v3.0 pattern spread over lines', () => {
    expectPass(rule, handWrittenChain(respaced(cisPattern)));
  });

  test('Compliant: AuditTrail on an existing (organization) trail log group is judged by the named log group', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const trail = new AuditTrail(stack, 'Trail', { organizationTrailLogGroup: logs.LogGroup.fromLogGroupName(stack, 'OrgTrailLogs', 'aws-controltower/CloudTrailLogs') });
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
    const [result] = expectPass(rule, stack);
    expect(result.message).toMatch(/log group aws-controltower\/CloudTrailLogs \(its trail is outside the templates judged\)/);
  });

  test('Compliant: the chain across two stacks (the alert topic is imported from the alerts stack)', () => {
    // Fn::ImportValue references: the engine does not resolve the "weak" Fn::GetStackOutput form yet.
    const { app, stack } = testStack({ extraContext: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    const alertsStack = new Stack(app, 'AlertsStack', { env: TEST_ENV });
    const alerts = new SecurityAlerts(alertsStack, 'Alerts', { emails: ['secops@example.com'] });
    const trail = new AuditTrail(stack, 'Trail');
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
    const [result] = expectPass(rule, [stack, alertsStack]);
    expect(result.stack).toBe('TestStack');
    expect(result.message).toMatch(/notifies encrypted, subscribed topic AlertsTopic/);
  });

  test('Non-compliant 1: the metric filter removed from the baseline fails against the stack', () => {
    const template = baselineTemplate();
    delete template.Resources[chain(template, definition.metricName).filterId];
    const failures = expectFail(rule, template, new RegExp(`CIS ${control.cis.replace('.', '\\.')}: no metric filter .* with the prescribed pattern on log group TrailLogGroup`));
    expect(failures[0].logicalId).toBeNull();
    expect(failures[0].stack).toBe('fixture-0');
  });

  test('Non-compliant 2: a narrowed pattern (an extra term that silences other Regions) does not count', () => {
    const template = baselineTemplate();
    const { filter } = chain(template, definition.metricName);
    filter.Properties.FilterPattern = filter.Properties.FilterPattern.replace(/\s*\}$/, ' && ($.awsRegion = "eu-west-1")}');
    expectFail(rule, template, /no metric filter .* with the prescribed pattern .*\(15 other metric filter\(s\) there/);
  });

  test('Non-compliant 3: SecurityAlarms with the control in disabledAlarms', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const trail = new AuditTrail(stack, 'Trail');
    new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic, disabledAlarms: [control.cis] });
    expectFail(rule, stack, /no metric filter/);
  });

  test('Non-compliant 4: the alarm removed fails naming the metric filter', () => {
    const template = baselineTemplate();
    const { filterId, alarmId } = chain(template, definition.metricName);
    delete template.Resources[alarmId];
    const failures = expectFail(rule, template, new RegExp(`emits CISBenchmark/${definition.metricName}, but no CloudWatch alarm watches that metric`));
    expect(failures[0].logicalId).toBe(filterId);
  });

  test('Non-compliant 5: the alarm with ActionsEnabled false, or without AlarmActions, fails naming the alarm', () => {
    const template = baselineTemplate();
    const { alarm, alarmId } = chain(template, definition.metricName);
    alarm.Properties.ActionsEnabled = false;
    const [disabled] = expectFail(rule, template, /has ActionsEnabled false/);
    expect(disabled.logicalId).toBe(alarmId);
    alarm.Properties.ActionsEnabled = true;
    alarm.Properties.AlarmActions = [];
    expectFail(rule, template, /has no AlarmActions/);
  });

  test('Non-compliant 6: an unencrypted topic, or one with the AWS managed key, fails naming the topic', () => {
    const template = baselineTemplate();
    const { topic } = chain(template, definition.metricName);
    delete topic.resource.Properties.KmsMasterKeyId;
    const [unencrypted] = expectFail(rule, template, /alert topic AlertsTopic\w+ is not encrypted with a KMS key/);
    expect(unencrypted.logicalId).toBe(topic.id);
    topic.resource.Properties.KmsMasterKeyId = 'alias/aws/sns';
    expectFail(rule, template, /AWS managed key alias\/aws\/sns, which CloudWatch alarms cannot use/);
  });

  test('Non-compliant 7: a topic whose key policy does not admit CloudWatch', () => {
    const template = handWrittenChain(definition.filterPattern);
    template.Resources.Key.Properties.KeyPolicy.Statement.pop();
    expectFail(rule, template, /key policy does not let cloudwatch.amazonaws.com/);
  });

  test('Non-compliant 8: the subscription removed fails naming the topic', () => {
    const template = baselineTemplate();
    for (const id of idsOfType(template, 'AWS::SNS::Subscription')) delete template.Resources[id];
    const [failure] = expectFail(rule, template, /has no subscription, so alerts reach nobody/);
    expect(failure.logicalId).toBe(chain(template, definition.metricName).topic.id);
  });

  test('Non-compliant 9: a single-Region trail does not count', () => {
    const template = baselineTemplate();
    chain(template, definition.metricName).trail.resource.Properties.IsMultiRegionTrail = false;
    expectFail(rule, template, /no multi-Region CloudTrail trail .*trail Trail\w+ is not multi-Region/);
  });

  test('Non-compliant 10: an alarm that notifies a topic outside the templates cannot be shown to deliver', () => {
    const template = handWrittenChain(definition.filterPattern);
    template.Resources.Alarm.Properties.AlarmActions = [{ 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:elsewhere' }];
    expectFail(rule, template, /outside the templates judged/);
  });

  test('Non-compliant 11: escape hatch that rewrites the construct\'s pattern is caught; one that fixes an L2 filter passes', () => {
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
    const trail = new AuditTrail(stack, 'Trail');
    const alarms = new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
    const cfnFilter = alarms.alarms.find((a) => a.definition.id === control.cis)!.metricFilter.node.defaultChild as logs.CfnMetricFilter;
    cfnFilter.addPropertyOverride('FilterPattern', '{ $.eventName = "Nothing" }');
    expectFail(rule, stack, /no metric filter/);

    const fixed = testStack().stack;
    const logGroup = new logs.LogGroup(fixed, 'TrailLogs');
    new cloudtrail.Trail(fixed, 'Trail', { sendToCloudWatchLogs: true, cloudWatchLogGroup: logGroup });
    const key = new kms.Key(fixed, 'Key');
    key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }));
    const topic = new sns.Topic(fixed, 'Topic', { masterKey: key });
    topic.addSubscription(new subs.EmailSubscription('secops@example.com'));
    const filter = new logs.MetricFilter(fixed, 'Filter', { logGroup, filterPattern: logs.FilterPattern.allEvents(), metricNamespace: 'Security', metricName: 'Cis' });
    new cloudwatch.Alarm(fixed, 'Alarm', { metric: filter.metric(), threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new cwActions.SnsAction(topic));
    (filter.node.defaultChild as logs.CfnMetricFilter).addPropertyOverride('FilterPattern', definition.filterPattern);
    expectPass(rule, fixed);
  });

  test('Non-compliant 12: fails closed when the filter pattern is unresolvable', () => {
    const template = withUnknownCondition(handWrittenChain(definition.filterPattern));
    template.Resources.Filter.Properties.FilterPattern = { 'Fn::If': ['Unknown', definition.filterPattern, ''] };
    expectFail(rule, template, /could not resolve the filter pattern of metric filter Filter/);
  });

  test('Non-compliant 13: fails closed when the alarm is deployed only under an unknown condition', () => {
    const template = withUnknownCondition(handWrittenChain(definition.filterPattern));
    template.Resources.Alarm.Condition = 'Unknown';
    const [failure] = expectFail(rule, template, /could not resolve whether Alarm is deployed/);
    expect(failure.logicalId).toBe('Alarm');
  });
}
