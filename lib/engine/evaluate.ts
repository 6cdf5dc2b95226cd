import { FoundAcknowledgment, acknowledgmentProblems, acknowledgmentsOf, isExpired } from './acknowledgments';
import { AccountOutcome, Outcome, Rule, RuleMetadata } from './rule';
import { Resource, Template, TemplateInput, TemplateSet } from './template-set';
import { CheckScope, ControlMap, ResultStatus, Severity } from './types';

/** One evaluated (rule, resource) pair: the ledger's unit of evidence. */
export interface LedgerResult {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly status: ResultStatus;
  /** The stack (template) the result belongs to. */
  readonly stack: string;
  /** Path of the template. */
  readonly template: string;
  /** Logical id of the resource judged: null for an account finding about something missing. */
  readonly logicalId: string | null;
  readonly constructPath?: string;
  readonly resourceType?: string;
  readonly message: string;
  /** Property path at fault, CloudFormation style (`Properties/BucketEncryption`). */
  readonly location?: string;
  /** Source line of the resource, when the loader knows it. */
  readonly line?: number;
  readonly controls: ControlMap;
  /** What could not be resolved, when that is why the rule failed. */
  readonly unresolved?: readonly string[];
  /** The acknowledgment that covers the result (status `acknowledged`, or `fail` when it expired or was refused). */
  readonly acknowledgment?: { readonly reason: string; readonly owner: string; readonly expires?: string };
}

/** What became of each acknowledgment found in the templates: the exception register. */
export interface AcknowledgmentRecord {
  readonly ruleId: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires?: string;
  readonly stack: string;
  readonly template: string;
  /** null for an acknowledgment at the template root. */
  readonly logicalId: string | null;
  readonly constructPath?: string;
  /**
   * `applied`: it covers a failing result. `stale`: it matches no failing result (remove it).
   * `expired`: its expiry has passed, so the finding is open again. `refused`: the rule is
   * non-waivable. `invalid`: it lacks a 20-character reason, an owner, or a valid date.
   */
  readonly state: 'applied' | 'stale' | 'expired' | 'refused' | 'invalid';
  readonly problems?: readonly string[];
}

/** The whole evaluation: every rule once, over every resource it applies to. */
export interface Ledger {
  readonly scope: CheckScope;
  /** When the evaluation ran (ISO 8601); also the time acknowledgment expiry is judged against. */
  readonly evaluatedAt: string;
  /** Frameworks the evaluation was for (rules mapping to none of them were not run). */
  readonly frameworks: readonly string[];
  readonly templates: readonly { readonly path: string; readonly stack: string; readonly account?: string; readonly region?: string; readonly resourceCount: number; readonly baseline: boolean }[];
  /** The rules evaluated (metadata only). */
  readonly rules: readonly RuleMetadata[];
  readonly results: readonly LedgerResult[];
  readonly acknowledgments: readonly AcknowledgmentRecord[];
  /** Rules that were not run, with why (account rules in workload scope). */
  readonly skipped: readonly { readonly ruleId: string; readonly reason: string }[];
}

export interface EvaluateOptions {
  /** @default CheckScope.ACCOUNT */
  readonly scope?: CheckScope;
  /** Only run rules that map to at least one of these frameworks. @default - every rule */
  readonly frameworks?: readonly string[];
  /** The time acknowledgment expiry is judged against. @default - now */
  readonly now?: Date;
  /**
   * Templates of the account's baseline, judged with the workload's for account rules only.
   * Resource rules do not judge them. @default - none
   */
  readonly baseline?: readonly TemplateInput[];
}

