export * from './access-analyzer';
export * from './account-password-policy';
export * from './identity-baseline';
export * from './mfa-enforced-group';
export * from './mfa-role';
export * from './support-role';
