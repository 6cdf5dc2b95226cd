import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';
import { metadataOption } from '../private/instance';

/**
 * Instances and launch templates require IMDSv2: `MetadataOptions.HttpTokens` is `required` (on the
 * instance or on the launch template it uses), or the metadata endpoint is disabled. Without the
 * setting the AMI's default applies, which for many images still accepts IMDSv1.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
 */
export default defineRule({
  id: 'EC2.Imdsv2Required',
  severity: Severity.ERROR,
  title: 'Instances and launch templates require IMDSv2',
  fix: 'Set requireImdsv2: true on ec2.Instance or ec2.LaunchTemplate, or MetadataOptions.HttpTokens required (Bastion does)',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  controls: {
    'cis-aws-3.0': ['5.6'],
    'fsbp': ['EC2.8', 'EC2.170'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'CM-6(a)', 'CM-7(b)', 'SC-7(a)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.9', 'A.8.20'],
    'nist-csf-2.0': ['PR.PS-01', 'PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EC2IMDSv2Enabled', 'NIST.800.53.R5-EC2IMDSv2Enabled'],
    'cfn-guard': ['CT.EC2.PR.1'],
  },
  check: (resource, set) => {
    const endpoint = metadataOption(set, resource, 'HttpEndpoint');
    if (endpoint instanceof Unresolved) return unresolved('the launch template the instance uses', endpoint, 'LaunchTemplate');
    if (endpoint.value === 'disabled') return pass(`${endpoint.source} disables the metadata endpoint`);
    const tokens = metadataOption(set, resource, 'HttpTokens');
    if (tokens instanceof Unresolved) return unresolved('the launch template the instance uses', tokens, 'LaunchTemplate');
    if (tokens.value instanceof Unresolved) return unresolved('HttpTokens', tokens.value, tokens.path);
    if (tokens.value === 'required') return pass(`${tokens.source} requires IMDSv2`);
    if (tokens.value === undefined) return fail('HttpTokens is not set, so the AMI\'s default applies and IMDSv1 may be accepted', tokens.path);
    return fail(`${tokens.source} sets HttpTokens ${JSON.stringify(tokens.value)}, which accepts IMDSv1`, tokens.path);
  },
});
