import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The external checks our constructs acknowledge, as data: one entry per finding, with the id under
 * which each pack that reports it names it. Internal: not exported from the package.
 *
 * `acknowledgeExternal()` acknowledges a finding under every pack that reports it, with one reason, so
 * the same reason is never written once per pack prefix. test/conformance/stale-acknowledgments.test.ts
 * fails when an acknowledgment no longer matches a finding.
 *
 * Pack prefixes are the plugin names CDK's validation report uses: cdk-nag's `AwsSolutions`,
 * `HIPAA.Security`, `NIST.800.53.R5`, `PCI.DSS.321`, and `cdk-validator-cfnguard` (Control Tower
 * proactive controls).
 */
export enum ExternalPack {
  AWS_SOLUTIONS = 'AwsSolutions',
  HIPAA = 'HIPAA.Security',
  NIST_800_53_R5 = 'NIST.800.53.R5',
  PCI_DSS_321 = 'PCI.DSS.321',
  CFN_GUARD = 'cdk-validator-cfnguard',
}

/** One external finding: its rule id in each pack that reports it. */
export interface ExternalFinding {
  readonly [pack: string]: string;
}

const nag = (rule: string, ...packs: ExternalPack[]) =>
  Object.fromEntries(packs.map((p) => [p, p === ExternalPack.CFN_GUARD ? rule : `${p}-${rule}`]));

/** The catalog of external finding ids, by our name for the finding. */
export const EXTERNAL_FINDINGS = {
  /** A Lambda function outside a VPC. */
  LAMBDA_INSIDE_VPC: {
    ...nag('LambdaInsideVPC', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5, ExternalPack.PCI_DSS_321),
    [ExternalPack.CFN_GUARD]: 'lambda_inside_vpc_check',
  },
  /** A Lambda function without a dead-letter queue. */
  LAMBDA_DLQ: nag('LambdaDLQ', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5),
  /** A Lambda function without reserved concurrency. */
  LAMBDA_CONCURRENCY: nag('LambdaConcurrency', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5),
  /** An IAM group with no member in the same stack. */
  IAM_GROUP_HAS_USERS: nag('IAMGroupHasUsers', ExternalPack.HIPAA, ExternalPack.PCI_DSS_321),
  /** A wildcard in an IAM policy (the finding id carries the `[Resource::...]` or `[Action::...]` at fault). */
  IAM_WILDCARD: nag('IAM5', ExternalPack.AWS_SOLUTIONS),
  /** An AWS managed policy on a role (the finding id carries `[Policy::...]`). */
  IAM_MANAGED_POLICY: nag('IAM4', ExternalPack.AWS_SOLUTIONS),
  /** GuardDuty S3 Protection read from the deprecated DataSources.S3Logs (CT.GUARDDUTY.PR.1). */
  GUARDDUTY_S3_PROTECTION: { [ExternalPack.CFN_GUARD]: 'guardduty_s3_protection_enabled_check' },
  /** A network ACL or ACL entry: AwsSolutions flags every one, preferring security groups alone. */
  NETWORK_ACL: nag('VPC3', ExternalPack.AWS_SOLUTIONS),
  /** A subnet route to an internet gateway for 0.0.0.0/0. */
  VPC_ROUTE_TO_IGW: nag('VPCNoUnrestrictedRouteToIGW', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5, ExternalPack.PCI_DSS_321),
  /** An EC2 instance whose subnet the rule cannot see: it reads a top-level SubnetId, not one on a network interface. */
  EC2_INSTANCE_IN_VPC: nag('EC2InstancesInVPC', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5, ExternalPack.PCI_DSS_321),
  /** An S3 bucket whose default encryption is not SSE-KMS. */
  S3_DEFAULT_ENCRYPTION_KMS: {
    ...nag('S3DefaultEncryptionKMS', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5, ExternalPack.PCI_DSS_321),
    [ExternalPack.CFN_GUARD]: 's3_bucket_default_encryption_kms_check',
  },
  /**
   * A server access log target without access logging of its own. cdk-nag's logging rules pass a bucket
   * that another bucket in the stack logs to, so only the Control Tower rule (CT.S3.PR.2) reports it.
   */
  S3_LOG_TARGET_NOT_LOGGED: { [ExternalPack.CFN_GUARD]: 's3_bucket_logging_enabled_check' },
  /** An S3 bucket without Object Lock (CT.S3.PR.9). */
  S3_OBJECT_LOCK: { [ExternalPack.CFN_GUARD]: 's3_bucket_object_lock_enabled_check' },
  /** An S3 bucket without cross-Region replication. */
  S3_REPLICATION: nag('S3BucketReplicationEnabled', ExternalPack.HIPAA, ExternalPack.NIST_800_53_R5, ExternalPack.PCI_DSS_321),
} satisfies Record<string, ExternalFinding>;

/**
 * The part of `finding` that only `packs` report: for a resource the other packs do not read (cdk-nag's
 * Lambda rules, for example, do not see a function defined as a raw `CfnResource`).
 */
export function reportedOnlyBy(finding: ExternalFinding, ...packs: ExternalPack[]): ExternalFinding {
  return Object.fromEntries(Object.entries(finding).filter(([pack]) => (packs as string[]).includes(pack)));
}

/**
 * Acknowledge one external finding on `scope` under every pack that reports it, with one reason.
 *
 * Each of `details` is the bracketed part of a cdk-nag finding id that names the resource or policy at
 * fault (for example `Resource::*`): the finding is acknowledged once per detail. Details apply to the
 * cdk-nag packs only; cfn-guard ids carry none.
 */
export function acknowledgeExternal(scope: IConstruct, finding: ExternalFinding, reason: string, ...details: string[]): void {
  for (const [pack, rule] of Object.entries(finding)) {
    const suffixes = details.length > 0 && pack !== ExternalPack.CFN_GUARD ? details.map((d) => `[${d}]`) : [''];
    Validations.of(scope).acknowledge(...suffixes.map((suffix) => ({ id: `${pack}::${rule}${suffix}`, reason })));
  }
}
