// Part of ThreatDetection, split by service (issue 8): Inspector's resource types, and the function
// that enables Inspector through a custom resource in ThreatDetection's scope. The public enum stays
// exported from ./threat-detection under the same name; the function is internal.
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeDeployTimeFunction } from '../../lib/deploy-time-function';
import { handlerCode } from '../../lib/handler-assets';
import { SecureLogGroup } from '../data/secure-log-group';
import { acknowledgeExternal, EXTERNAL_FINDINGS } from '../private/external-checks';
import { serviceLinkedRoleArn } from '../private/service-linked-role';

/** Resource types Amazon Inspector scans. */
export enum InspectorResourceType {
  /** EC2 instances (package vulnerabilities and network reachability). */
  EC2 = 'EC2',
  /** Container images in ECR. */
  ECR = 'ECR',
  /** Lambda function packages. */
  LAMBDA = 'LAMBDA',
  /** Lambda function code. */
  LAMBDA_CODE = 'LAMBDA_CODE',
}

/** What `enableInspector` needs: ThreatDetection's Inspector props, under the same names. */
export interface InspectorOptions {
  readonly inspectorResourceTypes?: InspectorResourceType[];
  /** Prefix of the handler log key's data class. */
  readonly dataClassPrefix?: string;
}

/**
 * Defines, under `<scope>/Inspector`, the least-privilege handler (its role, policy and encrypted log
 * group) and the custom resource `Enablement` that turns Inspector scanning on for the given resource
 * types (all by default).
 */
export function enableInspector(scope: Construct, options: InspectorOptions): { handler: lambda.Function; enablement: CustomResource } {
  const stack = Stack.of(scope);
  const resourceTypes = options.inspectorResourceTypes ?? Object.values(InspectorResourceType);
  const inspector = new Construct(scope, 'Inspector');
  const logs = new SecureLogGroup(inspector, 'Logs', { dataClass: `${options.dataClassPrefix ?? ''}inspector-enablement-logs` });
  const role = new iam.Role(inspector, 'HandlerRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Enables Amazon Inspector for this account (cdk-security-baseline)',
  });
  const policy = new iam.ManagedPolicy(inspector, 'HandlerPolicy', {
    description: 'Lets the Inspector enablement handler turn Inspector on and write its own logs (cdk-security-baseline)',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'InspectorAccountStatus',
        actions: ['inspector2:Enable', 'inspector2:Disable', 'inspector2:BatchGetAccountStatus'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'InspectorServiceLinkedRoles',
        actions: ['iam:CreateServiceLinkedRole'],
        resources: [
          serviceLinkedRoleArn(scope, 'inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2'),
          serviceLinkedRoleArn(scope, 'agentless.inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2Agentless'),
        ],
        conditions: { StringEquals: { 'iam:AWSServiceName': ['inspector2.amazonaws.com', 'agentless.inspector2.amazonaws.com'] } },
      }),
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logs.logGroup.logGroupArn],
      }),
    ],
  });
  acknowledgeExternal(policy, EXTERNAL_FINDINGS.IAM_WILDCARD,
    'inspector2:Enable, Disable and BatchGetAccountStatus act on the account and support no resource-level permissions, so the resource must be *; the role has no other wildcard.',
    'Resource::*');

  const handler = new lambda.Function(inspector, 'Handler', {
    description: 'Enables Amazon Inspector scanning for this account (cdk-security-baseline custom resource)',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    handler: 'index.handler',
    code: handlerCode('inspector-enable'),
    role,
    timeout: Duration.minutes(5),
    memorySize: 256,
    // No reserved concurrency: Lambda keeps 10 unreserved, so any reservation fails in a new account
    // whose quota is still 10 (the HIPAA/NIST LambdaConcurrency findings are acknowledged below).
    logGroup: logs.logGroup,
  });
  handler.node.addDependency(policy);
  acknowledgeDeployTimeFunction(handler, {
    outsideVpc:
      'The handler only calls the regional Inspector API and the CloudFormation response URL over TLS; it holds no data and reaches no private resource, so a VPC would add NAT or endpoints without reducing exposure.',
  });

  const enablement = new CustomResource(inspector, 'Enablement', {
    serviceToken: handler.functionArn,
    resourceType: 'Custom::InspectorEnablement',
    serviceTimeout: Duration.minutes(6),
    properties: { AccountId: stack.account, ResourceTypes: [...resourceTypes] },
  });
  return { handler, enablement };
}
