import { Match, Template } from 'aws-cdk-lib/assertions';
import { SecurityBaseline } from '../../../constructs/baseline/security-baseline';
import { testStack } from '../../util/stack';

// Kept apart from security-baseline.test.ts: one behaviour, the evidenceCollector switch.
describe('SecurityBaseline evidenceCollector', () => {
  test('is off by default', () => {
    const { stack } = testStack();
    const baseline = new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'] });
    expect(baseline.evidenceCollector).toBeUndefined();
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ EVIDENCE_PREFIX: 'evidence/' }) } }, 0);
  });

  test('evidenceCollector: true deploys it, alarming to the baseline alert topic', () => {
    const { stack } = testStack();
    const baseline = new SecurityBaseline(stack, 'Baseline', { alertEmails: ['secops@example.com'], evidenceCollector: true });
    const template = Template.fromStack(stack);
    expect(baseline.evidenceCollector).toBeDefined();
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', AlarmActions: [stack.resolve(baseline.alerts.topic.topicArn)] });
  });
});
