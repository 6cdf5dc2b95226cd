#!/usr/bin/env node
// Reference app and the README's full example: one SecurityBaseline for a whole account.
//
// `npm run synth` synthesizes it offline with the built-in CloudFormation validator on. cdk-nag's four
// packs and the Control Tower (cfn-guard) rules are registered at App level, so any unacknowledged
// error fails the synth. Values come from cdk context (`cdk synth -c alertEmails=a@x.com,b@x.com`),
// with the documented example defaults below.
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, AppProps, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { BaselineValidationError, CheckScope, SecurityBaseline, SecurityBaselineChecks, acknowledge } from '../index';

/**
 * Example defaults, used when the cdk context does not set a value. The account's Availability Zones
 * are cached in cdk.json (`availability-zones:account=...:region=...`), so synth never looks them up;
 * add the entry for your own account and Region the same way.
 */
export const EXAMPLE_CONTEXT = {
  account: '111122223333',
  region: 'eu-west-1',
  alertEmails: 'secops@example.com',
  adminCidrs: '',
  vpcCidr: '10.0.0.0/16',
  inspector: 'false',
};

/** Comma-separated context value (or a JSON array given in cdk.json) as a list. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The context key under which the CDK caches an account's Availability Zones in a Region. */
export function availabilityZonesContextKey(account: string, region: string): string {
  return `availability-zones:account=${account}:region=${region}`;
}

/**
 * Fail with our own message when the Availability Zones of the stack's account and Region are not
 * cached. The CDK would otherwise report them as missing context, and `cdk synth` would try to look
 * them up, which needs AWS credentials (and in tests, silently use dummy zones).
 */
export function requireCachedAvailabilityZones(stack: Stack): void {
  const key = availabilityZonesContextKey(stack.account, stack.region);
  const zones = stack.node.tryGetContext(key);
  if (Array.isArray(zones) && zones.length > 0) return;
  throw new BaselineValidationError('App.UncachedAvailabilityZones', stack, [
    `no Availability Zones are cached for account ${stack.account} in Region ${stack.region}, and synth never looks them up ` +
      '(that would need AWS credentials); add them to the "context" of cdk.json, for example ' +
      `"${key}": ["${stack.region}a", "${stack.region}b", "${stack.region}c"], with the zone names that ` +
      `'aws ec2 describe-availability-zones --region ${stack.region} --query "AvailabilityZones[].ZoneName"' prints, ` +
      `or synthesize the cached example account (-c account=${EXAMPLE_CONTEXT.account} -c region=${EXAMPLE_CONTEXT.region})`,
  ]);
}

/** Options of `createApp`. */
export interface CreateAppOptions {
  /** Register the external checks (cdk-nag's four packs and cfn-guard) and our own packs. @default true */
  readonly externalChecks?: boolean;
}

export function createApp(props: AppProps = {}, options: CreateAppOptions = {}): App {
  const app = new App(props);
  const ctx = (key: keyof typeof EXAMPLE_CONTEXT): unknown => app.node.tryGetContext(key) ?? EXAMPLE_CONTEXT[key];

  const stack = new Stack(app, 'SecurityBaseline', {
    env: { account: String(ctx('account')), region: String(ctx('region')) },
    description: 'cdk-security-baseline reference app: a hardened account baseline',
  });
  requireCachedAvailabilityZones(stack);
  const baseline = new SecurityBaseline(stack, 'Baseline', {
    alertEmails: list(ctx('alertEmails')),
    adminCidrs: list(ctx('adminCidrs')),
    vpcCidr: String(ctx('vpcCidr')),
    inspector: String(ctx('inspector')) === 'true',
  });
  // The exception register: the example account has one Region, so there is no second Region to
  // replicate buckets into, and aws-cdk-lib's own default-security-group provider role carries an
  // inline policy we cannot change. Each is carried in the template and shows in every report.
  acknowledge(stack, {
    ruleId: 'S3.Replication',
    reason: 'The example account is single-Region; recovery points of these buckets are kept by AWS Backup and the trail bucket is under Object Lock',
    owner: 'platform-team',
    expires: '2027-06-30',
  });
  const restrictDefaultSgProvider = stack.node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
  if (restrictDefaultSgProvider) {
    acknowledge(restrictDefaultSgProvider, {
      ruleId: 'IAM.NoInlinePolicies',
      reason: "aws-cdk-lib defines this provider role (restrictDefaultSecurityGroup) with an inline policy scoped to the VPC's default security group; it is not ours to change",
      owner: 'platform-team',
    });
  }
  // The example account has one Region, so there is no second
  // Region's vault to copy recovery points to. It is carried in the template and shows in every report.
  if (baseline.backupPlan) {
    acknowledge(baseline.backupPlan, {
      ruleId: 'Backup.PlanCrossRegionCopy',
      reason: 'The example account is single-Region; set SecurityBaseline backup copies to a vault in a second Region before production',
      owner: 'platform-team',
      expires: '2027-06-30',
    });
  }

  if (options.externalChecks ?? true) addExternalChecks(app);
  return app;
}

/**
 * Register the external checks we hold ourselves to, at App level (cdk-nag v3 walks the whole app):
 * cdk-nag's AwsSolutions, HIPAA, NIST 800-53 R5 and PCI DSS 3.2.1 packs and the Control Tower proactive
 * controls (cfn-guard). The conformance tests register exactly the same set.
 */
export function addExternalChecks(app: App, options: { scope?: CheckScope } = {}): void {
  Validations.of(app).addPlugins(
    new SecurityBaselineChecks(app, { scope: options.scope ?? CheckScope.ACCOUNT }),
    new AwsSolutionsChecks(app),
    new HIPAASecurityChecks(app),
    new NIST80053R5Checks(app),
    new PCIDSS321Checks(app),
    new CfnGuardValidator(),
  );
}

if (require.main === module) {
  createApp().synth();
}
