// A large app for the benchmarks: STACKS stacks of about RESOURCES_PER_STACK resources each, a realistic
// mix of storage, keys, logs, networking, IAM and messaging, some secure and some not.
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

export const STACKS = 50;
/** Each "unit" below defines 10 resources; 21 units and a VPC make a 211-resource stack (10,550 in all). */
const UNITS_PER_STACK = 21;

function unit(stack: Stack, i: number, vpc: ec2.CfnVPC): void {
  const key = new kms.Key(stack, `Key${i}`, { enableKeyRotation: i % 3 !== 0, removalPolicy: RemovalPolicy.RETAIN }); // key + (policy inline)
  new kms.Alias(stack, `Alias${i}`, { aliasName: `alias/bench-${stack.stackName.toLowerCase()}-${i}`, targetKey: key }); // alias
  new s3.Bucket(stack, `Bucket${i}`, { encryptionKey: i % 2 === 0 ? key : undefined, enforceSSL: i % 4 !== 0, versioned: true }); // bucket + policy
  new logs.LogGroup(stack, `Logs${i}`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: i % 2 === 0 ? key : undefined });
  new sns.Topic(stack, `Topic${i}`, { masterKey: key });
  new sqs.Queue(stack, `Queue${i}`, { encryption: sqs.QueueEncryption.KMS_MANAGED, visibilityTimeout: Duration.seconds(30) });
  new ec2.CfnSecurityGroup(stack, `Sg${i}`, {
    groupDescription: `bench ${i}`,
    vpcId: vpc.ref,
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: i % 5 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }],
  });
  const role = new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }); // role
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })); // policy
}

/** The benchmark app (no plugins registered). */
export function bigApp(outdir: string): App {
  const app = new App({ outdir, context: { '@aws-cdk/core:validationReportJson': true } });
  for (let s = 0; s < STACKS; s++) {
    const stack = new Stack(app, `Bench${String(s).padStart(2, '0')}`, { env: { account: '111122223333', region: 'eu-west-1' } });
    const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    for (let i = 0; i < UNITS_PER_STACK; i++) unit(stack, i, vpc);
  }
  return app;
}
