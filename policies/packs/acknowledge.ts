import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACKNOWLEDGMENT_METADATA_KEY, Acknowledgment, MIN_REASON_LENGTH, acknowledgmentProblems } from '../../lib/engine';
import { BaselineValidationError } from '../../lib/errors';
import { RULES, ruleById } from '../rules';

/** What `acknowledge()` records. */
export interface AcknowledgeOptions {
  /** The rule acknowledged, for example `S3.ReplicationEnabled`. One acknowledgment covers every framework it maps to. */
  readonly ruleId: string;
  /** Why the finding is accepted: a sentence a reviewer would accept (at least 20 characters). */
  readonly reason: string;
  /** Who owns the exception: a team or a person. */
  readonly owner: string;
  /**
   * Date (`YYYY-MM-DD`) after which the acknowledgment no longer holds: the finding is an error again.
   *
   * @default - no expiry
   */
  readonly expires?: string;
}

/**
 * Acknowledge a rule's findings on every resource under `scope`, with a reason, an owner and an
 * optional expiry.
 *
 * The acknowledgment is written into the synthesized template, as `cdk-security-baseline` metadata on
 * each covered resource (and, when `scope` is a stack, at the template root, which covers account
 * findings reported against the stack). So the plugin at synth and the CLI over `cdk.out` read one
 * source, and a hand-written template acknowledges the same way. For a resource rule, only resources
 * of the rule's types are marked. An acknowledgment that no longer matches a finding is listed as stale.
 *
 * @throws BaselineValidationError for an unknown rule, a short reason, no owner, a bad date, or a
 *   non-waivable rule
 */
export function acknowledge(scope: IConstruct, options: AcknowledgeOptions): void {
  const rule = ruleById(options.ruleId);
  const ack: Acknowledgment = { ruleId: options.ruleId, reason: options.reason ?? '', owner: options.owner ?? '', expires: options.expires };
  const problems = acknowledgmentProblems(ack).map((p) => `${p.replace(/^(\w+)/, 'acknowledge.$1')}`);
  if (!rule) {
    problems.push(`ruleId must name a rule of cdk-security-baseline, got ${JSON.stringify(options.ruleId)}; run \`security-baseline controls\` to list them (e.g. ${RULES.slice(0, 3).map((r) => r.id).join(', ')})`);
  } else if (rule.nonWaivable) {
    problems.push(`${rule.id} is non-waivable and cannot be acknowledged: ${rule.fix}`);
  }
  if (ack.reason.trim().length < MIN_REASON_LENGTH && !problems.some((p) => p.includes('reason'))) {
    problems.push(`reason must be at least ${MIN_REASON_LENGTH} characters`);
  }
  if (problems.length > 0) throw new BaselineValidationError('Acknowledgment.Invalid', scope, problems);

  const entry = { ruleId: ack.ruleId, reason: ack.reason, owner: ack.owner, ...(ack.expires ? { expires: ack.expires } : {}) };
  const types = rule!.kind === 'resource' ? new Set(rule!.resourceTypes) : undefined;
  for (const node of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(node) || (types && !types.has(node.cfnResourceType))) continue;
    const existing = node.getMetadata(ACKNOWLEDGMENT_METADATA_KEY);
    const list = Array.isArray(existing?.acknowledgments) ? existing.acknowledgments : [];
    node.addMetadata(ACKNOWLEDGMENT_METADATA_KEY, { acknowledgments: [...list.filter((a: any) => a.ruleId !== ack.ruleId), entry] });
  }
  if (Stack.isStack(scope)) {
    const meta = scope.templateOptions.metadata ?? {};
    const existing = meta[ACKNOWLEDGMENT_METADATA_KEY];
    const list = Array.isArray(existing?.acknowledgments) ? existing.acknowledgments : [];
    scope.templateOptions.metadata = {
      ...meta,
      [ACKNOWLEDGMENT_METADATA_KEY]: { acknowledgments: [...list.filter((a: any) => a.ruleId !== ack.ruleId), entry] },
    };
  }
}
