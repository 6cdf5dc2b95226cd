import * as iam from 'aws-cdk-lib/aws-iam';
import { ACTIONS_ALLOWED_WITHOUT_MFA, MfaEnforcedGroup } from '../../../../constructs/identity/mfa-enforced-group';
import rule from '../../../../policies/rules/iam/group-mfa-enforced';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from '../ec2/fixtures';

const deny = (extra: Record<string, unknown> = {}) => ({
  Sid: 'BlockMostAccessUnlessSignedInWithMFA', Effect: 'Deny', NotAction: ACTIONS_ALLOWED_WITHOUT_MFA, Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, ...extra,
});

describe('IAM.GroupMfaEnforced', () => {
  test('Compliant: L2 group with a customer managed MFA policy', () => {
    const { stack } = testStack();
    const policy = new iam.ManagedPolicy(stack, 'Mfa', { document: iam.PolicyDocument.fromJson({ Version: '2012-10-17', Statement: [deny()] }) });
    new iam.Group(stack, 'Group', { managedPolicies: [policy] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 group without any MFA policy', () => {
    const { stack } = testStack();
    new iam.Group(stack, 'Group', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectFail(rule, stack, /no policy of the group denies/);
  });

  test('Compliant: L1 group with an AWS::IAM::Policy that names it', () => {
    const { stack } = testStack();
    const group = new iam.CfnGroup(stack, 'Group', {});
    new iam.CfnPolicy(stack, 'Policy', { policyName: 'mfa', groups: [group.ref], policyDocument: { Statement: [deny({ NotAction: undefined, Action: '*' })] } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 group whose inline MFA deny was weakened to Bool', () => {
    const { stack } = testStack();
    new iam.CfnGroup(stack, 'Group', {
      policies: [{ policyName: 'mfa', policyDocument: { Statement: [deny({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })] } }],
    });
    expectFail(rule, stack, /use BoolIfExists/);
  });

  test('Compliant: hand-written group with inline policy', () => {
    expectPass(rule, template({ G: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'mfa', PolicyDocument: { Statement: [deny()] } }] } } }));
  });

  test('Non-compliant 3: hand-written group whose exemptions were widened to s3:*', () => {
    const t = template({ G: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'mfa', PolicyDocument: { Statement: [deny({ NotAction: [...ACTIONS_ALLOWED_WITHOUT_MFA, 's3:*'] })] } }] } } });
    expectFail(rule, t, /also exempts s3:\*/);
  });

  test('Non-compliant 4: fails closed when the policy cannot be resolved', () => {
    const t = template({ G: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'mfa', PolicyDocument: unknownIf({ Statement: [deny()] }, {}) }] } } });
    expectFail(rule, t, /could not resolve/);
  });

  test('Compliant: MfaEnforcedGroup with default props and with extra managed policies', () => {
    const { stack } = testStack();
    new MfaEnforcedGroup(stack, 'Humans');
    new MfaEnforcedGroup(stack, 'Readers', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 5: an escape hatch that drops the MFA condition of MfaEnforcedGroup is caught', () => {
    const { stack } = testStack();
    const g = new MfaEnforcedGroup(stack, 'Humans');
    const statements = stack.resolve(g.mfaPolicy.document.toJSON()).Statement as Array<{ Sid?: string }>;
    const index = statements.findIndex((st) => st.Sid === 'BlockMostAccessUnlessSignedInWithMFA');
    const cfn = g.mfaPolicy.node.defaultChild as iam.CfnManagedPolicy;
    cfn.addPropertyDeletionOverride(`PolicyDocument.Statement.${index}.Condition.BoolIfExists`);
    cfn.addPropertyOverride(`PolicyDocument.Statement.${index}.Condition.Bool`, { 'aws:MultiFactorAuthPresent': 'false' });
    expectFail(rule, stack, /use BoolIfExists/);
  });
});
