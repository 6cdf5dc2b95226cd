// Which key encrypts a resource: a customer-managed key of the set, an AWS-managed key, or a key
// outside the set.
import { Resource, ResourceRef, TemplateSet, Unresolved } from '../../../lib/engine';

export type KeyReference =
  | { readonly kind: 'cmk'; readonly key: Resource }
  | { readonly kind: 'aws-managed'; readonly alias: string }
  | { readonly kind: 'external'; readonly value: string }
  | { readonly kind: 'unresolved'; readonly value: Unresolved };

/**
 * Follow a key reference (`KmsKeyId`, `KMSMasterKeyID`, `KmsMasterKeyId`, `EncryptionKeyArn`, ...):
 * a `Ref`/`Fn::GetAtt` to an `AWS::KMS::Key`, or to an `AWS::KMS::Alias` that targets one, is `cmk`;
 * `alias/aws/...` is `aws-managed`; any other literal id or ARN is `external` (a customer key defined
 * elsewhere). Returns undefined when no key is set.
 */
export function keyReference(set: TemplateSet, value: unknown): KeyReference | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Unresolved) return { kind: 'unresolved', value };
  if (value instanceof ResourceRef) return fromResource(set, set.deref(value));
  if (typeof value !== 'string') return { kind: 'unresolved', value: new Unresolved('a key reference that is not a string') };
  if (/(^|:)alias\/aws\//.test(value)) return { kind: 'aws-managed', alias: value };
  const placeholder = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}$/.exec(value);
  if (placeholder) {
    const template = set.templates.find((t) => t.resource(placeholder[1]));
    return fromResource(set, template?.resource(placeholder[1]));
  }
  return { kind: 'external', value };
}

function fromResource(set: TemplateSet, resource: Resource | undefined): KeyReference {
  if (!resource) return { kind: 'unresolved', value: new Unresolved('a key reference to an unknown resource') };
  if (resource.type === 'AWS::KMS::Key') return { kind: 'cmk', key: resource };
  if (resource.type === 'AWS::KMS::Alias') {
    const target = keyReference(set, resource.properties.TargetKeyId);
    return target ?? { kind: 'unresolved', value: new Unresolved(`alias ${resource.logicalId} has no target key`) };
  }
  return { kind: 'unresolved', value: new Unresolved(`${resource.logicalId} (${resource.type}) is not a KMS key`) };
}

/** True when the reference is a customer-managed key (ours, or defined outside the set). */
export function isCustomerManaged(ref: KeyReference | undefined): boolean {
  return ref?.kind === 'cmk' || ref?.kind === 'external';
}
