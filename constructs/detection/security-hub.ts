// Part of ThreatDetection, split by service (issue 8): Security Hub's enums and standards, and the
// function that defines the hub and its standard subscriptions in ThreatDetection's scope. The public
// enums stay exported from ./threat-detection under the same names; the functions are internal.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
/** Security Hub severity labels, lowest first. */
export enum SecurityHubSeverity {
  /** The issue does not need action on its own. */
  LOW = 'LOW',
  /** The issue must be addressed, but not urgently. */
  MEDIUM = 'MEDIUM',
  /** The issue must be addressed as a priority. */
  HIGH = 'HIGH',
  /** The issue must be remediated immediately. */
  CRITICAL = 'CRITICAL',
}
export const SECURITY_HUB_SEVERITIES = [SecurityHubSeverity.LOW, SecurityHubSeverity.MEDIUM, SecurityHubSeverity.HIGH, SecurityHubSeverity.CRITICAL];

/** The severity labels at or above `minimum`, lowest first (what an alert rule matches). */
export function severitiesFrom(minimum: SecurityHubSeverity): SecurityHubSeverity[] {
  return SECURITY_HUB_SEVERITIES.slice(SECURITY_HUB_SEVERITIES.indexOf(minimum));
}

/**
 * A Security Hub standard to subscribe to.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export class SecurityHubStandard {
  /** AWS Foundational Security Best Practices v1.0.0. */
  public static readonly AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES = new SecurityHubStandard(
    'aws-foundational-security-best-practices/v/1.0.0',
    'FoundationalBestPractices',
  );
  /** CIS AWS Foundations Benchmark v3.0.0 (it has no CloudWatch.x monitoring controls). */
  public static readonly CIS_AWS_FOUNDATIONS_3_0 = new SecurityHubStandard('cis-aws-foundations-benchmark/v/3.0.0', 'CisV3');
  /**
   * CIS AWS Foundations Benchmark v1.4.0: not subscribed by default, but the one regional standard
   * whose controls CloudWatch.1 to CloudWatch.14 check the `SecurityAlarms` metric filters.
   *
   * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
   */
  public static readonly CIS_AWS_FOUNDATIONS_1_4_0 = new SecurityHubStandard('cis-aws-foundations-benchmark/v/1.4.0', 'CisV14');
  /** NIST SP 800-53 Revision 5. */
  public static readonly NIST_800_53_R5 = new SecurityHubStandard('nist-800-53/v/5.0.0', 'Nist80053R5');
  /** PCI DSS v4.0.1. */
  public static readonly PCI_DSS_4_0_1 = new SecurityHubStandard('pci-dss/v/4.0.1', 'PciDss401');

  private constructor(
    /** The ARN after `arn:<partition>:securityhub:<region>::standards/`. */
    public readonly standardPath: string,
    /** Construct id of the `CfnStandard`. */
    public readonly constructId: string,
  ) {}

  /**
   * Any other regional standard, by the part of its ARN after `standards/`, for example
   * `aws-resource-tagging-standard/v/1.0.0`. `constructId` names its `CfnStandard`.
   */
  public static of(standardPath: string, constructId: string): SecurityHubStandard {
    return new SecurityHubStandard(standardPath, constructId);
  }

  /** The standard's ARN in the stack's partition and Region. */
  public arnFor(scope: Construct): string {
    const stack = Stack.of(scope);
    return `arn:${stack.partition}:securityhub:${stack.region}::standards/${this.standardPath}`;
  }
}

/** The standards subscribed by default. */
export const DEFAULT_SECURITY_HUB_STANDARDS = [
  SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES,
  SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0,
  SecurityHubStandard.NIST_800_53_R5,
  SecurityHubStandard.PCI_DSS_4_0_1,
];

/** What `defineSecurityHub` needs: ThreatDetection's Security Hub props, under the same names. */
export interface SecurityHubOptions {
  readonly existingSecurityHub?: boolean;
  readonly securityHubStandards?: SecurityHubStandard[];
}

/**
 * Defines, in `scope`, the retained hub `SecurityHub` (unless it already exists) and one retained
 * `CfnStandard` per standard, named by its `constructId`, each after the hub.
 */
export function defineSecurityHub(scope: Construct, options: SecurityHubOptions): { hub?: securityhub.CfnHub; standards: securityhub.CfnStandard[] } {
  let hub: securityhub.CfnHub | undefined;
  if (!options.existingSecurityHub) {
    hub = new securityhub.CfnHub(scope, 'SecurityHub', {
      enableDefaultStandards: false,
      controlFindingGenerator: 'SECURITY_CONTROL',
      autoEnableControls: true,
    });
    hub.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
  const standards = (options.securityHubStandards ?? DEFAULT_SECURITY_HUB_STANDARDS).map((standard) => {
    const subscription = new securityhub.CfnStandard(scope, standard.constructId, { standardsArn: standard.arnFor(scope) });
    subscription.applyRemovalPolicy(RemovalPolicy.RETAIN);
    if (hub) subscription.node.addDependency(hub);
    return subscription;
  });
  return { hub, standards };
}
