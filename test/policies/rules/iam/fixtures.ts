// Fixtures for the password policy rules: the custom resource as AccountPasswordPolicy writes it.
import { CfnResource, CustomResource, Stack } from 'aws-cdk-lib';

/** The properties AccountPasswordPolicy sets by default. */
export const STRONG = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 24,
  HardExpiry: false,
  RetainOnDelete: true,
};

/** An aws-cdk-lib CustomResource (the L2) of the password policy type. */
export function l2Policy(stack: Stack, properties: Record<string, unknown>): CustomResource {
  return new CustomResource(stack, 'Policy', { serviceToken: 'arn:aws-cn:lambda:cn-north-1:111122223333:function:x', resourceType: 'Custom::AccountPasswordPolicy', properties });
}

/** A raw CfnResource (the L1) of the password policy type. */
export function l1Policy(stack: Stack, properties: Record<string, unknown>): CfnResource {
  return new CfnResource(stack, 'Policy', { type: 'Custom::AccountPasswordPolicy', properties: { ServiceToken: 'arn:x', ...properties } });
}

/** The resource as a hand-written template holds it. */
export function jsonPolicy(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'Custom::AccountPasswordPolicy', Properties: { ServiceToken: 'arn:x', ...properties }, ...extra };
}

/** The properties without one key. */
export function without(properties: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => k !== key));
}
