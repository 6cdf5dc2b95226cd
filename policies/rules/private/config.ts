// Reading AWS Config recorders: what they record, and with which role.
import { Resource, TemplateSet, Unresolved, asBoolean, asList, isPlainObject, isUnresolved, unresolvedIn } from '../../../lib/engine';
import { referencedResource } from './refs';

/** The global resource types: IAM users, groups, roles and customer-managed policies. */
export const GLOBAL_RESOURCE_TYPES = ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'];

/** What a recorder records. */
export interface Recording {
  /** Every supported regional resource type (an exclusion of only the global types still counts). */
  readonly allSupported: boolean;
  /** The global IAM resource types. */
  readonly global: boolean;
  /** The recording strategy, as AWS Config names it. */
  readonly strategy: string;
  /** Types excluded or, for an inclusion list, the types included. */
  readonly types: readonly string[];
}

/**
 * What a recorder's `RecordingGroup` records. Without a recording group AWS Config records every
 * supported type except the global ones.
 *
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html
 */
export function recordingOf(recorder: Resource): Recording | Unresolved {
  const group = recorder.properties.RecordingGroup;
  if (group === undefined) return { allSupported: true, global: false, strategy: 'ALL_SUPPORTED_RESOURCE_TYPES', types: [] };
  if (!isPlainObject(group)) return isUnresolved(group) ? group : new Unresolved('a RecordingGroup that is not an object');
  const gaps = unresolvedIn(group);
  if (gaps.length > 0) return gaps[0];
  const allSupported = asBoolean(group.AllSupported);
  const includeGlobal = asBoolean(group.IncludeGlobalResourceTypes);
  if (isUnresolved(allSupported)) return allSupported;
  if (isUnresolved(includeGlobal)) return includeGlobal;
  const declared = isPlainObject(group.RecordingStrategy) ? group.RecordingStrategy.UseOnly : undefined;
  const strategy = typeof declared === 'string' ? declared : allSupported === true ? 'ALL_SUPPORTED_RESOURCE_TYPES' : 'INCLUSION_BY_RESOURCE_TYPES';
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    const excluded = asList(isPlainObject(group.ExclusionByResourceTypes) ? group.ExclusionByResourceTypes.ResourceTypes : undefined).map(String);
    return {
      allSupported: excluded.every((t) => GLOBAL_RESOURCE_TYPES.includes(t)),
      global: !GLOBAL_RESOURCE_TYPES.some((t) => excluded.includes(t)),
      strategy,
      types: excluded,
    };
  }
  if (strategy === 'ALL_SUPPORTED_RESOURCE_TYPES' && allSupported !== false) {
    return { allSupported: true, global: includeGlobal === true, strategy, types: [] };
  }
  const included = asList(group.ResourceTypes).map(String);
  return { allSupported: false, global: GLOBAL_RESOURCE_TYPES.every((t) => included.includes(t)), strategy: 'INCLUSION_BY_RESOURCE_TYPES', types: included };
}

/**
 * Whether a recorder's `RoleARN` is AWS Config's service-linked role `AWSServiceRoleForConfig`
 * (literally, or built from an `AWS::IAM::ServiceLinkedRole` for `config.amazonaws.com`).
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
 */
export function usesServiceLinkedRole(set: TemplateSet, recorder: Resource): boolean | Unresolved {
  const arn = recorder.properties.RoleARN;
  if (isUnresolved(arn)) return arn;
  if (typeof arn !== 'string') return false;
  const m = /^arn:(?:\$\{[^}]+\}|[^:$]+):iam::(?:\$\{[^}]+\}|[^:$]*):role\/aws-service-role\/config\.amazonaws\.com\/(AWSServiceRoleForConfig|\$\{[A-Za-z0-9]+\})$/.exec(arn);
  if (!m) return false;
  if (m[1] === 'AWSServiceRoleForConfig') return true;
  const slr = referencedResource(set, m[1], recorder.template);
  return slr?.type === 'AWS::IAM::ServiceLinkedRole' && slr.properties.AWSServiceName === 'config.amazonaws.com';
}
