// Retention of stateful resources on stack deletion and replacement.
import { Outcome, Resource, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Pass when both `DeletionPolicy` and `UpdateReplacePolicy` are `Retain` (or `RetainExceptOnCreate`
 * for deletion, which only deletes a resource whose creation failed and so never held data). A policy
 * written as an intrinsic (`Ref` to a parameter) is resolved; unresolved fails closed.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export function retainFinding(resource: Resource, what: string): Outcome {
  const deletion = resource.template.resolve(resource.raw.DeletionPolicy);
  const replace = resource.template.resolve(resource.raw.UpdateReplacePolicy);
  if (deletion !== undefined && typeof deletion !== 'string') return unresolved(`the ${what}'s DeletionPolicy`, deletion, 'DeletionPolicy');
  if (replace !== undefined && typeof replace !== 'string') return unresolved(`the ${what}'s UpdateReplacePolicy`, replace, 'UpdateReplacePolicy');
  if (deletion !== 'Retain' && deletion !== 'RetainExceptOnCreate') {
    return fail(`the ${what} has DeletionPolicy ${deletion ?? 'absent (Delete)'}: deleting the stack deletes it`, 'DeletionPolicy');
  }
  if (replace !== 'Retain') {
    return fail(`the ${what} has UpdateReplacePolicy ${replace ?? 'absent (Delete)'}: a replacing update deletes the old one`, 'UpdateReplacePolicy');
  }
  return pass(`the ${what} is retained on stack deletion and replacement (DeletionPolicy ${deletion}, UpdateReplacePolicy Retain)`);
}
