import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ec2/flow-log-destination-encrypted';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const toGroup = (group: unknown) => ({
  Type: 'AWS::EC2::FlowLog',
  Properties: { ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL', LogGroupName: group, DeliverLogsPermissionArn: 'arn' },
});

describe('EC2.FlowLogDestinationEncrypted', () => {
  test('Compliant: L2 flow log to a KMS-encrypted log group, and one to S3', () => {
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const group = new logs.LogGroup(stack, 'Group', { encryptionKey: new kms.Key(stack, 'Key') });
    vpc.addFlowLog('Cwl', { destination: ec2.FlowLogDestination.toCloudWatchLogs(group) });
    vpc.addFlowLog('S3', { destination: ec2.FlowLogDestination.toS3(new s3.Bucket(stack, 'Bucket')) });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 flow log to the log group the CDK creates (no key)', () => {
    const { stack } = testStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0, flowLogs: { all: {} } });
    expectFail(rule, stack, /has no KMS key/);
  });

  test('Compliant: raw L1 flow log naming an encrypted log group by name', () => {
    const { stack } = testStack();
    new logs.CfnLogGroup(stack, 'Group', { logGroupName: 'flow', kmsKeyId: 'arn:aws-cn:kms:cn-north-1:111122223333:key/abc' });
    new ec2.CfnFlowLog(stack, 'Log', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logGroupName: 'flow', deliverLogsPermissionArn: 'arn' });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: raw L1 flow log to a log group outside the templates (fails closed)', () => {
    const { stack } = testStack();
    new ec2.CfnFlowLog(stack, 'Log', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logGroupName: 'elsewhere', deliverLogsPermissionArn: 'arn' });
    expectFail(rule, stack, /could not resolve.*not defined in the templates/);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, template({
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      Group: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      Log: toGroup({ Ref: 'Group' }),
    }));
  });

  test('Non-compliant 3: hand-written template whose log group key was removed with AWS::NoValue', () => {
    expectFail(rule, template({
      Group: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { Ref: 'AWS::NoValue' } } },
      Log: toGroup({ Ref: 'Group' }),
    }), /has no KMS key/);
  });

  test('Non-compliant 4: fails closed when the log group key cannot be resolved', () => {
    expectFail(rule, template({
      Group: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: unknownIf('arn:key', { Ref: 'AWS::NoValue' }) } },
      Log: toGroup({ Ref: 'Group' }),
    }), /could not resolve/);
  });

  test('Compliant: SegmentedVpc with default props and with the S3 archive', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Net', { flowLogsToS3: true });
    expectPass(rule, stack);
  });
});
