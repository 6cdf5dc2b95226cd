import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import rule from '../../../../policies/rules/efs/encrypted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

describe('EFS.Encrypted', () => {
  const l2 = (encrypted: boolean) => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'fs', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    new efs.FileSystem(stack, 'Fs', { vpc, encrypted });
    return stack;
  };
  test('Compliant: L2 file system (encrypted)', () => {
    expectPass(rule, l2(true));
  });
  test('Compliant: hand-written template', () => {
    expectPass(rule, { Resources: { Fs: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } } } });
  });
  test('Non-compliant 1: L2 encrypted false', () => {
    expectFail(rule, l2(false), /not encrypted/);
  });
  test('Non-compliant 2: raw L1 without Encrypted', () => {
    const { stack } = testStack();
    new efs.CfnFileSystem(stack, 'Fs');
    expectFail(rule, stack, /not encrypted/);
  });
  test('Non-compliant 3: fails closed on an unknown condition', () => {
    expectFail(rule, {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: { Fs: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: { 'Fn::If': ['IsProd', true, false] } } } },
    }, /could not resolve/);
  });
});
