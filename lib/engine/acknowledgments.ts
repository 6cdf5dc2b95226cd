import { Resource, Template } from './template-set';
import { Acknowledgment } from './types';
import { isPlainObject } from './values';

/**
 * The metadata key that carries acknowledgments, on a resource (covers that resource) or at the
 * template's root `Metadata` (covers account findings reported against the stack):
 *
 * ```json
 * "Metadata": { "cdk-security-baseline": { "acknowledgments": [
 *   { "ruleId": "S3.ReplicationEnabled", "reason": "Single-Region account; copies go to AWS Backup",
 *     "owner": "platform-team", "expires": "2027-06-30" } ] } }
 * ```
 *
 * The same shape works in a hand-written template, the way cdk-nag v2 (`cdk_nag.rules_to_suppress`),
 * cfn_nag and checkov carry theirs.
 */
export const ACKNOWLEDGMENT_METADATA_KEY = 'cdk-security-baseline';

/** Minimum length of an acknowledgment's reason. */
export const MIN_REASON_LENGTH = 20;

/** An acknowledgment found in a template, with where it was found. */
export interface FoundAcknowledgment extends Acknowledgment {
  readonly template: Template;
  /** The resource it covers. @default - the template root: covers findings reported against the stack */
  readonly resource?: Resource;
}

/** Acknowledgments written on one resource (or, with no resource, at the template root). */
export function acknowledgmentsOf(template: Template, resource?: Resource): FoundAcknowledgment[] {
  const meta = resource ? resource.metadata : template.metadata;
  const entry = meta[ACKNOWLEDGMENT_METADATA_KEY];
  const list = isPlainObject(entry) && Array.isArray(entry.acknowledgments) ? entry.acknowledgments : [];
  return list
    .filter((a: unknown) => isPlainObject(a))
    .map((a: any) => ({
      ruleId: String(a.ruleId ?? ''),
      reason: typeof a.reason === 'string' ? a.reason : '',
      owner: typeof a.owner === 'string' ? a.owner : '',
      expires: a.expires === undefined ? undefined : String(a.expires),
      template,
      resource,
    }));
}

/** Problems that make an acknowledgment invalid (empty when it is well formed). */
export function acknowledgmentProblems(ack: Acknowledgment): string[] {
  const problems: string[] = [];
  if (!ack.ruleId) problems.push('ruleId is missing');
  if (ack.reason.trim().length < MIN_REASON_LENGTH) {
    problems.push(`reason must be at least ${MIN_REASON_LENGTH} characters, got ${JSON.stringify(ack.reason)}`);
  }
  if (!ack.owner.trim()) problems.push('owner is missing');
  if (ack.expires !== undefined && isNaN(Date.parse(ack.expires))) {
    problems.push(`expires must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(ack.expires)}`);
  }
  return problems;
}

/** True when the acknowledgment has an expiry and it is before `now`. */
export function isExpired(ack: Acknowledgment, now: Date): boolean {
  if (ack.expires === undefined) return false;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(ack.expires) ? `${ack.expires}T23:59:59.999Z` : ack.expires);
  return !isNaN(t) && t < now.getTime();
}
