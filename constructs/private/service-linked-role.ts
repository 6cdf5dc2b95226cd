import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * ARN of a service-linked role in the stack's account and partition (IAM is global: no Region).
 * Internal: not exported from the package.
 */
export function serviceLinkedRoleArn(scope: IConstruct, service: string, roleName: string): string {
  return Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `aws-service-role/${service}/${roleName}` });
}
