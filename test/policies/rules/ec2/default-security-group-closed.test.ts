import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/default-security-group-closed';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const restrictor = (id: unknown) => ({ Type: 'Custom::VpcRestrictDefaultSG', Properties: { ServiceToken: 'arn', DefaultSecurityGroupId: id } });

describe('EC2.DefaultSecurityGroupClosed', () => {
  test('Compliant: L2 VPC with restrictDefaultSecurityGroup', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { restrictDefaultSecurityGroup: true, natGateways: 0 });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 VPC with restrictDefaultSecurityGroup false', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { restrictDefaultSecurityGroup: false, natGateways: 0 });
    expectFail(rule, stack, /no Custom::VpcRestrictDefaultSG/);
  });

  test('Compliant: raw L1 VPC with its own restricting custom resource', () => {
    const { stack } = testStack();
    const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new CfnResource(stack, 'Restrict', { type: 'Custom::VpcRestrictDefaultSG', properties: { ServiceToken: 'arn', DefaultSecurityGroupId: vpc.attrDefaultSecurityGroup } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 VPC whose restrictor empties another VPC\'s default group', () => {
    const { stack } = testStack();
    new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const other = new ec2.CfnVPC(stack, 'Other', { cidrBlock: '10.1.0.0/16' });
    new CfnResource(stack, 'Restrict', { type: 'Custom::VpcRestrictDefaultSG', properties: { ServiceToken: 'arn', DefaultSecurityGroupId: other.attrDefaultSecurityGroup } });
    expectFail(rule, stack, /no Custom::VpcRestrictDefaultSG/);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } }, R: restrictor({ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }) }));
  });

  test('Non-compliant 3: hand-written template whose restrictor names a literal group id', () => {
    expectFail(rule, template({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } }, R: restrictor('sg-12345678') }));
  });

  test('Non-compliant 4: fails closed when the restrictor\'s group cannot be resolved', () => {
    const t = template({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } }, R: restrictor(unknownIf({ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }, 'sg-1')) });
    expectFail(rule, t, /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net');
    expectPass(rule, stack);
  });
});
