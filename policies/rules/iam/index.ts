import { Rule } from '../../../lib/engine';
import accountPasswordPolicy from './account-password-policy';
import administratorAccessRequiresMfa from './administrator-access-requires-mfa';
import cloudShellFullAccessRestricted from './cloud-shell-full-access-restricted';
import groupMfaEnforced from './group-mfa-enforced';
import mfaSessionLimits from './mfa-session-limits';
import noAccessKeys from './no-access-keys';
import noAdminPolicy from './no-admin-policy';
import noInlinePolicies from './no-inline-policies';
import noUserPolicies from './no-user-policies';
import noWildcardServiceActions from './no-wildcard-service-actions';
import passwordPolicyMaxAge from './password-policy-max-age';
import passwordPolicyRetained from './password-policy-retained';
import passwordPolicyStrength from './password-policy-strength';
import roleTrustRequiresMfa from './role-trust-requires-mfa';
import userInGroup from './user-in-group';

export const IAM_RULES: readonly Rule[] = [
  accountPasswordPolicy,
  administratorAccessRequiresMfa,
  cloudShellFullAccessRestricted,
  groupMfaEnforced,
  mfaSessionLimits,
  noAccessKeys,
  noAdminPolicy,
  noInlinePolicies,
  noUserPolicies,
  noWildcardServiceActions,
  passwordPolicyMaxAge,
  passwordPolicyRetained,
  passwordPolicyStrength,
  roleTrustRequiresMfa,
  userInGroup,
];
