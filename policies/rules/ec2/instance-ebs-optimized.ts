import { Severity, Unresolved, asBoolean, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Instances are EBS-optimized (`EbsOptimized` true), so volume traffic has its own bandwidth and does
 * not starve the network. A warning (availability hygiene); most current types are EBS-optimized anyway
 * and accept the setting.
 *
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-optimized.html
 */
export default defineRule({
  id: 'EC2.InstanceEbsOptimized',
  severity: Severity.WARNING,
  title: 'Instances are EBS-optimized',
  fix: 'Set ebsOptimized: true on ec2.Instance (Bastion does)',
  resourceTypes: ['AWS::EC2::Instance'],
  controls: {
    'nist-800-53-r5': ['SC-5(2)'],
    'iso-27001-2022': ['A.8.6'],
    'nist-csf-2.0': ['PR.IR-04'],
  },
  equivalents: { 'cdk-nag': ['HIPAA.Security-EC2EBSOptimizedInstance', 'NIST.800.53.R5-EC2EBSOptimizedInstance'] },
  check: (instance) => {
    const on = asBoolean(instance.properties.EbsOptimized);
    if (on instanceof Unresolved) return unresolved('EbsOptimized', on, 'EbsOptimized');
    if (on !== true) return fail(`EbsOptimized is ${on === false ? 'false' : 'not set'}`, 'EbsOptimized');
    return pass('EBS-optimized');
  },
});
