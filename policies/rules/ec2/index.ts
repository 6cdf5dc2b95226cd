import { Rule } from '../../../lib/engine';
import defaultSecurityGroupClosed from './default-security-group-closed';
import ebsCustomerManagedKey from './ebs-customer-managed-key';
import ebsEncrypted from './ebs-encrypted';
import ebsInBackupPlan from './ebs-in-backup-plan';
import flowLogDestinationEncrypted from './flow-log-destination-encrypted';
import imdsHopLimit from './imds-hop-limit';
import imdsv2Required from './imdsv2-required';
import instanceDetailedMonitoring from './instance-detailed-monitoring';
import instanceEbsOptimized from './instance-ebs-optimized';
import instanceNoPublicIp from './instance-no-public-ip';
import instanceProfileAttached from './instance-profile-attached';
import instanceSingleNetworkInterface from './instance-single-network-interface';
import instanceTerminationProtection from './instance-termination-protection';
import networkAclNoAdminIngress from './network-acl-no-admin-ingress';
import peeringRouteLeastAccess from './peering-route-least-access';
import securityGroupNoAdminIngress from './security-group-no-admin-ingress';
import securityGroupNoHighRiskIngress from './security-group-no-high-risk-ingress';
import securityGroupNoOpenIngress from './security-group-no-open-ingress';
import securityGroupRestrictedEgress from './security-group-restricted-egress';
import sourceDestCheck from './source-dest-check';
import subnetNetworkAcl from './subnet-network-acl';
import subnetNoAutoPublicIp from './subnet-no-auto-public-ip';
import transitGatewayNoAutoAccept from './transit-gateway-no-auto-accept';
import vpcEndpointPolicyScoped from './vpc-endpoint-policy-scoped';
import vpcFlowLogs from './vpc-flow-logs';

export const EC2_RULES: readonly Rule[] = [
  defaultSecurityGroupClosed,
  ebsCustomerManagedKey,
  ebsEncrypted,
  ebsInBackupPlan,
  flowLogDestinationEncrypted,
  imdsHopLimit,
  imdsv2Required,
  instanceDetailedMonitoring,
  instanceEbsOptimized,
  instanceNoPublicIp,
  instanceProfileAttached,
  instanceSingleNetworkInterface,
  instanceTerminationProtection,
  networkAclNoAdminIngress,
  peeringRouteLeastAccess,
  securityGroupNoAdminIngress,
  securityGroupNoHighRiskIngress,
  securityGroupNoOpenIngress,
  securityGroupRestrictedEgress,
  sourceDestCheck,
  subnetNetworkAcl,
  subnetNoAutoPublicIp,
  transitGatewayNoAutoAccept,
  vpcEndpointPolicyScoped,
  vpcFlowLogs,
];
