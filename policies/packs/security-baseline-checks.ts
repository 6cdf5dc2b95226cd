import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CheckScope, Ledger, ResultStatus, Rule, Severity, TemplateInput, evaluate, loadTemplateFile } from '../../lib/engine';
import { BaselineValidationError } from '../../lib/errors';
import { FRAMEWORKS, frameworkById } from '../frameworks';
import { RULES } from '../rules';

/** Options for `SecurityBaselineChecks`. */
export interface SecurityBaselineChecksProps {
  /**
   * Frameworks to report against, by id (`cis-aws-3.0`, `pci-dss-4.0`, `hipaa`, `iso-27001-2022`,
   * `nist-csf-2.0`, `nist-800-53-r5`, `gdpr`, `fsbp`). Rules that map to none of them are not run.
   *
   * @default - every framework
   */
  readonly frameworks?: string[];
  /**
   * `ACCOUNT`: the app is an account's baseline, so account rules apply (a missing trail is a
   * failure). `WORKLOAD`: the app deploys into an account whose baseline lives elsewhere, so account
   * rules are skipped (and the report says so).
   *
   * @default CheckScope.ACCOUNT
   */
  readonly scope?: CheckScope;
  /**
   * Also fail the synth on unacknowledged warnings.
   *
   * @default false - only errors fail the synth; warnings are reported
   */
  readonly failOnWarnings?: boolean;
}

/** The plugin's name: prefix native acknowledgments with it (`SecurityBaseline::S3.SslOnly`). */
export const PLUGIN_NAME = 'SecurityBaseline';

/**
 * Every rule of cdk-security-baseline, evaluated once over the synthesized templates and reported to
 * every chosen framework. Registered like a cdk-nag v3 pack, at App level:
 *
 * ```ts
 * Validations.of(app).addPlugins(new SecurityBaselineChecks(app, { frameworks: ['cis-aws-3.0', 'pci-dss-4.0'] }));
 * ```
 *
 * It judges the CloudFormation CDK hands it (`context.stackTemplates`), so escape hatches are seen,
 * and writes nothing into `cdk.out`. Acknowledge a finding with `acknowledge()` (carried in the
 * template, read by the CLI too) or natively with `Validations.of(scope).acknowledge({ id:
 * 'SecurityBaseline::<RuleId>', reason })`.
 */
export class SecurityBaselineChecks implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version: string;
  public readonly ruleIds: string[];
  /** The ledger of the last `validate()` call (for reports written after synthesis). */
  public lastLedger?: Ledger;
  private readonly frameworks?: string[];
  private readonly scope: CheckScope;
  private readonly failOnWarnings: boolean;
  private readonly rules: readonly Rule[];

  constructor(scope: IConstruct, props: SecurityBaselineChecksProps = {}, name: string = PLUGIN_NAME) {
    const problems: string[] = [];
    for (const id of props.frameworks ?? []) {
      if (!frameworkById(id)) problems.push(`frameworks must name known frameworks, got ${JSON.stringify(id)}; use one of ${FRAMEWORKS.map((f) => f.id).join(', ')}`);
    }
    if (props.frameworks && props.frameworks.length === 0) problems.push('frameworks must not be empty; omit it to report against every framework');
    if (props.scope !== undefined && !Object.values(CheckScope).includes(props.scope)) {
      problems.push(`scope must be ${Object.values(CheckScope).join(' or ')}, got ${JSON.stringify(props.scope)}`);
    }
    if (problems.length > 0) throw new BaselineValidationError('SecurityBaselineChecks.InvalidProps', scope, problems);
    this.name = name;
    this.version = packageVersion();
    this.frameworks = props.frameworks;
    this.scope = props.scope ?? CheckScope.ACCOUNT;
    this.failOnWarnings = props.failOnWarnings ?? false;
    this.rules = RULES.filter((r) => !this.frameworks || Object.keys(r.controls).some((f) => this.frameworks!.includes(f)));
    this.ruleIds = this.rules.map((r) => r.id);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    // The same loader as the CLI (resource lines included), and the stack's own name (a stack in a Stage
    // is `Stage-Stack`, as in cdk.out's manifest), so a report built from lastLedger matches the CLI's.
    const inputs: TemplateInput[] = context.stackTemplates.map((s) => ({
      ...loadTemplateFile(s.templatePath),
      stackName: stackNameOf(context.appConstruct, s.stackConstructPath),
      account: s.accountId,
      region: s.region,
    }));
    const ledger = evaluate(inputs, this.rules, { scope: this.scope, frameworks: this.frameworks });
    this.lastLedger = ledger;
    const violations: PolicyViolation[] = ledger.results
      // Infos are for the reports (the ledger keeps them); CDK's report gets errors and warnings.
      .filter((r) => r.status === ResultStatus.FAIL && r.severity !== Severity.INFO)
      .map((r) => {
        const rule = this.rules.find((x) => x.id === r.ruleId)!;
        return {
          ruleName: r.ruleId,
          description: `${rule.title}: ${r.message}`,
          fix: rule.fix,
          severity: r.severity,
          ruleMetadata: {
            controls: Object.entries(r.controls).map(([f, ids]) => `${f}: ${ids.join(', ')}`).join('; '),
            ...Object.fromEntries(Object.entries(r.controls).map(([f, ids]) => [f, ids.join(', ')])),
            ...(rule.nonWaivable ? { nonWaivable: 'true' } : {}),
          },
          violatingResources: [
            {
              resourceLogicalId: r.logicalId ?? undefined,
              templatePath: r.template,
              locations: r.location ? [r.location] : [],
            },
          ],
        };
      });
    const blocking = violations.filter((v) => v.severity === Severity.ERROR || (this.failOnWarnings && v.severity === Severity.WARNING));
    return {
      success: blocking.length === 0,
      violations,
      metadata: {
        scope: ledger.scope,
        frameworks: ledger.frameworks.join(', '),
        skippedAccountRules: String(ledger.skipped.length),
        results: String(ledger.results.length),
      },
    };
  }
}

/** The CloudFormation name of the stack at a construct path (its last path segment when it cannot be found). */
function stackNameOf(app: IConstruct | undefined, constructPath: string): string {
  let node: IConstruct | undefined = app;
  for (const id of constructPath.split('/')) node = node?.node.tryFindChild(id);
  return node && Stack.isStack(node) ? node.stackName : constructPath.split('/').pop()!;
}

function packageVersion(): string {
   
  for (const p of ['../../package.json', '../../../package.json']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(p).version;
    } catch {
      // not at this depth (source tree vs dist)
    }
  }
  return '0.0.0';
}
