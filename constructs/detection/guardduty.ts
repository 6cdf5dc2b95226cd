// Part of ThreatDetection, split by service (issue 8): the public enums stay exported from
// ./threat-detection under the same names.
/**
 * Lowest and highest GuardDuty finding severity.
 *
 * Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0 (Critical is used for attack
 * sequences; before it existed the values 9.0-10.0 were reserved).
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html
 */
export const GUARDDUTY_SEVERITY_MIN = 1.0;
/** Highest GuardDuty finding severity (Critical). */
export const GUARDDUTY_SEVERITY_MAX = 10.0;
/** Lowest severity of a High GuardDuty finding. A threshold above it silences High findings. */
export const GUARDDUTY_SEVERITY_HIGH = 7.0;

/** GuardDuty protection plans, configured as detector features. */
export enum GuardDutyFeature {
  /** S3 Protection: CloudTrail data events for S3. */
  S3_DATA_EVENTS = 'S3_DATA_EVENTS',
  /** EKS Protection: Kubernetes audit logs. */
  EKS_AUDIT_LOGS = 'EKS_AUDIT_LOGS',
  /** Malware Protection for EC2: scans EBS volumes of instances with suspicious findings. */
  EBS_MALWARE_PROTECTION = 'EBS_MALWARE_PROTECTION',
  /** RDS Protection: Aurora and RDS login activity. */
  RDS_LOGIN_EVENTS = 'RDS_LOGIN_EVENTS',
  /** Lambda Protection: network activity of Lambda functions. */
  LAMBDA_NETWORK_LOGS = 'LAMBDA_NETWORK_LOGS',
  /** Runtime Monitoring for EKS, ECS on Fargate and EC2, with automated agent management. */
  RUNTIME_MONITORING = 'RUNTIME_MONITORING',
}

/** Agent management options of Runtime Monitoring: all enabled when Runtime Monitoring is. */
export const RUNTIME_AGENT_MANAGEMENT = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];

/** How often GuardDuty publishes updates to findings it has already reported. */
export enum FindingPublishingFrequency {
  /** Every 15 minutes (the fastest). */
  FIFTEEN_MINUTES = 'FIFTEEN_MINUTES',
  /** Every hour. */
  ONE_HOUR = 'ONE_HOUR',
  /** Every six hours (GuardDuty's own default). */
  SIX_HOURS = 'SIX_HOURS',
}
