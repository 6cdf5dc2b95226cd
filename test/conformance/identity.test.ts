import { Stack } from 'aws-cdk-lib';
import { AccessAnalyzer } from '../../constructs/identity/access-analyzer';
import { AccountPasswordPolicy } from '../../constructs/identity/account-password-policy';
import { IdentityBaseline } from '../../constructs/identity/identity-baseline';
import { MfaEnforcedGroup } from '../../constructs/identity/mfa-enforced-group';
import { MfaRole } from '../../constructs/identity/mfa-role';
import { SupportRole } from '../../constructs/identity/support-role';
import { ConformanceResult, describeFindings, EXPECTED_PLUGINS, runConformance, weakAcknowledgments } from '../util/conformance';

// Every identity construct with default props, checked against cdk-nag's four packs and the cfn-guard
// Control Tower rules.
const CASES = {
  MfaEnforcedGroupDefaults: (stack: Stack) => {
    new MfaEnforcedGroup(stack, 'Group');
  },
  MfaRoleDefaults: (stack: Stack) => {
    new MfaRole(stack, 'Role');
  },
  AccessAnalyzerDefaults: (stack: Stack) => {
    new AccessAnalyzer(stack, 'Analyzer');
  },
  SupportRoleDefaults: (stack: Stack) => {
    new SupportRole(stack, 'Support');
  },
};
// An account has one password policy (and its log key alias), so each construct that defines one is
// checked in its own synth.
const PASSWORD_POLICY_CASES = {
  AccountPasswordPolicyDefaults: (stack: Stack) => {
    new AccountPasswordPolicy(stack, 'PasswordPolicy');
  },
};
const BASELINE_CASES = {
  IdentityBaselineDefaults: (stack: Stack) => {
    new IdentityBaseline(stack, 'Identity');
  },
};
const runs = [runConformance(CASES), runConformance(PASSWORD_POLICY_CASES), runConformance(BASELINE_CASES)];
const result: Record<string, ConformanceResult> = Object.assign({}, ...runs);
const all = {
  plugins: runs.map((r) => r.all.plugins),
  acknowledged: runs.flatMap((r) => r.all.acknowledged),
};

describe('conformance: identity constructs with defaults', () => {
  test('every pack ran', () => {
    for (const plugins of all.plugins) expect(plugins).toEqual(expect.arrayContaining(EXPECTED_PLUGINS));
  });
  test.each([...Object.keys(CASES), ...Object.keys(PASSWORD_POLICY_CASES), ...Object.keys(BASELINE_CASES)])('%s has zero unacknowledged findings', (name) => {
    expect(describeFindings(result[name].violations)).toEqual([]);
  });
  test('acknowledges exactly the documented exceptions (docs/readme/30-identity.md)', () => {
    const ids = [...new Set(all.acknowledged.map((f) => f.acknowledgedId))].sort();
    expect(ids).toEqual([
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSSupportAccess]',
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess]',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'HIPAA.Security::HIPAA.Security-IAMGroupHasUsers',
      'HIPAA.Security::HIPAA.Security-LambdaConcurrency',
      'HIPAA.Security::HIPAA.Security-LambdaDLQ',
      'HIPAA.Security::HIPAA.Security-LambdaInsideVPC',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaConcurrency',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC',
      'PCI.DSS.321::PCI.DSS.321-IAMGroupHasUsers',
      'PCI.DSS.321::PCI.DSS.321-LambdaInsideVPC',
      'cdk-validator-cfnguard::lambda_inside_vpc_check',
    ]);
  });
  test('the Lambda findings (VPC, DLQ, reserved concurrency) are acknowledged on the password policy function only', () => {
    const lambdaAcks = all.acknowledged.filter((f) => /Lambda(InsideVPC|DLQ|Concurrency)|lambda_inside_vpc_check/.test(f.acknowledgedId ?? ''));
    expect(lambdaAcks.filter((f) => /LambdaConcurrency/.test(f.acknowledgedId ?? ''))).toHaveLength(4); // HIPAA + NIST, in two synths
    expect([...new Set(lambdaAcks.map((f) => f.constructPath))].sort()).toEqual([
      'AccountPasswordPolicyDefaults/PasswordPolicy/Handler/Resource',
      'IdentityBaselineDefaults/Identity/PasswordPolicy/Handler/Resource',
    ]);
  });

  test('every acknowledgment is prefixed and carries a real reason', () => {
    expect(describeFindings(weakAcknowledgments(all.acknowledged))).toEqual([]);
  });
  test('no acknowledgment is stale: each one recorded in construct metadata matches a suppressed finding', () => {
    expect(runs.flatMap((r) => r.all.stale)).toEqual([]);
  });
});