/** Evaluate rules over templates and return the ledger. Pure: reads nothing, writes nothing. */
export function evaluate(inputs: readonly TemplateInput[], rules: readonly Rule[], options: EvaluateOptions = {}): Ledger {
  const scope = options.scope ?? CheckScope.ACCOUNT;
  const now = options.now ?? new Date();
  const baselineInputs = options.baseline ?? [];
  const set = new TemplateSet([...inputs, ...baselineInputs]);
  const workload = set.templates.slice(0, inputs.length);
  const baselinePaths = new Set(set.templates.slice(inputs.length).map((t) => t.path));
  const frameworks = options.frameworks ?? [...new Set(rules.flatMap((r) => Object.keys(r.controls)))];
  const chosen = rules.filter((r) => options.frameworks === undefined || Object.keys(r.controls).some((f) => frameworks.includes(f)));

  const raw: { rule: Rule; template: Template; resource?: Resource; outcome: Outcome }[] = [];
  const skipped: { ruleId: string; reason: string }[] = [];
  const byType = new Map<string, Resource[]>();
  for (const t of workload) {
    for (const r of t.resources) {
      const list = byType.get(r.type) ?? [];
      list.push(r);
      byType.set(r.type, list);
    }
  }

  for (const rule of chosen) {
    if (rule.kind === 'resource') {
      for (const type of rule.resourceTypes) {
        for (const resource of byType.get(type) ?? []) {
          raw.push({ rule, template: resource.template, resource, outcome: runResourceRule(rule, resource, set) });
        }
      }
    } else if (scope === CheckScope.WORKLOAD && baselineInputs.length === 0) {
      skipped.push({ ruleId: rule.id, reason: 'account rule skipped in workload scope: the account baseline is judged where it is deployed' });
    } else if (set.templates.length > 0) {
      for (const outcome of runAccountRule(rule, set)) {
        const template = outcome.resource?.template ?? outcome.template ?? set.templates[0];
        raw.push({ rule, template, resource: outcome.resource, outcome });
      }
    }
  }

  // Acknowledgments: index them by (template, logical id or root, rule id).
  const found = new Map<string, FoundAcknowledgment[]>();
  const keyOf = (t: Template, r: Resource | undefined, ruleId: string) => `${t.path}\u0000${r?.logicalId ?? ''}\u0000${ruleId}`;
  for (const t of set.templates) {
    for (const ack of [...acknowledgmentsOf(t), ...t.resources.flatMap((r) => acknowledgmentsOf(t, r))]) {
      const k = keyOf(t, ack.resource, ack.ruleId);
      found.set(k, [...(found.get(k) ?? []), ack]);
    }
  }
  const used = new Map<FoundAcknowledgment, AcknowledgmentRecord['state']>();
  const problemsOf = new Map<FoundAcknowledgment, string[]>();

  const results: LedgerResult[] = raw.map(({ rule, template, resource, outcome }) => {
    const base = {
      ruleId: rule.id,
      severity: rule.severity,
      stack: template.stackName,
      template: template.path,
      logicalId: resource?.logicalId ?? null,
      constructPath: resource?.constructPath,
      resourceType: resource?.type,
      message: outcome.message,
      location: outcome.path,
      line: resource?.line,
      controls: rule.controls,
      unresolved: outcome.unresolved,
    };
    if (outcome.status !== 'fail') {
      // Most results pass: the base becomes the result, without a copy (a large app has 50,000).
      return Object.assign(base, { status: outcome.status === 'pass' ? ResultStatus.PASS : ResultStatus.NOT_APPLICABLE });
    }
    const ack = found.get(keyOf(template, resource, rule.id))?.[0];
    if (!ack) return Object.assign(base, { status: ResultStatus.FAIL });
    const acknowledgment = { reason: ack.reason, owner: ack.owner, expires: ack.expires };
    const problems = acknowledgmentProblems(ack);
    if (problems.length > 0) {
      used.set(ack, 'invalid');
      problemsOf.set(ack, problems);
      return { ...base, status: ResultStatus.FAIL, acknowledgment, message: `${outcome.message} (acknowledgment ignored: ${problems.join('; ')})` };
    }
    if (rule.nonWaivable) {
      used.set(ack, 'refused');
      return { ...base, status: ResultStatus.FAIL, acknowledgment, message: `${outcome.message} (${rule.id} is non-waivable: the acknowledgment is refused; fix the resource)` };
    }
    if (isExpired(ack, now)) {
      used.set(ack, 'expired');
      return { ...base, severity: Severity.ERROR, status: ResultStatus.FAIL, acknowledgment, message: `${outcome.message} (acknowledgment expired on ${ack.expires})` };
    }
    used.set(ack, 'applied');
    return { ...base, status: ResultStatus.ACKNOWLEDGED, acknowledgment };
  });

  const acknowledgments: AcknowledgmentRecord[] = [...found.values()].flat().map((ack) => {
    const problems = problemsOf.get(ack) ?? acknowledgmentProblems(ack);
    const state = used.get(ack) ?? (problems.length > 0 ? 'invalid' : 'stale');
    return {
      ruleId: ack.ruleId,
      reason: ack.reason,
      owner: ack.owner,
      expires: ack.expires,
      stack: ack.template.stackName,
      template: ack.template.path,
      logicalId: ack.resource?.logicalId ?? null,
      constructPath: ack.resource?.constructPath,
      state,
      problems: problems.length > 0 ? problems : undefined,
    };
  });

  return {
    scope,
    evaluatedAt: now.toISOString(),
    frameworks,
    templates: set.templates.map((t) => ({
      path: t.path,
      stack: t.stackName,
      account: t.account,
      region: t.region,
      resourceCount: t.resources.length,
      baseline: baselinePaths.has(t.path),
    })),
    rules: chosen.map(({ check: _check, ...meta }: any) => meta as RuleMetadata),
    results,
    acknowledgments,
    skipped,
  };
}

function runResourceRule(rule: Rule & { kind: 'resource' }, resource: Resource, set: TemplateSet): Outcome {
  if (resource.deployed === false) return { status: 'not-applicable', message: `not deployed: condition ${resource.raw.Condition} is false` };
  try {
    return rule.check(resource, set);
  } catch (e) {
    return { status: 'fail', message: `rule ${rule.id} could not judge the resource: ${(e as Error).message}` };
  }
}

function runAccountRule(rule: Rule & { kind: 'account' }, set: TemplateSet): AccountOutcome[] {
  try {
    return rule.check(set);
  } catch (e) {
    return [{ status: 'fail', message: `rule ${rule.id} could not judge the templates: ${(e as Error).message}` }];
  }
}
