// Shared reading of S3 buckets: their bucket policies, and whether a bucket receives server access logs.
import { Resource, TemplateSet, Unresolved, asList, isPlainObject, isResourceRef, unresolvedIn } from '../../../lib/engine';
import { Statement, grantsAction, isDeny, refersTo, statementsOf } from './iam';
import { policiesFor } from './policy-principals';

/** The `AWS::S3::BucketPolicy` resources of the set that attach to `bucket`. */
export function bucketPoliciesOf(set: TemplateSet, bucket: Resource): Resource[] {
  return policiesFor(set, bucket, 'AWS::S3::BucketPolicy', 'Bucket');
}

/**
 * The buckets of the set whose server access logs go to `bucket` (their
 * `LoggingConfiguration.DestinationBucketName` refers to it, or names its `BucketName`).
 */
export function logSourcesOf(set: TemplateSet, bucket: Resource): Resource[] {
  // Indexed once per set by log destination: a reference, a `${LogicalId}` inside a string, or a literal name.
  const index = set.memo('logSourcesOf', () => {
    const byKey = new Map<string, Resource[]>();
    const add = (key: string, r: Resource) => byKey.set(key, [...(byKey.get(key) ?? []), r]);
    for (const other of set.ofType('AWS::S3::Bucket')) {
      const dest = other.get('LoggingConfiguration.DestinationBucketName');
      if (isResourceRef(dest)) add(`ref\u0000${dest.templatePath}\u0000${dest.logicalId}`, other);
      else if (typeof dest === 'string') {
        add(`name\u0000${dest}`, other);
        for (const m of dest.matchAll(/\$\{([A-Za-z0-9]+)/g)) add(`str\u0000${m[1]}`, other);
      }
    }
    return byKey;
  });
  const name = bucket.properties.BucketName;
  const found = new Set([
    ...(index.get(`ref\u0000${bucket.template.path}\u0000${bucket.logicalId}`) ?? []),
    ...(index.get(`str\u0000${bucket.logicalId}`) ?? []),
    ...(typeof name === 'string' ? index.get(`name\u0000${name}`) ?? [] : []),
  ]);
  found.delete(bucket);
  return [...found];
}

/**
 * Deny statements of the bucket's policies that cover both the bucket and its objects and match
 * `applies`. Returns the policy that has one, an `Unresolved` when a candidate statement's resources
 * could not be resolved, or undefined.
 */
export function findBucketDeny(
  set: TemplateSet,
  bucket: Resource,
  applies: (s: Statement) => boolean,
): { policy: Resource } | { gap: Unresolved; policy: Resource } | undefined {
  let gap: { gap: Unresolved; policy: Resource } | undefined;
  for (const policy of bucketPoliciesOf(set, bucket)) {
    const document = policy.properties.PolicyDocument;
    if (document instanceof Unresolved) {
      gap = gap ?? { gap: document, policy };
      continue;
    }
    for (const s of statementsOf(document)) {
      if (!isDeny(s) || !grantsAction(s, 's3:GetObject') || !grantsAction(s, 's3:PutObject')) continue;
      if (!applies(s)) continue;
      const resources = asList(s.Resource);
      const missing = unresolvedIn(resources);
      if (missing.length > 0) {
        gap = gap ?? { gap: missing[0], policy };
        continue;
      }
      const coversBucket = resources.some((r) => r === '*' || (refersTo(r, bucket.logicalId) && !String(r).endsWith('/*')));
      const coversObjects = resources.some((r) => r === '*' || (refersTo(r, bucket.logicalId) && String(r).endsWith('/*')));
      if (coversBucket && coversObjects) return { policy };
    }
  }
  return gap;
}

/** The value under `key` in a statement's Condition for operator `op` (case-insensitive key), or undefined. */
export function conditionAt(s: Statement, op: string, key: string): unknown {
  if (!isPlainObject(s.Condition)) return undefined;
  const block = Object.entries(s.Condition).find(([o]) => o === op)?.[1];
  if (!isPlainObject(block)) return undefined;
  const k = Object.keys(block).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : block[k];
}

/** One default-encryption rule of a bucket, as resolved. */
export interface DefaultEncryption {
  readonly algorithm: unknown;
  readonly keyId: unknown;
  readonly bucketKey: unknown;
  readonly index: number;
}

/**
 * The bucket's default-encryption rules (`BucketEncryption.ServerSideEncryptionConfiguration`), or the
 * `Unresolved` when they could not be resolved. An empty list means none is declared.
 */
export function defaultEncryptionOf(bucket: Resource): DefaultEncryption[] | Unresolved {
  const config = bucket.get('BucketEncryption.ServerSideEncryptionConfiguration');
  if (config instanceof Unresolved) return config;
  const out: DefaultEncryption[] = [];
  for (const [index, rule] of asList(config).entries()) {
    if (rule instanceof Unresolved) return rule;
    if (!isPlainObject(rule)) continue;
    const byDefault = rule.ServerSideEncryptionByDefault;
    if (byDefault instanceof Unresolved) return byDefault;
    if (!isPlainObject(byDefault)) continue;
    out.push({ algorithm: byDefault.SSEAlgorithm, keyId: byDefault.KMSMasterKeyID, bucketKey: rule.BucketKeyEnabled, index });
  }
  return out;
}

/** Not applicable because the bucket is a server access log target, naming the sources. */
export function logTargetReason(sources: Resource[], why: string): string {
  return `the bucket receives the server access logs of ${sources.map((s) => s.logicalId).join(', ')}: ${why}`;
}

/** One lifecycle rule of a bucket, with its index, as resolved. */
export interface LifecycleRule {
  readonly index: number;
  readonly rule: Record<string, unknown>;
}

/**
 * The bucket's enabled lifecycle rules that apply to every object (no prefix, tag or size filter), or
 * the `Unresolved` when the rules could not be resolved.
 */
export function bucketWideLifecycleRules(bucket: Resource): LifecycleRule[] | Unresolved {
  const rules = bucket.get('LifecycleConfiguration.Rules');
  if (rules instanceof Unresolved) return rules;
  const out: LifecycleRule[] = [];
  for (const [index, rule] of asList(rules).entries()) {
    if (rule instanceof Unresolved) return rule;
    if (!isPlainObject(rule)) continue;
    const missing = unresolvedIn([rule.Status, rule.Prefix, rule.TagFilters, rule.ObjectSizeGreaterThan, rule.ObjectSizeLessThan]);
    if (missing.length > 0) return missing[0];
    if (rule.Status !== 'Enabled') continue;
    const filtered = (typeof rule.Prefix === 'string' && rule.Prefix !== '') || asList(rule.TagFilters).length > 0
      || rule.ObjectSizeGreaterThan !== undefined || rule.ObjectSizeLessThan !== undefined;
    if (!filtered) out.push({ index, rule });
  }
  return out;
}
