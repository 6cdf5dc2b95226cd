import { Token } from 'aws-cdk-lib';
import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';

/** Zone of trust of an IAM Access Analyzer external-access analyzer. */
export enum AnalyzerScope {
  /** Findings for access from outside this account. */
  ACCOUNT = 'ACCOUNT',
  /**
   * Findings for access from outside the organization. Deploy it in the management account or a
   * delegated administrator account.
   */
  ORGANIZATION = 'ORGANIZATION',
}

/** An archive rule: new findings that match every filter are archived automatically. */
export interface AnalyzerArchiveRule {
  /** Rule name: starts with a letter, then letters, digits, '.', '_' or '-' (up to 255). */
  readonly ruleName: string;
  /**
   * Filters on finding properties (for example `{ property: 'principal.AWS', eq: ['111122223333'] }`
   * for a trusted account). Each needs at least one of `eq`, `neq`, `contains` or `exists`.
   */
  readonly filters: accessanalyzer.CfnAnalyzer.FilterProperty[];
}

export interface AccessAnalyzerProps {
  /**
   * Zone of trust.
   *
   * @default AnalyzerScope.ACCOUNT
   */
  readonly scope?: AnalyzerScope;
  /**
   * Analyzer name.
   *
   * @default - a name CloudFormation generates
   */
  readonly analyzerName?: string;
  /**
   * Archive rules for expected external access (for example a trusted partner account). Archived
   * findings stay visible in the archive.
   *
   * @default - none: every finding stays active
   */
  readonly archiveRules?: AnalyzerArchiveRule[];
}

/**
 * An IAM Access Analyzer external-access analyzer (CIS AWS Foundations 1.20), for this account or the
 * whole organization. External-access analyzers have no charge.
 *
 * Analyzers are regional: CIS asks for one in every Region, so define this construct in a stack per
 * Region you use.
 *
 * The analyzer is deleted with the stack: its findings come from a fresh scan whenever an analyzer is
 * defined again, and a retained analyzer with a fixed name would block the next deployment.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
 */
export class AccessAnalyzer extends Construct {
  /** The analyzer. */
  public readonly analyzer: accessanalyzer.CfnAnalyzer;
  /** The analyzer's ARN. */
  public readonly analyzerArn: string;

  constructor(scope: Construct, id: string, props: AccessAnalyzerProps = {}) {
    super(scope, id);
    validateAccessAnalyzerProps(this, props);
    this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'Resource', {
      type: props.scope ?? AnalyzerScope.ACCOUNT,
      analyzerName: props.analyzerName,
      archiveRules: props.archiveRules?.map((r) => ({ ruleName: r.ruleName, filter: r.filters })),
    });
    this.analyzerArn = this.analyzer.attrArn;
    const rules = props.archiveRules ?? [];
    if (rules.length > 0) {
      warnWeakening(
        this,
        WEAKENINGS.ACCESS_ANALYZER_ARCHIVE_RULES,
        `archiveRules ${rules.map((r) => JSON.stringify(r.ruleName)).join(', ')} archive the findings they match as they appear, ` +
          'so that external access is never reviewed again; keep each rule to access you have reviewed and trust',
      );
    }
  }
}

/** Finding properties every Access Analyzer finding has. */
const ALWAYS_PRESENT = ['resource', 'resourceType', 'resourceOwnerAccount', 'status', 'findingType', 'isPublic'];

function matchesEveryFinding(f: accessanalyzer.CfnAnalyzer.FilterProperty): boolean {
  if (Token.isUnresolved(f) || Token.isUnresolved(f.property)) return false;
  if (f.eq !== undefined || f.neq !== undefined || f.contains !== undefined) {
    // Only isPublic eq [true, false] is a criterion that cannot fail.
    return f.property === 'isPublic' && f.neq === undefined && f.contains === undefined &&
      Array.isArray(f.eq) && ['true', 'false'].every((v) => f.eq!.includes(v));
  }
  return f.exists === true && ALWAYS_PRESENT.includes(f.property);
}

function validateAccessAnalyzerProps(scope: Construct, props: AccessAnalyzerProps): void {
  const problems: string[] = [];
  if (props.analyzerName !== undefined && !Token.isUnresolved(props.analyzerName) && !/^[A-Za-z][A-Za-z0-9_.-]{0,254}$/.test(props.analyzerName)) {
    problems.push(
      `analyzerName must start with a letter, then letters, digits, '.', '_' or '-' (up to 255), got ${JSON.stringify(props.analyzerName)}; ` +
        "use a name such as 'baseline-account'",
    );
  }
  const names = new Set<string>();
  for (const rule of props.archiveRules ?? []) {
    if (!Token.isUnresolved(rule.ruleName) && !/^[A-Za-z][A-Za-z0-9_.-]{0,254}$/.test(rule.ruleName)) {
      problems.push(
        `archiveRules ruleName must start with a letter, then letters, digits, '.', '_' or '-' (up to 255), got ${JSON.stringify(rule.ruleName)}`,
      );
    }
    if (names.has(rule.ruleName)) {
      problems.push(`archiveRules ruleName must be unique, got ${JSON.stringify(rule.ruleName)} twice; rename one rule`);
    }
    names.add(rule.ruleName);
    if (rule.filters.length === 0) {
      problems.push(
        `archiveRules ${JSON.stringify(rule.ruleName)} has no filters, so it would archive every finding; ` +
          'add a filter that names the expected access (for example principal.AWS eq a trusted account id)',
      );
    }
    // A rule whose every filter holds for every finding archives them all, silently, like a rule
    // without filters. Properties every finding carries (resource, resourceType, resourceOwnerAccount,
    // status, findingType), and isPublic, which is either true or false.
    // @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-filter-keys.html
    if (rule.filters.length > 0 && rule.filters.every(matchesEveryFinding)) {
      problems.push(
        `archiveRules ${JSON.stringify(rule.ruleName)} matches every finding (filters ${JSON.stringify(rule.filters)}), so it would archive them all; ` +
          'narrow it to the expected access, for example { property: \'principal.AWS\', eq: [\'<trusted account id>\'] }',
      );
    }
    for (const f of rule.filters) {
      if (f.eq === undefined && f.neq === undefined && f.contains === undefined && f.exists === undefined) {
        problems.push(
          `archiveRules ${JSON.stringify(rule.ruleName)} filter on ${JSON.stringify(f.property)} has no criterion; set eq, neq, contains or exists`,
        );
      }
    }
  }
  throwIfProblems('AccessAnalyzer.InvalidProps', scope, problems);
}
