import { Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import rule from '../../../../policies/rules/backup/job-failure-alerts';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Plan, planTemplate } from './fixtures';

const JOB_TYPES = ['Backup Job State Change', 'Copy Job State Change', 'Restore Job State Change'];

/** An L2 rule on every failing job state change (no detail filter) to a topic. */
function l2Alerts(stack: Stack, pattern: events.EventPattern = { source: ['aws.backup'], detailType: JOB_TYPES }): events.Rule {
  const r = new events.Rule(stack, 'BackupAlerts', { eventPattern: pattern });
  r.addTarget(new targets.SnsTopic(new sns.Topic(stack, 'Alerts')));
  return r;
}

const eventRule = (pattern: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::Events::Rule',
  Properties: { State: 'ENABLED', EventPattern: { source: ['aws.backup'], ...pattern }, Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }], ...extra },
});
const perVault = {
  BackupJobs: eventRule({ 'detail-type': ['Backup Job State Change'], 'detail': { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [{ Ref: 'Vault' }] } }),
  RestoreJobs: eventRule({
    'detail-type': ['Restore Job State Change'],
    'detail': { status: ['FAILED', 'ABORTED'], $or: [{ backupVaultArn: [{ 'Fn::GetAtt': ['Vault', 'BackupVaultArn'] }] }, { backupVaultArn: [{ exists: false }] }] },
  }),
  Topic: { Type: 'AWS::SNS::Topic' },
};

describe('Backup.JobFailureAlerts', () => {
  test('Compliant: L2 plan with an L2 rule on every job state change of aws.backup', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    l2Alerts(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 rule with anything-but COMPLETED', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    const topic = new sns.CfnTopic(stack, 'Topic');
    new events.CfnRule(stack, 'Alerts', {
      eventPattern: { 'source': ['aws.backup'], 'detail-type': JOB_TYPES, 'detail': { $or: [{ state: [{ 'anything-but': ['COMPLETED', 'RUNNING'] }] }, { status: [{ 'anything-but': 'COMPLETED' }] }] } },
      targets: [{ id: 't', arn: topic.ref }],
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written per-vault rules, as SecureBackupVault writes them', () => {
    expectPass(rule, planTemplate(undefined, {}, perVault));
  });

  test('Non-compliant 1: L2 plan with no EventBridge rule (removed): the finding names the stack', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault', { notificationTopic: new sns.Topic(stack, 'VaultTopic') }));
    const [failure] = expectFail(rule, stack, /no EventBridge rule on source aws.backup/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('TestStack');
  });

  test('Non-compliant 2: L2 rule disabled (broken): the finding names the rule', () => {
    const { stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    const r = l2Alerts(stack);
    (r.node.defaultChild as events.CfnRule).addPropertyOverride('State', 'DISABLED');
    const [failure] = expectFail(rule, stack, /no enabled EventBridge rule .* alerts on Backup Job State Change FAILED/);
    expect(failure.logicalId).toBe(stack.resolve((r.node.defaultChild as events.CfnRule).logicalId));
  });

  test('Non-compliant 3: L2 rule in another Region than the plan', () => {
    const { app, stack } = testStack();
    l2Plan(stack, new backup.BackupVault(stack, 'Vault'));
    const other = new Stack(app, 'Other', { env: { account: '111122223333', region: 'us-east-1' } });
    l2Alerts(other);
    const failures = expectFail(rule, [stack, other], /no EventBridge rule on source aws.backup exists in the Region/);
    expect(failures[0].stack).toBe('TestStack');
  });

  test('Non-compliant 4: hand-written rules that miss expired backup jobs and restore jobs', () => {
    const template = planTemplate(undefined, {}, { ...perVault, RestoreJobs: undefined });
    template.Resources.BackupJobs.Properties.EventPattern.detail.state = ['FAILED', 'ABORTED'];
    expectFail(rule, template, /Backup Job State Change EXPIRED of vault Vault, Restore Job State Change FAILED/);
  });

  test('Non-compliant 5: hand-written rule whose target is not an SNS topic', () => {
    const template = planTemplate(undefined, {}, { Alerts: eventRule({}, { Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:eu-west-1:111122223333:q' }] }) });
    expectFail(rule, template, /with an SNS target/);
  });

  test('Non-compliant 6: fails closed when the rule state cannot be resolved', () => {
    const template = planTemplate(undefined, {}, { Alerts: eventRule({}, { State: { Ref: 'State' } }), Topic: { Type: 'AWS::SNS::Topic' } });
    expectFail(rule, { Parameters: { State: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
