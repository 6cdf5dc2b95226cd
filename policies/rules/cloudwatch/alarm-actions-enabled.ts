import { Severity, Unresolved, asBoolean, asList, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * CloudWatch alarms act when they fire: actions are enabled and at least one alarm action is set.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
export default defineRule({
  id: 'CloudWatch.AlarmActionsEnabled',
  severity: Severity.WARNING,
  title: 'CloudWatch alarms have actions enabled and at least one alarm action',
  description: 'An alarm whose actions are disabled, or that has no action for the ALARM state, changes state without telling anyone.',
  fix: 'Leave ActionsEnabled unset or true and add an alarm action, for example alarm.addAlarmAction(new SnsAction(topic)) (SecurityAlarms does)',
  resourceTypes: ['AWS::CloudWatch::Alarm'],
  controls: {
    'nist-800-53-r5': ['AU-6(1)', 'AU-6(5)', 'SI-4(12)', 'SI-5(b)'],
    'pci-dss-4.0': ['10.4.1.1'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.16'],
    'nist-csf-2.0': ['DE.AE-06'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-CloudWatchAlarmAction', 'NIST.800.53.R5-CloudWatchAlarmAction'],
    'cfn-guard': ['CT.CLOUDWATCH.PR.1', 'CT.CLOUDWATCH.PR.4'],
  },
  check: (alarm) => {
    const enabled = asBoolean(alarm.properties.ActionsEnabled);
    if (enabled instanceof Unresolved) return unresolved('whether the alarm actions are enabled', enabled, 'ActionsEnabled');
    if (enabled === false) return fail('ActionsEnabled is false, so the alarm runs no action', 'ActionsEnabled');
    const actions = alarm.properties.AlarmActions;
    if (actions instanceof Unresolved) return unresolved('the alarm actions', actions, 'AlarmActions');
    const count = asList(actions).length;
    if (count === 0) return fail('the alarm has no AlarmActions, so nothing happens when it fires', 'AlarmActions');
    return pass(`actions are enabled and ${count} alarm action(s) are set`);
  },
});
