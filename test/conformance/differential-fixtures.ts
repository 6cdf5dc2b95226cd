// Insecure raw L1 resources, one weakness each, for the differential test against cdk-nag and cfn-guard.
import { Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';

/** A stack of insecure L1 resources: what a user's hand-rolled account might hold. */
export function insecureResources(stack: Stack): void {
  new s3.CfnBucket(stack, 'PlainBucket');
  new kms.CfnKey(stack, 'PlainKey', { keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] } });
  new logs.CfnLogGroup(stack, 'PlainLogGroup');
  new sns.CfnTopic(stack, 'PlainTopic');
  const vpc = new ec2.CfnVPC(stack, 'PlainVpc', { cidrBlock: '10.9.0.0/16' });
  const subnet = new ec2.CfnSubnet(stack, 'PlainSubnet', { vpcId: vpc.ref, cidrBlock: '10.9.0.0/24', mapPublicIpOnLaunch: true });
  const sg = new ec2.CfnSecurityGroup(stack, 'OpenSsh', {
    groupDescription: 'open', vpcId: vpc.ref,
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }, { ipProtocol: '-1', cidrIp: '0.0.0.0/0' }],
  });
  const acl = new ec2.CfnNetworkAcl(stack, 'PlainAcl', { vpcId: vpc.ref });
  new ec2.CfnNetworkAclEntry(stack, 'OpenRdp', { networkAclId: acl.ref, ruleNumber: 10, protocol: 6, ruleAction: 'allow', cidrBlock: '0.0.0.0/0', portRange: { from: 3389, to: 3389 } });
  new ec2.CfnInstance(stack, 'PlainInstance', {
    imageId: 'ami-12345678', instanceType: 't3.micro', subnetId: subnet.ref, securityGroupIds: [sg.attrGroupId],
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, encrypted: false } }],
  });
  new ec2.CfnVolume(stack, 'PlainVolume', { availabilityZone: 'eu-west-1a', size: 10 });
  new iam.CfnRole(stack, 'AdminRole', {
    assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] },
    policies: [{ policyName: 'admin', policyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
  });
  new iam.CfnUser(stack, 'PlainUser', { policies: [{ policyName: 'inline', policyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] });
  const fnRole = new iam.CfnRole(stack, 'FnRole', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } });
  const fn = new lambda.CfnFunction(stack, 'PlainFunction', { runtime: 'nodejs16.x', handler: 'index.handler', role: fnRole.attrArn, code: { zipFile: 'exports.handler=async()=>1' } });
  new lambda.CfnPermission(stack, 'PublicInvoke', { action: 'lambda:InvokeFunction', functionName: fn.ref, principal: '*' });
  new cloudtrail.CfnTrail(stack, 'PlainTrail', { isLogging: true, s3BucketName: 'some-bucket' });
  new backup.CfnBackupVault(stack, 'PlainVault', { backupVaultName: 'plain' });
  new backup.CfnBackupPlan(stack, 'PlainPlan', { backupPlan: { backupPlanName: 'plain', backupPlanRule: [{ ruleName: 'daily', targetBackupVault: 'plain', lifecycle: { deleteAfterDays: 1 } }] } });
}
