import { Severity, Unresolved, asList, defineRule, fail, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { isAwsManagedPolicy } from '../private/identity';

/**
 * No role, user or group has the AWS managed policy `AWSCloudShellFullAccess` attached (CIS AWS 1.22):
 * it lets the holder upload and download files to and from CloudShell, a path around data controls.
 *
 * @see https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html
 */
export default defineRule({
  id: 'IAM.CloudShellFullAccessRestricted',
  severity: Severity.ERROR,
  title: 'No identity has AWSCloudShellFullAccess attached',
  fix: 'Attach a scoped CloudShell policy that denies file upload and download instead of AWSCloudShellFullAccess',
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  controls: {
    'cis-aws-3.0': ['1.22'],
    'nist-800-53-r5': ['AC-6', 'AC-3'],
    'iso-27001-2022': ['A.8.2', 'A.8.12'],
    'nist-csf-2.0': ['PR.AA-05'],
  },
  check: (identity) => {
    const arns = identity.properties.ManagedPolicyArns;
    if (arns instanceof Unresolved || unresolvedIn([arns]).length > 0) return unresolved('the managed policies', arns, 'ManagedPolicyArns');
    if (asList(arns).some((a) => isAwsManagedPolicy(a, 'AWSCloudShellFullAccess'))) return fail('AWSCloudShellFullAccess is attached', 'ManagedPolicyArns');
    return pass('AWSCloudShellFullAccess is not attached');
  },
});
