// Shared fixtures for the EC2, IAM and Lambda rule tests.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** A parameter with no default and a condition on it: `Fn::If` on `IsProd` cannot be resolved. */
export const UNKNOWN_CONDITION = {
  Parameters: { Env: { Type: 'String' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
};

/** A value the engine cannot resolve. */
export function unknownIf(whenTrue: unknown, whenFalse: unknown): Record<string, unknown> {
  return { 'Fn::If': ['IsProd', whenTrue, whenFalse] };
}

/** A hand-written template with the unknown condition available. */
export function template(resources: Record<string, unknown>): Record<string, unknown> {
  return { ...UNKNOWN_CONDITION, Resources: resources };
}

/** A small VPC without NAT gateways (faster to synthesize). */
export function smallVpc(scope: Construct, id = 'Vpc'): ec2.Vpc {
  return new ec2.Vpc(scope, id, { maxAzs: 2, natGateways: 1 });
}

/** An L2 instance in the small VPC, with an image id that needs no lookup. */
export function instanceProps(vpc: ec2.IVpc): ec2.InstanceProps {
  return {
    vpc,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
  };
}
