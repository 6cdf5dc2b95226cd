/**
 * One CIS AWS Foundations Benchmark monitoring control (section 4 in v1.4.0 through v3.0.0): a
 * CloudWatch Logs metric filter over the CloudTrail log group and an alarm on its metric.
 */
export interface CisAlarmDefinition {
  /** CIS control id in v3.0.0 numbering (`4.1` to `4.15`; v1.4.0 uses the same numbers). */
  readonly id: string;
  /** Short title, in our words. */
  readonly title: string;
  /**
   * The AWS Security Hub control that checks it (`CloudWatch.1` to `CloudWatch.14`), or `''` when
   * Security Hub has none (4.15, AWS Organizations changes).
   */
  readonly securityHubControl: string;
  /** The filter pattern, character for character as published (see `source`). */
  readonly filterPattern: string;
  /** Name of the metric the filter emits and the alarm watches. */
  readonly metricName: string;
  /** Where `filterPattern` is published verbatim. */
  readonly source: string;
}

/**
 * Security Hub controls page that publishes the patterns of CloudWatch.1 to CloudWatch.14.
 *
 * Security Hub passes these controls only if the metric filter is exactly the pattern it prescribes
 * ("This control fails if the exact metric filters prescribed by CIS are not used. Additional fields or
 * terms cannot be added to the metric filters."), so the patterns below are copied verbatim, including
 * their spacing and quoting, and tests pin each one. They were taken from the page's source in the
 * `awsdocs/aws-security-hub-user-guide` repository (`doc_source/cloudwatch-controls.md`, the
 * "Remediation" step of each control). Where CIS's own text differs (CIS v3.0.0's 4.1 also excludes
 * `delivery.logs.amazonaws.com` and `HeadBucket`), the Security Hub pattern wins, because the
 * Security Hub check is what runs in the account.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const SECURITY_HUB_CLOUDWATCH_CONTROLS_URL = 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html';

/**
 * CIS AWS Foundations Benchmark v3.0.0, recommendation 4.15 (Security Hub has no control for it).
 *
 * @see https://www.cisecurity.org/benchmark/amazon_web_services
 */
export const CIS_AWS_BENCHMARK_URL = 'https://www.cisecurity.org/benchmark/amazon_web_services';

/**
 * Every CIS AWS Foundations monitoring control (4.1 to 4.15), as data.
 *
 * `SecurityAlarms` defines one metric filter and one alarm per entry, and the README's CIS alarm table
 * is generated from this list, so the two cannot drift apart.
 *
 * Patterns 4.1 to 4.14 are the ones the Security Hub controls CloudWatch.1 to CloudWatch.14 prescribe
 * (`SECURITY_HUB_CLOUDWATCH_CONTROLS_URL`); 4.15 is the CIS v3.0.0 pattern. They are contractual: do not
 * reformat them.
 */
export const CIS_ALARM_DEFINITIONS: readonly CisAlarmDefinition[] = [
  {
    id: '4.1',
    title: 'Unauthorized API calls',
    securityHubControl: 'CloudWatch.2',
    filterPattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    metricName: 'UnauthorizedAPICalls',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-2',
  },
  {
    id: '4.2',
    title: 'Console sign-in without MFA',
    securityHubControl: 'CloudWatch.3',
    filterPattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    metricName: 'ConsoleSignInWithoutMFA',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-3',
  },
  {
    id: '4.3',
    title: 'Use of the root user',
    securityHubControl: 'CloudWatch.1',
    filterPattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    metricName: 'RootUserUsage',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-1',
  },
  {
    id: '4.4',
    title: 'IAM policy changes',
    securityHubControl: 'CloudWatch.4',
    filterPattern:
      '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}',
    metricName: 'IAMPolicyChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-4',
  },
  {
    id: '4.5',
    title: 'CloudTrail configuration changes',
    securityHubControl: 'CloudWatch.5',
    filterPattern:
      '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}',
    metricName: 'CloudTrailConfigurationChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-5',
  },
  {
    id: '4.6',
    title: 'Console authentication failures',
    securityHubControl: 'CloudWatch.6',
    filterPattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    metricName: 'ConsoleAuthenticationFailures',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-6',
  },
  {
    id: '4.7',
    title: 'Disabling or scheduled deletion of customer-managed keys',
    securityHubControl: 'CloudWatch.7',
    filterPattern: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
    metricName: 'DisableOrDeleteCMK',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-7',
  },
  {
    id: '4.8',
    title: 'S3 bucket policy changes',
    securityHubControl: 'CloudWatch.8',
    filterPattern:
      '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}',
    metricName: 'S3BucketPolicyChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-8',
  },
  {
    id: '4.9',
    title: 'AWS Config configuration changes',
    securityHubControl: 'CloudWatch.9',
    filterPattern:
      '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
    metricName: 'AWSConfigChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-9',
  },
  {
    id: '4.10',
    title: 'Security group changes',
    securityHubControl: 'CloudWatch.10',
    filterPattern:
      '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
    metricName: 'SecurityGroupChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-10',
  },
  {
    id: '4.11',
    title: 'Network ACL changes',
    securityHubControl: 'CloudWatch.11',
    filterPattern:
      '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
    metricName: 'NetworkACLChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-11',
  },
  {
    id: '4.12',
    title: 'Network gateway changes',
    securityHubControl: 'CloudWatch.12',
    filterPattern:
      '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
    metricName: 'NetworkGatewayChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-12',
  },
  {
    id: '4.13',
    title: 'Route table changes',
    securityHubControl: 'CloudWatch.13',
    filterPattern:
      '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}',
    metricName: 'RouteTableChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-13',
  },
  {
    id: '4.14',
    title: 'VPC changes',
    securityHubControl: 'CloudWatch.14',
    filterPattern:
      '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}',
    metricName: 'VPCChanges',
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-14',
  },
  {
    id: '4.15',
    title: 'AWS Organizations changes',
    securityHubControl: '',
    filterPattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    metricName: 'OrganizationsChanges',
    source: CIS_AWS_BENCHMARK_URL + ' (v3.0.0, 4.15)',
  },
];

/** The ids of every CIS monitoring control, in order (`4.1` ... `4.15`). */
export const CIS_ALARM_IDS: readonly string[] = CIS_ALARM_DEFINITIONS.map((d) => d.id);
