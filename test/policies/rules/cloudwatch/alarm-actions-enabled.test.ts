import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import rule from '../../../../policies/rules/cloudwatch/alarm-actions-enabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, withUnknownCondition } from '../account/baseline-fixture';

const metric = new cloudwatch.Metric({ namespace: 'App', metricName: 'Errors' });
const handWritten = (properties: Record<string, unknown>) => ({
  Resources: { Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'Errors', Namespace: 'App', Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold', ...properties } } },
});

describe('CloudWatch.AlarmActionsEnabled', () => {
  test('Compliant: every alarm of the baseline built from our constructs (SecurityAlarms)', () => {
    const results = expectPass(rule, baselineTemplate());
    expect(results).toHaveLength(15);
  });

  test('Compliant: L2 alarm with an SNS action', () => {
    const { stack } = testStack();
    new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new cwActions.SnsAction(new sns.Topic(stack, 'Topic')));
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnAlarm with ActionsEnabled "true"', () => {
    const { stack } = testStack();
    const alarm = new cloudwatch.CfnAlarm(stack, 'Alarm', { metricName: 'Errors', namespace: 'App', threshold: 1, evaluationPeriods: 1, comparisonOperator: 'GreaterThanThreshold', alarmActions: ['arn:aws-example:sns'] });
    alarm.addPropertyOverride('ActionsEnabled', 'true');
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten({ AlarmActions: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:ops' }] }));
  });

  test('Non-compliant 1: L2 alarm without actions', () => {
    const { stack } = testStack();
    new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 });
    expectFail(rule, stack, /has no AlarmActions/);
  });

  test('Non-compliant 2: L2 alarm with actionsEnabled false', () => {
    const { stack } = testStack();
    new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1, actionsEnabled: false }).addAlarmAction(new cwActions.SnsAction(new sns.Topic(stack, 'Topic')));
    const [failure] = expectFail(rule, stack, /ActionsEnabled is false/);
    expect(failure.location).toBe('Properties/ActionsEnabled');
  });

  test('Non-compliant 3: escape hatch on a baseline alarm is caught', () => {
    const template = baselineTemplate();
    const [id] = idsOfType(template, 'AWS::CloudWatch::Alarm');
    template.Resources[id].Properties.ActionsEnabled = 'false';
    const failures = expectFail(rule, template, /ActionsEnabled is false/);
    expect(failures.map((f) => f.logicalId)).toEqual([id]);
  });

  test('Non-compliant 4: hand-written alarm with only an OK action', () => {
    expectFail(rule, handWritten({ OKActions: ['arn:x'] }), /has no AlarmActions/);
  });

  test('Non-compliant 5: fails closed when ActionsEnabled is unresolvable', () => {
    expectFail(rule, withUnknownCondition(handWritten({ ActionsEnabled: { 'Fn::If': ['Unknown', true, false] }, AlarmActions: ['arn:x'] })), /could not resolve/);
  });
});
