import { Severity, Unresolved, asList, defineRule, describe, fail, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { hasWildcardPrincipal, isAllow, narrowsPrincipal, statementsOf } from '../private/iam';

/**
 * Gateway and interface VPC endpoints carry a policy that does not open them to everyone. A missing
 * policy is the full-access default. An `Allow` statement for any principal must either tie it to an
 * account, organization or source (`aws:PrincipalAccount`, `aws:PrincipalOrgID`, ...) or name specific
 * actions and resources: SegmentedVpc's read-only statement for the AWS-owned buckets of Amazon Linux
 * and Systems Manager passes, `*` on `*` does not.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
export default defineRule({
  id: 'EC2.VpcEndpointPolicyScoped',
  severity: Severity.ERROR,
  title: 'VPC endpoint policies admit only the account\'s or organization\'s principals',
  fix: 'Add an endpoint policy that allows only principals of this account or organization (SegmentedVpc does, with organizationId for the organization)',
  resourceTypes: ['AWS::EC2::VPCEndpoint'],
  controls: {
    'pci-dss-4.0': ['1.3.1', '1.4.2'],
    'nist-800-53-r5': ['AC-3', 'AC-4', 'AC-6', 'SC-7(a)', 'SC-7(c)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.12', 'A.8.20'],
    'nist-csf-2.0': ['PR.AA-05', 'PR.IR-01'],
    'gdpr': ['Art. 32'],
  },
  check: (endpoint) => {
    const type = endpoint.properties.VpcEndpointType ?? 'Gateway';
    if (type instanceof Unresolved) return unresolved('the endpoint type', type, 'VpcEndpointType');
    if (type !== 'Gateway' && type !== 'Interface') return notApplicable(`${String(type)} endpoints have no endpoint policy`);
    const document = endpoint.properties.PolicyDocument;
    if (document === undefined) return fail('no endpoint policy: the default policy allows every action by every principal', 'PolicyDocument');
    if (unresolvedIn([document]).length > 0) return unresolved('the endpoint policy', document, 'PolicyDocument');
    const doc = typeof document === 'string' ? safeParse(document) : document;
    if (doc instanceof Unresolved) return unresolved('the endpoint policy', doc, 'PolicyDocument');
    for (const s of statementsOf(doc)) {
      if (!isAllow(s) || !hasWildcardPrincipal(s) || narrowsPrincipal(s)) continue;
      const actions = asList(s.Action).map(String);
      const resources = asList(s.Resource).map(String);
      const broadAction = s.NotAction !== undefined || actions.some((a) => a === '*' || a.endsWith(':*'));
      const broadResource = (s as Record<string, unknown>).NotResource !== undefined || resources.length === 0 || resources.some((r) => r === '*' || /:::?\*$/.test(r));
      if (broadAction || broadResource) {
        return fail(`statement ${s.Sid ?? describe(s)} allows ${describe(s.Action ?? s.NotAction)} on ${describe(s.Resource)} to any principal without an account or organization condition`, 'PolicyDocument');
      }
    }
    return pass('every statement for any principal is tied to an account or organization, or names specific actions and resources');
  },
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new Unresolved('an endpoint policy that is not JSON');
  }
}
