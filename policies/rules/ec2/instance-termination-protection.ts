import { Severity, Unresolved, asBoolean, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Instances have termination protection on (`DisableApiTermination` true), so an API call or a
 * console click cannot terminate them by mistake. A warning: it suits long-lived hosts such as a
 * bastion, not fleets that Auto Scaling replaces.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_ChangingDisableAPITermination.html
 */
export default defineRule({
  id: 'EC2.InstanceTerminationProtection',
  severity: Severity.WARNING,
  title: 'Long-lived instances have termination protection on',
  fix: 'Set disableApiTermination: true on ec2.Instance (Bastion does)',
  resourceTypes: ['AWS::EC2::Instance'],
  controls: {
    'nist-800-53-r5': ['CP-10', 'SC-5(b)'],
    'iso-27001-2022': ['A.8.14'],
    'nist-csf-2.0': ['PR.IR-03'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-EC29'] },
  check: (instance) => {
    const on = asBoolean(instance.properties.DisableApiTermination);
    if (on instanceof Unresolved) return unresolved('DisableApiTermination', on, 'DisableApiTermination');
    if (on !== true) return fail('termination protection is off: the instance can be terminated by any caller allowed ec2:TerminateInstances', 'DisableApiTermination');
    return pass('termination protection is on');
  },
});
