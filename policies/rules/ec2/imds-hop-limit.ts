import { Severity, Unresolved, asNumber, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { metadataOption } from '../private/instance';

/**
 * The instance metadata response hop limit is 1, so a container on the host cannot reach the
 * instance's credentials through IMDSv2. Unset fails too: images that declare IMDSv2 support (such as
 * Amazon Linux 2023) default to 2.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
 */
export default defineRule({
  id: 'EC2.ImdsHopLimit',
  severity: Severity.WARNING,
  title: 'Instance metadata responses travel at most one hop',
  fix: 'Set MetadataOptions.HttpPutResponseHopLimit to 1 (Bastion does); raise it only for containers that need the instance role',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  controls: {
    'nist-800-53-r5': ['AC-3', 'AC-6', 'CM-6(a)'],
    'iso-27001-2022': ['A.8.9'],
    'nist-csf-2.0': ['PR.PS-01'],
  },
  equivalents: { 'cfn-guard': ['CT.EC2.PR.2'] },
  check: (resource, set) => {
    const endpoint = metadataOption(set, resource, 'HttpEndpoint');
    if (endpoint instanceof Unresolved) return unresolved('the launch template the instance uses', endpoint, 'LaunchTemplate');
    if (endpoint.value === 'disabled') return pass(`${endpoint.source} disables the metadata endpoint`);
    const limit = metadataOption(set, resource, 'HttpPutResponseHopLimit');
    if (limit instanceof Unresolved) return unresolved('the launch template the instance uses', limit, 'LaunchTemplate');
    const hops = asNumber(limit.value);
    if (hops instanceof Unresolved) return unresolved('HttpPutResponseHopLimit', hops, limit.path);
    if (hops === undefined) return fail('HttpPutResponseHopLimit is not set; images with IMDSv2 support default to 2', limit.path);
    if (hops > 1) return fail(`${limit.source} sets HttpPutResponseHopLimit ${hops}; containers on the host can reach the instance credentials`, limit.path);
    return pass(`${limit.source} sets HttpPutResponseHopLimit ${hops}`);
  },
});
