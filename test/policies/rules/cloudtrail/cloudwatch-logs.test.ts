import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/cloudwatch-logs';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

describe('CloudTrail.CloudWatchLogs', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail with sendToCloudWatchLogs', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, trailTemplate());
  });

  test('Non-compliant 1: L2 trail without CloudWatch Logs', () => {
    const { stack } = testStack();
    l2Trail(stack, { sendToCloudWatchLogs: false, cloudWatchLogGroup: undefined });
    expectFail(rule, stack, /no CloudWatchLogsLogGroupArn/);
  });

  test('Non-compliant 2: escape hatch removes the role of AuditTrail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.trail!.node.defaultChild as cloudtrail.CfnTrail).addPropertyDeletionOverride('CloudWatchLogsRoleArn');
    expectFail(rule, stack, /no CloudWatchLogsRoleArn/);
  });

  test('Non-compliant 3: raw L1 trail with a log group but no role', () => {
    const { stack } = testStack();
    l1Trail(stack, { cloudWatchLogsRoleArn: undefined });
    expectFail(rule, stack, /no CloudWatchLogsRoleArn/);
  });

  test('Non-compliant 4: hand-written template with an empty log group ARN', () => {
    expectFail(rule, trailTemplate({ CloudWatchLogsLogGroupArn: '' }), /no CloudWatchLogsLogGroupArn/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ CloudWatchLogsLogGroupArn: { 'Fn::If': ['Prod', 'arn:x', { Ref: 'AWS::NoValue' }] } })), /could not resolve/);
  });
});
