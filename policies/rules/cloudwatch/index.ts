import { Rule } from '../../../lib/engine';
import alarmActionsEnabled from './alarm-actions-enabled';
import cis45CloudTrailChanges from './cis-cloudtrail-changes';
import cis49ConfigChanges from './cis-config-changes';
import cis46ConsoleAuthFailures from './cis-console-auth-failures';
import cis42ConsoleSignInWithoutMfa from './cis-console-sign-in-without-mfa';
import cis44IamPolicyChanges from './cis-iam-policy-changes';
import cis47KmsKeyDisableOrDeletion from './cis-kms-key-disable-or-deletion';
import cis411NaclChanges from './cis-nacl-changes';
import cis412NetworkGatewayChanges from './cis-network-gateway-changes';
import cis415OrganizationsChanges from './cis-organizations-changes';
import cis43RootUsage from './cis-root-usage';
import cis413RouteTableChanges from './cis-route-table-changes';
import cis48S3BucketPolicyChanges from './cis-s3-bucket-policy-changes';
import cis410SecurityGroupChanges from './cis-security-group-changes';
import cis41UnauthorizedApiCalls from './cis-unauthorized-api-calls';
import cis414VpcChanges from './cis-vpc-changes';
import findingAlertTopics from './finding-alert-topics';

export const CLOUDWATCH_RULES: readonly Rule[] = [
  cis41UnauthorizedApiCalls,
  cis42ConsoleSignInWithoutMfa,
  cis43RootUsage,
  cis44IamPolicyChanges,
  cis45CloudTrailChanges,
  cis46ConsoleAuthFailures,
  cis47KmsKeyDisableOrDeletion,
  cis48S3BucketPolicyChanges,
  cis49ConfigChanges,
  cis410SecurityGroupChanges,
  cis411NaclChanges,
  cis412NetworkGatewayChanges,
  cis413RouteTableChanges,
  cis414VpcChanges,
  cis415OrganizationsChanges,
  alarmActionsEnabled,
  findingAlertTopics,
];
