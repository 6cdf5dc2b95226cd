// Reading CloudTrail trails: which management and S3 data events they log, and the bucket they deliver to.
import { Resource, TemplateSet, Unresolved, asBoolean, asList, isPlainObject, isUnresolved, unresolvedIn } from '../../../lib/engine';
import { referencedResource } from './refs';

/** Which of read and write events a trail logs. */
export interface ReadWrite {
  readonly read: boolean;
  readonly write: boolean;
}

/**
 * The management events a trail logs. With no selectors a trail logs every management event, read and
 * write. `AdvancedEventSelectors`, when present, replace `EventSelectors`. A selector that filters on
 * anything but `eventCategory` and `readOnly` (or excludes event sources) logs only part of them and
 * does not count.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 */
export function managementEvents(trail: Resource): ReadWrite | Unresolved {
  const advanced = trail.properties.AdvancedEventSelectors;
  const basic = trail.properties.EventSelectors;
  if (isUnresolved(advanced)) return advanced;
  if (asList(advanced).length > 0) return fromAdvanced(advanced, 'Management', () => true);
  if (isUnresolved(basic)) return basic;
  const selectors = asList(basic);
  if (selectors.length === 0) return { read: true, write: true };
  let read = false;
  let write = false;
  for (const s of selectors) {
    if (!isPlainObject(s)) return new Unresolved('an event selector that is not an object');
    const gaps = unresolvedIn(s);
    if (gaps.length > 0) return gaps[0];
    const include = asBoolean(s.IncludeManagementEvents);
    if (include === false || asList(s.ExcludeManagementEventSources).length > 0) continue;
    const rw = readWrite(s.ReadWriteType);
    read = read || rw.read;
    write = write || rw.write;
  }
  return { read, write };
}

/**
 * The S3 data events a trail logs for every bucket of the account (`arn:<partition>:s3` or
 * `arn:<partition>:s3:::` in a basic selector; `resources.type` `AWS::S3::Object` with no ARN filter in
 * an advanced one).
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 */
export function allS3DataEvents(trail: Resource): ReadWrite | Unresolved {
  const advanced = trail.properties.AdvancedEventSelectors;
  if (isUnresolved(advanced)) return advanced;
  if (asList(advanced).length > 0) {
    return fromAdvanced(advanced, 'Data', (field, equals) => field === 'resources.type' && equals.length === 1 && equals[0] === 'AWS::S3::Object', 'resources.type');
  }
  const basic = trail.properties.EventSelectors;
  if (isUnresolved(basic)) return basic;
  let read = false;
  let write = false;
  for (const s of asList(basic)) {
    if (!isPlainObject(s)) return new Unresolved('an event selector that is not an object');
    const gaps = unresolvedIn(s);
    if (gaps.length > 0) return gaps[0];
    const everyBucket = asList(s.DataResources).some((d) =>
      isPlainObject(d) && d.Type === 'AWS::S3::Object' && asList(d.Values).some((v) => typeof v === 'string' && /^arn:[^:]+:s3(:::)?$/.test(v)));
    if (!everyBucket) continue;
    const rw = readWrite(s.ReadWriteType);
    read = read || rw.read;
    write = write || rw.write;
  }
  return { read, write };
}

function readWrite(value: unknown): ReadWrite {
  if (value === 'ReadOnly') return { read: true, write: false };
  if (value === 'WriteOnly') return { read: false, write: true };
  return { read: true, write: true }; // All, the default
}

/** Read/write coverage of advanced selectors of `category`, each allowed one extra required field. */
function fromAdvanced(selectors: unknown, category: string, extraOk: (field: string, equals: unknown[]) => boolean, required?: string): ReadWrite | Unresolved {
  let read = false;
  let write = false;
  for (const s of asList(selectors)) {
    if (!isPlainObject(s)) return new Unresolved('an advanced event selector that is not an object');
    const gaps = unresolvedIn(s);
    if (gaps.length > 0) return gaps[0];
    const fields = asList(s.FieldSelectors).filter(isPlainObject);
    const operators = (f: Record<string, unknown>) => Object.keys(f).filter((k) => k !== 'Field');
    const plainEquals = (f: Record<string, unknown>) => operators(f).length === 1 && operators(f)[0] === 'Equals';
    if (!fields.some((f) => f.Field === 'eventCategory' && plainEquals(f) && asList(f.Equals).includes(category))) continue;
    if (required && !fields.some((f) => f.Field === required && plainEquals(f) && extraOk(String(f.Field), asList(f.Equals)))) continue;
    let rw = { read: true, write: true };
    let partial = false;
    for (const f of fields) {
      if (f.Field === 'eventCategory') continue;
      if (f.Field === required && plainEquals(f)) continue;
      if (f.Field === 'readOnly' && plainEquals(f)) {
        const values = asList(f.Equals).map(String);
        rw = { read: values.includes('true'), write: values.includes('false') };
        continue;
      }
      partial = true; // eventSource, eventName, resources.ARN, ...: only some events
    }
    if (partial) continue;
    read = read || rw.read;
    write = write || rw.write;
  }
  return { read, write };
}

/**
 * The bucket a trail delivers to: the `AWS::S3::Bucket` of the set (by reference or by its literal
 * `BucketName`), the literal name of a bucket defined elsewhere, or an `Unresolved`.
 */
export function trailBucket(set: TemplateSet, trail: Resource): Resource | { readonly outside: string } | Unresolved {
  const value = trail.properties.S3BucketName;
  if (isUnresolved(value)) return value;
  const ref = referencedResource(set, value, trail.template);
  if (ref) return ref.type === 'AWS::S3::Bucket' ? ref : new Unresolved(`S3BucketName refers to ${ref.logicalId} (${ref.type}), not a bucket`);
  if (typeof value !== 'string' || value === '') return new Unresolved('the trail has no S3BucketName');
  const byName = set.ofType('AWS::S3::Bucket').find((b) => b.properties.BucketName === value);
  return byName ?? { outside: value };
}
