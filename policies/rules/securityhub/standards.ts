import { AccountOutcome, Severity, defineAccountRule } from '../../../lib/engine';
import { deployedOfType, failOn, missing, unresolvedOn } from '../private/alerting';

/** A standard that must be subscribed, by the part of its ARN after `standards/` (or `ruleset/`). */
interface RequiredStandard {
  readonly name: string;
  readonly path: RegExp;
  /** Lowest version accepted, as [major, minor, patch]. */
  readonly minimum: readonly [number, number, number];
}

const REQUIRED: readonly RequiredStandard[] = [
  { name: 'AWS Foundational Security Best Practices', path: /(^|:)standards\/aws-foundational-security-best-practices\/v\/(\d+)\.(\d+)\.(\d+)$/, minimum: [1, 0, 0] },
  // CIS v1.2.0 is an ARN under ruleset/; this pack maps CIS v3.0.0, so older versions do not count.
  { name: 'CIS AWS Foundations Benchmark', path: /(^|:)(?:standards|ruleset)\/cis-aws-foundations-benchmark\/v\/(\d+)\.(\d+)\.(\d+)$/, minimum: [3, 0, 0] },
];

/**
 * Security Hub runs the FSBP and CIS (v3.0.0 or later) standards.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
 */
export default defineAccountRule({
  id: 'SecurityHub.Standards',
  severity: Severity.ERROR,
  title: 'Security Hub subscribes to the FSBP and CIS AWS Foundations v3.0.0 (or later) standards',
  description: 'Security Hub runs only the controls of the standards it subscribes to; FSBP and CIS v3.0.0 are the standards this pack evidences at deploy time and Security Hub then checks at run time.',
  fix: 'Subscribe AWS::SecurityHub::Standard to aws-foundational-security-best-practices/v/1.0.0 and cis-aws-foundations-benchmark/v/3.0.0 (ThreatDetection does by default)',
  controls: {
    'cis-aws-3.0': ['4.16'],
    'nist-800-53-r5': ['CA-7', 'CA-2(d)'],
    'hipaa': ['164.308(a)(8)'],
    'iso-27001-2022': ['A.5.36'],
    'nist-csf-2.0': ['ID.RA-01', 'ID.IM-02'],
  },
  check: (set) => {
    const { resources, undecided } = deployedOfType(set, 'AWS::SecurityHub::Standard');
    const outcomes: AccountOutcome[] = [...undecided];
    const found = new Map<RequiredStandard, AccountOutcome>();
    for (const standard of resources) {
      const arn = standard.properties.StandardsArn;
      if (typeof arn !== 'string') {
        outcomes.push(unresolvedOn(standard, `the StandardsArn of ${standard.logicalId}`, arn, 'StandardsArn'));
        continue;
      }
      for (const required of REQUIRED) {
        const m = required.path.exec(arn);
        if (!m) continue;
        const version = [Number(m[2]), Number(m[3]), Number(m[4])];
        const old = compare(version, required.minimum) < 0;
        const outcome: AccountOutcome = old
          ? failOn(standard, `${standard.logicalId} subscribes ${required.name} v${version.join('.')}, older than v${required.minimum.join('.')}`, 'StandardsArn')
          : { status: 'pass', message: `${standard.logicalId} subscribes ${required.name} v${version.join('.')}`, resource: standard };
        if (!found.has(required) || found.get(required)!.status !== 'pass') found.set(required, outcome);
      }
    }
    for (const required of REQUIRED) {
      const outcome = found.get(required);
      if (outcome) outcomes.push(outcome);
      else if (undecided.length === 0 && !outcomes.some((o) => o.status === 'fail' && o.unresolved)) {
        outcomes.push(missing(set, `Security Hub does not subscribe to ${required.name}: no AWS::SecurityHub::Standard names it`));
      }
    }
    return outcomes;
  },
});

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
