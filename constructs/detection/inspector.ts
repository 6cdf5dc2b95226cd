// Part of ThreatDetection, split by service (issue 8): the public enums stay exported from
// ./threat-detection under the same names.
/** Resource types Amazon Inspector scans. */
export enum InspectorResourceType {
  /** EC2 instances (package vulnerabilities and network reachability). */
  EC2 = 'EC2',
  /** Container images in ECR. */
  ECR = 'ECR',
  /** Lambda function packages. */
  LAMBDA = 'LAMBDA',
  /** Lambda function code. */
  LAMBDA_CODE = 'LAMBDA_CODE',
}
