// Whether CloudFormation keeps a resource when the stack is deleted or the resource replaced.
import { Outcome, Resource, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { removalPolicies } from './refs';

const KEEPS_ON_DELETE = ['Retain', 'RetainExceptOnCreate'];

/**
 * Pass when `DeletionPolicy` is `Retain` (or `RetainExceptOnCreate`) and `UpdateReplacePolicy` is
 * `Retain`; CloudFormation's default for both is `Delete`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export function retainedOutcome(resource: Resource, what: string): Outcome {
  const { deletion, updateReplace } = removalPolicies(resource);
  if (isUnresolved(deletion)) return unresolved(`the ${what}'s DeletionPolicy`, deletion, 'DeletionPolicy');
  if (isUnresolved(updateReplace)) return unresolved(`the ${what}'s UpdateReplacePolicy`, updateReplace, 'UpdateReplacePolicy');
  if (typeof deletion !== 'string' || !KEEPS_ON_DELETE.includes(deletion)) {
    return fail(`the ${what} is deleted with its stack (DeletionPolicy ${deletion ?? 'absent, so Delete'}); set DeletionPolicy Retain`, 'DeletionPolicy');
  }
  if (updateReplace !== 'Retain') {
    return fail(`the ${what} is deleted when CloudFormation replaces it (UpdateReplacePolicy ${updateReplace ?? 'absent, so Delete'}); set UpdateReplacePolicy Retain`, 'UpdateReplacePolicy');
  }
  return pass(`the ${what} is retained on stack deletion and replacement (DeletionPolicy ${deletion}, UpdateReplacePolicy Retain)`);
}
