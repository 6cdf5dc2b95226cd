import * as iam from 'aws-cdk-lib/aws-iam';
import { SupportRole } from '../../../../constructs/identity/support-role';
import rule from '../../../../policies/rules/account/support-role';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, idsOfType, withUnknownCondition } from './baseline-fixture';

const supportArn = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSSupportAccess' };
const handWritten = (principal: unknown, arns: unknown = [supportArn]) => ({
  Resources: {
    Support: {
      Type: 'AWS::IAM::Role',
      Properties: { ManagedPolicyArns: arns, AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] } },
    },
  },
});

function supportRoleId(template: Record<string, any>): string {
  return idsOfType(template, 'AWS::IAM::Role').find((id) => JSON.stringify(template.Resources[id].Properties.ManagedPolicyArns ?? []).includes('AWSSupportAccess'))!;
}

describe('Account.SupportRole', () => {
  test('Compliant: the account baseline built from our constructs (SupportRole)', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.message).toMatch(/has AWSSupportAccess and can be assumed by people/);
  });

  test('Compliant: L2 role with the managed policy', () => {
    const { stack } = testStack();
    new iam.Role(stack, 'Support', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSSupportAccess')] });
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 CfnRole trusted by a SAML provider', () => {
    const { stack } = testStack();
    new iam.CfnRole(stack, 'Support', {
      assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: 'arn:aws-example:iam::111122223333:saml-provider/idp' } }] },
      managedPolicyArns: [`arn:${stack.partition}:iam::aws:policy/AWSSupportAccess`],
    });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }));
  });

  test('Non-compliant 1: the support role removed from the baseline fails against the stack', () => {
    const template = baselineTemplate();
    delete template.Resources[supportRoleId(template)];
    const [failure] = expectFail(rule, template, /no IAM role has the AWS managed policy AWSSupportAccess/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('fixture-0');
  });

  test('Non-compliant 2: the support role trusted only by a service fails naming it', () => {
    const template = baselineTemplate();
    const id = supportRoleId(template);
    template.Resources[id].Properties.AssumeRolePolicyDocument.Statement[0].Principal = { Service: 'lambda.amazonaws.com' };
    const [failure] = expectFail(rule, template, /trusts only services/);
    expect(failure.logicalId).toBe(id);
  });

  test('Non-compliant 3: escape hatch that swaps the construct\'s policy is caught; L2 role with another policy fails', () => {
    const { stack } = testStack();
    const support = new SupportRole(stack, 'Support', { trustedAccounts: ['111122223333'] });
    (support.role.node.defaultChild as iam.CfnRole).addPropertyOverride('ManagedPolicyArns', ['arn:aws-example:iam::aws:policy/ReadOnlyAccess']);
    expectFail(rule, stack, /no IAM role has/);
    const other = testStack().stack;
    new iam.Role(other, 'Role', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expectFail(rule, other, /no IAM role has/);
  });

  test('Non-compliant 4: fails closed when the managed policies are unresolvable', () => {
    const template = withUnknownCondition(handWritten({ AWS: '111122223333' }, { 'Fn::If': ['Unknown', [supportArn], []] }));
    expectFail(rule, template, /could not resolve the managed policies of role Support/);
  });
});
