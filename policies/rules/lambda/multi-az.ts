import { Severity, Unresolved, asList, defineRule, fail, isPlainObject, notApplicable, pass, unresolved } from '../../../lib/engine';
import { referenced } from '../private/network';

/**
 * Lambda functions attached to a VPC use subnets in at least two Availability Zones, so an AZ outage
 * does not stop them. The subnets must be in the templates for their zones to show; otherwise two or
 * more subnets are taken as the evidence CloudFormation can give, and fewer fail.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-5
 */
export default defineRule({
  id: 'Lambda.MultiAz',
  severity: Severity.WARNING,
  title: 'Lambda functions in a VPC span at least two Availability Zones',
  fix: 'Give the function subnets in two or more AZs (vpcSubnets selecting a tier of a multi-AZ SegmentedVpc)',
  resourceTypes: ['AWS::Lambda::Function'],
  controls: {
    'fsbp': ['Lambda.5'],
    'nist-800-53-r5': ['CP-10', 'SC-5(b)'],
    'iso-27001-2022': ['A.8.14'],
    'nist-csf-2.0': ['PR.IR-03'],
  },
  check: (fn, set) => {
    const vpc = fn.properties.VpcConfig;
    if (vpc instanceof Unresolved) return unresolved('the VPC configuration', vpc, 'VpcConfig');
    if (!isPlainObject(vpc) || vpc.SubnetIds === undefined) return notApplicable('not attached to a VPC');
    if (vpc.SubnetIds instanceof Unresolved) return unresolved('the subnets', vpc.SubnetIds, 'VpcConfig.SubnetIds');
    const subnets = asList(vpc.SubnetIds);
    const zones = new Set<string>();
    for (const id of subnets) {
      const az = referenced(set, id)?.properties.AvailabilityZone;
      if (typeof az === 'string') zones.add(az);
      else zones.add(`subnet ${String(id)}`);
    }
    if (zones.size < 2) return fail(`uses ${subnets.length} subnet(s) in one Availability Zone`, 'VpcConfig.SubnetIds');
    return pass(`uses subnets in ${zones.size} Availability Zones`);
  },
});
