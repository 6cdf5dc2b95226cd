/**
 * Which published text a metric filter pattern is copied from.
 */
export enum CisPatternForm {
  /**
   * The "Remediation" text of Security Hub's controls CloudWatch.1 to CloudWatch.14. Those controls
   * belong to Security Hub's CIS AWS Foundations v1.2.0 and v1.4.0 standards only.
   */
  SECURITY_HUB_CLOUDWATCH = 'security-hub-cloudwatch',
  /** The CIS AWS Foundations Benchmark v3.0.0 text (no Security Hub control checks it). */
  CIS_3_0 = 'cis-3.0.0',
}

/**
 * The Security Hub standards that contain the controls CloudWatch.1 to CloudWatch.14, by the part of
 * their ARN after `standards/` (v1.2.0's ARN is a `ruleset/`). None of the standards `ThreatDetection`
 * subscribes by default (FSBP, CIS v3.0.0, NIST SP 800-53 Rev. 5, PCI DSS v4.0.1) contains them: in a
 * default baseline no Security Hub control checks these alarms, and the CIS 4.x recommendations are
 * met (or not) by the alarms themselves.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-standards-cis.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS: readonly string[] = [
  'cis-aws-foundations-benchmark/v/1.2.0',
  'cis-aws-foundations-benchmark/v/1.4.0',
];

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
   * The AWS Security Hub control that checks this pattern (`CloudWatch.1` to `CloudWatch.14`) when
   * Security Hub's CIS v1.2.0 or v1.4.0 standard is subscribed, or `''` when no control does (4.15,
   * AWS Organizations changes). The standards subscribed by default contain none of them
   * (`SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS`).
   */
  readonly securityHubControl: string;
  /** The filter pattern, character for character as published (see `source`). */
  readonly filterPattern: string;
  /** Which published text `filterPattern` follows. */
  readonly patternForm: CisPatternForm;
  /** Name of the metric the filter emits and the alarm watches. */
  readonly metricName: string;
  /** Where `filterPattern` is published verbatim. */
  readonly source: string;
}

/**
 * Security Hub controls page that publishes the patterns of CloudWatch.1 to CloudWatch.14.
 *
 * Those controls pass only if the metric filter is exactly the pattern they prescribe ("This control
 * fails if the exact metric filters prescribed by CIS are not used. Additional fields or terms cannot
 * be added to the metric filters."), so the patterns below are copied verbatim, including their spacing
 * and quoting, and tests pin each one. They were taken from the page's source in the
 * `awsdocs/aws-security-hub-user-guide` repository (`doc_source/cloudwatch-controls.md`, the
 * "Remediation" step of each control).
 *
 * Which form, and why: CloudWatch.1 to CloudWatch.14 are controls of Security Hub's CIS v1.2.0 and
 * v1.4.0 standards only (`SECURITY_HUB_STANDARDS_WITH_CLOUDWATCH_CONTROLS`); Security Hub's CIS v3.0.0
 * standard, which `ThreatDetection` subscribes, has no monitoring controls. So 4.1 to 4.14 follow the
 * Security Hub form, the only published form that an AWS check compares character for character:
 * an account that also subscribes `SecurityHubStandard.CIS_AWS_FOUNDATIONS_1_4_0` passes those
 * controls. Where CIS v3.0.0's own text differs (its 4.1 also excludes events from
 * `delivery.logs.amazonaws.com` and `HeadBucket` calls), the Security Hub form matches a superset of
 * the events, so the alarm misses nothing the CIS v3.0.0 form would catch; the cost is an alarm on
 * denied `HeadBucket` calls and on denied log deliveries. 4.15 has no Security Hub control and follows
 * CIS v3.0.0.
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
 * Patterns 4.1 to 4.14 are the ones Security Hub's CloudWatch.1 to CloudWatch.14 prescribe
 * (`SECURITY_HUB_CLOUDWATCH_CONTROLS_URL`, which explains the choice); 4.15 is the CIS v3.0.0 pattern.
 * `patternForm` records which. They are contractual: do not reformat them.
 */
