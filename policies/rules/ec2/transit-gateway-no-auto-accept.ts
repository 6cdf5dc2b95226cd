import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Transit gateways do not accept VPC attachment requests automatically (`AutoAcceptSharedAttachments`
 * not `enable`; the default is `disable`): every attachment from another account is reviewed.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-23
 */
export default defineRule({
  id: 'EC2.TransitGatewayNoAutoAccept',
  severity: Severity.ERROR,
  title: 'Transit gateways do not accept attachments automatically',
  fix: 'Leave autoAcceptSharedAttachments at "disable" on ec2.CfnTransitGateway and accept attachments one by one',
  resourceTypes: ['AWS::EC2::TransitGateway'],
  controls: {
    'fsbp': ['EC2.23'],
    'pci-dss-4.0': ['1.3.1', '1.4.1'],
    'nist-800-53-r5': ['AC-4', 'AC-4(21)', 'SC-7(a)'],
    'iso-27001-2022': ['A.8.20', 'A.8.22'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  equivalents: { 'cfn-guard': ['CT.EC2.PR.6'] },
  check: (tgw) => {
    const auto = tgw.properties.AutoAcceptSharedAttachments;
    if (auto instanceof Unresolved) return unresolved('AutoAcceptSharedAttachments', auto, 'AutoAcceptSharedAttachments');
    if (String(auto).toLowerCase() === 'enable') return fail('accepts attachment requests from other accounts automatically', 'AutoAcceptSharedAttachments');
    return pass('attachments are accepted one by one');
  },
});
