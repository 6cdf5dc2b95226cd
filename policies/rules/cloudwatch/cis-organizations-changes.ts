import { CIS_V3_SOURCE, cisMonitoringRule } from '../private/cis-monitoring';

/**
 * CIS AWS Foundations 4.15: a metric filter and alarm for AWS Organizations changes, notifying a
 * subscribed, encrypted topic.
 *
 * @see https://www.cisecurity.org/benchmark/amazon_web_services
 */
export default cisMonitoringRule({
  id: 'CloudWatch.Cis415OrganizationsChanges',
  cis: '4.15',
  watches: 'AWS Organizations changes',
  patterns: [
    { pattern: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }', source: `${CIS_V3_SOURCE}, 4.15` },
  ],
  controls: { 'pci-dss-4.0': ['10.2.1.7'], 'nist-800-53-r5': ['AC-2(4)'] },
});