export const CIS_ALARM_DEFINITIONS: readonly CisAlarmDefinition[] = [
  {
    id: '4.1',
    title: 'Unauthorized API calls',
    securityHubControl: 'CloudWatch.2',
    filterPattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    metricName: 'UnauthorizedAPICalls',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-2',
  },
  {
    id: '4.2',
    title: 'Console sign-in without MFA',
    securityHubControl: 'CloudWatch.3',
    filterPattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    metricName: 'ConsoleSignInWithoutMFA',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-3',
  },
  {
    id: '4.3',
    title: 'Use of the root user',
    securityHubControl: 'CloudWatch.1',
    filterPattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    metricName: 'RootUserUsage',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-1',
  },
  {
    id: '4.4',
    title: 'IAM policy changes',
    securityHubControl: 'CloudWatch.4',
    filterPattern:
      '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}',
    metricName: 'IAMPolicyChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-4',
  },
  {
    id: '4.5',
    title: 'CloudTrail configuration changes',
    securityHubControl: 'CloudWatch.5',
    filterPattern:
      '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}',
    metricName: 'CloudTrailConfigurationChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-5',
  },
  {
    id: '4.6',
    title: 'Console authentication failures',
    securityHubControl: 'CloudWatch.6',
    filterPattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    metricName: 'ConsoleAuthenticationFailures',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-6',
  },
  {
    id: '4.7',
    title: 'Disabling or scheduled deletion of customer-managed keys',
    securityHubControl: 'CloudWatch.7',
    filterPattern: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
    metricName: 'DisableOrDeleteCMK',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-7',
  },
  {
    id: '4.8',
    title: 'S3 bucket policy changes',
    securityHubControl: 'CloudWatch.8',
    filterPattern:
      '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}',
    metricName: 'S3BucketPolicyChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-8',
  },
  {
    id: '4.9',
    title: 'AWS Config configuration changes',
    securityHubControl: 'CloudWatch.9',
    filterPattern:
      '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
    metricName: 'AWSConfigChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-9',
  },
  {
    id: '4.10',
    title: 'Security group changes',
    securityHubControl: 'CloudWatch.10',
    filterPattern:
      '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
    metricName: 'SecurityGroupChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-10',
  },
  {
    id: '4.11',
    title: 'Network ACL changes',
    securityHubControl: 'CloudWatch.11',
    filterPattern:
      '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
    metricName: 'NetworkACLChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-11',
  },
  {
    id: '4.12',
    title: 'Network gateway changes',
    securityHubControl: 'CloudWatch.12',
    filterPattern:
      '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
    metricName: 'NetworkGatewayChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-12',
  },
  {
    id: '4.13',
    title: 'Route table changes',
    securityHubControl: 'CloudWatch.13',
    filterPattern:
      '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}',
    metricName: 'RouteTableChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-13',
  },
  {
    id: '4.14',
    title: 'VPC changes',
    securityHubControl: 'CloudWatch.14',
    filterPattern:
      '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}',
    metricName: 'VPCChanges',
    patternForm: CisPatternForm.SECURITY_HUB_CLOUDWATCH,
    source: SECURITY_HUB_CLOUDWATCH_CONTROLS_URL + '#cloudwatch-14',
  },
  {
    id: '4.15',
    title: 'AWS Organizations changes',
    securityHubControl: '',
    filterPattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    metricName: 'OrganizationsChanges',
    patternForm: CisPatternForm.CIS_3_0,
    source: CIS_AWS_BENCHMARK_URL + ' (v3.0.0, 4.15)',
  },
];

/** The ids of every CIS monitoring control, in order (`4.1` ... `4.15`). */
export const CIS_ALARM_IDS: readonly string[] = CIS_ALARM_DEFINITIONS.map((d) => d.id);
