// Following references between resources of the set (backup, CloudTrail and Config rules), and the
// Region a template or an ARN is in.
import { Resource, ResourceRef, Template, TemplateSet, Unresolved, isUnresolved } from '../../../lib/engine';

/**
 * The resource a resolved value points to: a `Ref`/`Fn::GetAtt` (`ResourceRef`), or a string that is
 * exactly one `${LogicalId}` / `${LogicalId.Attr}` placeholder (a `Fn::Sub`/`Fn::Join` of one reference)
 * of the template `from`. Undefined for anything else (a literal name or ARN, an `Unresolved`).
 */
export function referencedResource(set: TemplateSet, value: unknown, from: Template): Resource | undefined {
  if (value instanceof ResourceRef) return set.deref(value);
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}$/.exec(value);
  return m ? from.resource(m[1]) : undefined;
}

/** True when `value` (a resolved value, or a string holding placeholders) refers to `target`. */
export function pointsTo(set: TemplateSet, value: unknown, target: Resource, from: Template): boolean {
  if (value instanceof ResourceRef) return set.deref(value) === target;
  if (typeof value !== 'string' || from !== target.template) return false;
  return value.includes(`\${${target.logicalId}}`) || value.includes(`\${${target.logicalId}.`);
}

/**
 * The resource of `type` that `value` names: a reference to it, or a literal equal to its
 * `nameProperty` (for example a vault named by `BackupVaultName`). Undefined when none in the set.
 */
export function namedResource(set: TemplateSet, value: unknown, from: Template, type: string, nameProperty: string): Resource | undefined {
  const ref = referencedResource(set, value, from);
  if (ref) return ref.type === type ? ref : undefined;
  if (typeof value !== 'string') return undefined;
  return set.ofType(type).find((r) => r.properties[nameProperty] === value);
}

/** The Region of a template: the stack's Region when known, else undefined (`${AWS::Region}`). */
export function regionOf(template: Template): string | undefined {
  return template.region;
}

/**
 * The Region field of an ARN (`arn:<partition>:<service>:<region>:...`): a concrete Region, the
 * `${AWS::Region}` placeholder, or an `Unresolved` when the value is not an ARN the engine could read.
 */
export function arnRegion(value: unknown): string | Unresolved {
  if (isUnresolved(value)) return value;
  if (typeof value !== 'string') return new Unresolved(`expected an ARN, got ${String(value)}`);
  // Placeholders such as `${AWS::Partition}` hold colons of their own: keep them whole.
  const parts = value.replace(/\$\{[^}]+\}/g, (m) => m.replace(/:/g, '\u0000')).split(':').map((p) => p.replace(/\u0000/g, ':'));
  if (parts.length < 6 || parts[0] !== 'arn') return new Unresolved(`${value} is not an ARN`);
  return parts[3];
}

/** `DeletionPolicy` and `UpdateReplacePolicy` as written, or resolved when written as an intrinsic. */
export function removalPolicies(resource: Resource): { deletion: unknown; updateReplace: unknown } {
  const read = (v: unknown) => (v === undefined || typeof v === 'string' ? v : resource.template.resolve(v));
  return { deletion: read(resource.raw.DeletionPolicy), updateReplace: read(resource.raw.UpdateReplacePolicy) };
}
