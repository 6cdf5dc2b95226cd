import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import autoMinor from '../../../../policies/rules/rds/auto-minor-version-upgrade';
import notPublic from '../../../../policies/rules/rds/not-public';
import storageEncrypted from '../../../../policies/rules/rds/storage-encrypted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';

const unknown = (value: Record<string, unknown>) => ({
  Parameters: { Env: { Type: 'String' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: value } },
});
const l2 = (props: Partial<rds.DatabaseInstanceProps>) => {
  const { stack } = testStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, ...props,
  });
  return stack;
};

describe('RDS.StorageEncrypted', () => {
  test('Compliant: L2 instance with storageEncrypted', () => {
    expectPass(storageEncrypted, l2({ storageEncrypted: true }));
  });
  test('Compliant: raw L1 cluster', () => {
    const { stack } = testStack();
    new rds.CfnDBCluster(stack, 'Cluster', { engine: 'aurora-postgresql', storageEncrypted: true });
    expectPass(storageEncrypted, stack);
  });
  test('Compliant: hand-written template', () => {
    expectPass(storageEncrypted, { Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { StorageEncrypted: 'true' } } } });
  });
  test('Non-compliant 1: L2 instance without encryption', () => {
    expectFail(storageEncrypted, l2({ storageEncrypted: false }), /not encrypted/);
  });
  test('Non-compliant 2: raw L1 instance, encryption absent', () => {
    const { stack } = testStack();
    new rds.CfnDBInstance(stack, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro' });
    expectFail(storageEncrypted, stack, /not encrypted/);
  });
  test('Non-compliant 3: escape hatch turns encryption off', () => {
    const stack = l2({ storageEncrypted: true });
    (stack.node.findChild('Db').node.defaultChild as rds.CfnDBInstance).addPropertyOverride('StorageEncrypted', false);
    expectFail(storageEncrypted, stack);
  });
  test('Non-compliant 4: fails closed on an unknown condition', () => {
    expectFail(storageEncrypted, unknown({ StorageEncrypted: { 'Fn::If': ['IsProd', true, false] } }), /could not resolve/);
  });
  test('Not applicable: an Aurora instance (its cluster is judged)', () => {
    const results = expectPass(storageEncrypted, { Resources: { C: { Type: 'AWS::RDS::DBCluster', Properties: { StorageEncrypted: true } }, I: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'C' } } } } });
    expect(results.find((r) => r.logicalId === 'I')?.status).toBe('not-applicable');
  });
});

describe('RDS.AutoMinorVersionUpgrade', () => {
  test('Compliant: L2 default', () => {
    expectPass(autoMinor, l2({ storageEncrypted: true }));
  });
  test('Compliant: hand-written template without the property (CloudFormation default true)', () => {
    expectPass(autoMinor, { Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: {} } } });
  });
  test('Non-compliant 1: L2 autoMinorVersionUpgrade false', () => {
    expectFail(autoMinor, l2({ autoMinorVersionUpgrade: false }), /security patches/);
  });
  test('Non-compliant 2: raw L1 false', () => {
    const { stack } = testStack();
    new rds.CfnDBInstance(stack, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro', autoMinorVersionUpgrade: false });
    expectFail(autoMinor, stack);
  });
  test('Non-compliant 3: fails closed on an unknown condition', () => {
    expectFail(autoMinor, unknown({ AutoMinorVersionUpgrade: { 'Fn::If': ['IsProd', true, false] } }), /could not resolve/);
  });
});

describe('RDS.NotPublic', () => {
  test('Compliant: L2 instance in isolated subnets (subnet group named)', () => {
    expectPass(notPublic, l2({ storageEncrypted: true }));
  });
  test('Compliant: hand-written template with PubliclyAccessible false', () => {
    expectPass(notPublic, { Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { PubliclyAccessible: false } } } });
  });
  test('Non-compliant 1: L2 publiclyAccessible true', () => {
    expectFail(notPublic, l2({ publiclyAccessible: true }), /public endpoint/);
  });
  test('Non-compliant 2: raw L1 with neither the property nor a subnet group', () => {
    const { stack } = testStack();
    new rds.CfnDBInstance(stack, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro' });
    expectFail(notPublic, stack, /default VPC/);
  });
  test('Non-compliant 3: fails closed on an unknown condition', () => {
    expectFail(notPublic, unknown({ PubliclyAccessible: { 'Fn::If': ['IsProd', false, true] } }), /could not resolve/);
  });
  test('is non-waivable', () => expect(notPublic.nonWaivable).toBe(true));
});
