import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { refersToResource } from '../private/network';

/**
 * Every VPC has a flow log of ALL traffic (accepted and rejected): an `AWS::EC2::FlowLog` whose
 * `ResourceId` refers to the VPC, with `ResourceType` `VPC` and `TrafficType` `ALL`. A flow log of
 * only accepted or only rejected traffic does not count.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
 */
export default defineRule({
  id: 'EC2.VpcFlowLogs',
  severity: Severity.ERROR,
  title: 'Every VPC has a flow log of all traffic',
  fix: 'Add ec2.FlowLog with FlowLogResourceType.fromVpc(vpc) and FlowLogTrafficType.ALL (SegmentedVpc does)',
  resourceTypes: ['AWS::EC2::VPC'],
  controls: {
    'cis-aws-3.0': ['3.7'],
    'fsbp': ['EC2.6'],
    'pci-dss-4.0': ['10.2.1', '10.2.2'],
    'nist-800-53-r5': ['AU-2(b)', 'AU-3(a)', 'AU-12(a)', 'AU-12(c)', 'SI-4(a)', 'SI-4(a)(2)'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15', 'A.8.16'],
    'nist-csf-2.0': ['DE.CM-01', 'PR.PS-04'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-VPC7', 'HIPAA.Security-VPCFlowLogsEnabled', 'NIST.800.53.R5-VPCFlowLogsEnabled', 'PCI.DSS.321-VPCFlowLogsEnabled'],
  },
  check: (vpc, set) => {
    const logs = set.ofType('AWS::EC2::FlowLog');
    const mine = logs.filter((l) => refersToResource(l.properties.ResourceId, vpc));
    for (const log of mine) {
      const traffic = log.properties.TrafficType;
      if (traffic instanceof Unresolved) return unresolved(`the traffic type of flow log ${log.logicalId}`, traffic, '');
      if (traffic === 'ALL') return pass(`flow log ${log.logicalId} records all traffic`);
    }
    if (mine.length > 0) {
      return fail(`flow log ${mine[0].logicalId} records only ${String(mine[0].properties.TrafficType)} traffic; CIS AWS 3.7 needs ALL (at least rejected and accepted)`, '');
    }
    const gap = logs.map((l) => l.properties.ResourceId).find((id) => id instanceof Unresolved);
    if (gap !== undefined) return unresolved('which resource a flow log records', gap, '');
    return fail('no flow log records this VPC', '');
  },
});
