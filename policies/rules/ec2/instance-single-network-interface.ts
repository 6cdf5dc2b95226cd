import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Instances have at most one network interface (FSBP EC2.17): more than one can bridge subnets and
 * bypass the network ACLs and security groups that separate them.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-17
 */
export default defineRule({
  id: 'EC2.InstanceSingleNetworkInterface',
  severity: Severity.WARNING,
  title: 'Instances use one network interface',
  fix: 'Give each instance one network interface; route between subnets through the VPC instead',
  resourceTypes: ['AWS::EC2::Instance'],
  controls: {
    'fsbp': ['EC2.17'],
    'nist-800-53-r5': ['AC-4(21)', 'SC-7(21)'],
    'iso-27001-2022': ['A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  equivalents: { 'cfn-guard': ['CT.EC2.PR.12'] },
  check: (instance) => {
    const nics = instance.properties.NetworkInterfaces;
    if (nics instanceof Unresolved) return unresolved('the network interfaces', nics, 'NetworkInterfaces');
    const count = asList(nics).length;
    if (count > 1) return fail(`has ${count} network interfaces`, 'NetworkInterfaces');
    return pass('one network interface');
  },
});
