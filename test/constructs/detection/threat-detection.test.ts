import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  FindingPublishingFrequency,
  GUARDDUTY_FINDING_MESSAGE,
  GuardDutyFeature,
  InspectorResourceType,
  renderFindingMessage,
  SECURITY_HUB_FINDING_MESSAGE,
  SecurityHubSeverity,
  SecurityHubStandard,
  ThreatDetection,
  ThreatDetectionProps,
  valueAtPath,
} from '../../../constructs/detection/threat-detection';
import { testStack } from '../../util/stack';

const GUARDDUTY_EVENT = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'guardduty-finding.json'), 'utf8'));
const SECURITY_HUB_EVENT = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'securityhub-finding.json'), 'utf8'));
const DETECTOR_ID = '3ec9a1e2f3d4c5b6a7980f1e2d3c4b5a';
/** AWS Config's service-linked role in the test account (the partition is a literal once the Region is known). */
const CONFIG_SLR_ARN = 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig';

/** The alert topic SecurityAlerts would provide: a KMS-encrypted topic. */
function alertTopic(stack: Stack): sns.Topic {
  return new sns.Topic(stack, 'Alerts', { masterKey: new kms.Key(stack, 'AlertsKey', { enableKeyRotation: true }) });
}

function build(props: Partial<ThreatDetectionProps> = {}, context: 'recommended' | 'empty' = 'recommended') {
  const { stack } = testStack({ context });
  const td = new ThreatDetection(stack, 'ThreatDetection', { alertTopic: alertTopic(stack), ...props });
  return { stack, td, t: Template.fromStack(stack) };
}

function ruleFor(t: Template, source: string): any {
  const rules = Object.values(t.findResources('AWS::Events::Rule')).filter((r: any) => r.Properties.EventPattern.source[0] === source);
  expect(rules).toHaveLength(1);
  return rules[0];
}

describe('ThreatDetection', () => {
  describe('defaults', () => {
    const { t, td } = build();

    test('a GuardDuty detector with every protection plan as a feature, publishing every 15 minutes, retained', () => {
      // THEN
      t.resourceCountIs('AWS::GuardDuty::Detector', 1);
      t.hasResource('AWS::GuardDuty::Detector', {
        DeletionPolicy: 'Retain',
        Properties: {
          Enable: true,
          FindingPublishingFrequency: 'FIFTEEN_MINUTES',
          DataSources: Match.absent(),
          Features: [
            { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
            { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
            { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
            { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
            { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
            {
              Name: 'RUNTIME_MONITORING',
              Status: 'ENABLED',
              AdditionalConfiguration: [
                { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
                { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' },
                { Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' },
              ],
            },
          ],
        },
      });
      expect(td.detector).toBeDefined();
    });

    test('findings are exported to the KMS-encrypted findings bucket', () => {
      // THEN
      t.resourceCountIs('AWS::GuardDuty::PublishingDestination', 1);
      t.hasResourceProperties('AWS::GuardDuty::PublishingDestination', {
        DetectorId: { Ref: 'ThreatDetectionDetector0E1F32F0' },
        DestinationType: 'S3',
        DestinationProperties: {
          DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('GuardDutyFindingsBucket'), 'Arn'] },
          KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('GuardDutyFindingsKey'), 'Arn'] },
        },
      });
    });

    test('the publishing destination depends on the bucket policy and the key', () => {
      const [destination] = Object.values(t.findResources('AWS::GuardDuty::PublishingDestination')) as any[];
      const policy = Object.keys(t.findResources('AWS::S3::BucketPolicy')).find((id) => id.startsWith('ThreatDetectionGuardDutyFindingsBucketPolicy'));
      expect(policy).toBeDefined();
      expect(destination.DependsOn).toEqual(expect.arrayContaining([policy, expect.stringMatching(/^ThreatDetectionGuardDutyFindingsKey/)]));
    });

    test('the findings bucket admits GuardDuty only for this account and this detector, with this key', () => {
      const detectorArn = { 'Fn::Join': ['', ['arn:aws:guardduty:eu-west-1:111122223333:detector/', { Ref: 'ThreatDetectionDetector0E1F32F0' }]] };
      const scoped = { StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:SourceArn': detectorArn } };
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: Match.stringLikeRegexp('GuardDutyFindingsBucket') },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'AllowGuardDutyGetBucketLocation', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:GetBucketLocation', Condition: scoped }),
            Match.objectLike({ Sid: 'AllowGuardDutyPutFindings', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:PutObject', Condition: scoped }),
            Match.objectLike({ Sid: 'DenyGuardDutyUnencryptedFindings', Effect: 'Deny', Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } }),
            Match.objectLike({
              Sid: 'DenyGuardDutyOtherKeys',
              Effect: 'Deny',
              Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': { 'Fn::GetAtt': [Match.stringLikeRegexp('GuardDutyFindingsKey'), 'Arn'] } } },
            }),
          ]),
        },
      });
    });

    test('the findings key admits GuardDuty only for this account and this detector', () => {
      t.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AllowGuardDutyFindingExport',
              Principal: { Service: 'guardduty.amazonaws.com' },
              Action: 'kms:GenerateDataKey',
              Condition: {
                StringEquals: { 'aws:SourceAccount': '111122223333' },
                ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:aws:guardduty:eu-west-1:111122223333:detector/', { Ref: 'ThreatDetectionDetector0E1F32F0' }]] } },
              },
            }),
          ]),
        },
      });
    });

    test('GuardDuty findings of severity 4.0 and above go to the alert topic as a readable message', () => {
      const rule = ruleFor(t, 'aws.guardduty');
      expect(rule.Properties.EventPattern).toEqual({
        'source': ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        'detail': { severity: [{ numeric: ['>=', 4] }] },
      });
      const [target] = rule.Properties.Targets;
      expect(target.Arn).toEqual({ Ref: 'Alerts91F83244' });
      expect(target.InputTransformer.InputPathsMap).toEqual(Object.fromEntries(GUARDDUTY_FINDING_MESSAGE.fields.map((f) => [f.name, f.path])));
      expect(target.InputTransformer.InputTemplate).toContain('"Open in the console: https://console.aws.amazon.com/guardduty/home?region=<region>#/findings?search=id%3D<findingId>"');
    });

    test('failed Security Hub control findings of severity HIGH and above go to the alert topic', () => {
      const rule = ruleFor(t, 'aws.securityhub');
      expect(rule.Properties.EventPattern).toEqual({
        'source': ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported'],
        'detail': {
          findings: {
            Compliance: { Status: ['FAILED'] },
            Severity: { Label: ['HIGH', 'CRITICAL'] },
            Workflow: { Status: ['NEW'] },
            RecordState: ['ACTIVE'],
          },
        },
      });
      const [target] = rule.Properties.Targets;
      expect(target.InputTransformer.InputPathsMap).toEqual(Object.fromEntries(SECURITY_HUB_FINDING_MESSAGE.fields.map((f) => [f.name, f.path])));
      expect(target.InputTransformer.InputTemplate).toContain('https://console.aws.amazon.com/securityhub/home?region=<region>#/controls/<control>');
    });

    test('the topic policy admits exactly the two alert rules of this account', () => {
      const statement = (rule: string) =>
        Match.objectLike({
          Sid: `AllowThreatDetection${rule}`,
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp(rule), 'Arn'] } } },
        });
      t.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: { Statement: [statement('GuardDutyAlerts'), statement('SecurityHubAlerts')] },
      });
    });

    test('an imported topic is targeted without touching its policy', () => {
      // GIVEN
      const { stack } = testStack();
      const topic = sns.Topic.fromTopicArn(stack, 'Imported', 'arn:aws:sns:eu-west-1:111122223333:security-alerts');
      // WHEN
      new ThreatDetection(stack, 'ThreatDetection', { alertTopic: topic, configRecorder: false });
      // THEN
      const tt = Template.fromStack(stack);
      tt.resourceCountIs('AWS::SNS::TopicPolicy', 0);
      expect(ruleFor(tt, 'aws.guardduty').Properties.Targets[0].Arn).toBe('arn:aws:sns:eu-west-1:111122223333:security-alerts');
    });

    test('Security Hub with consolidated control findings and the four default standards', () => {
      t.resourceCountIs('AWS::SecurityHub::Hub', 1);
      t.hasResource('AWS::SecurityHub::Hub', {
        DeletionPolicy: 'Retain',
        Properties: { EnableDefaultStandards: false, ControlFindingGenerator: 'SECURITY_CONTROL', AutoEnableControls: true },
      });
      t.resourceCountIs('AWS::SecurityHub::Standard', 4);
      const arns = Object.values(t.findResources('AWS::SecurityHub::Standard')).map((s: any) => s.Properties.StandardsArn);
      expect(arns).toEqual(
        [
          'aws-foundational-security-best-practices/v/1.0.0',
          'cis-aws-foundations-benchmark/v/3.0.0',
          'nist-800-53/v/5.0.0',
          'pci-dss/v/4.0.1',
        ].map((p) => `arn:aws:securityhub:eu-west-1::standards/${p}`),
      );
      for (const standard of Object.values(t.findResources('AWS::SecurityHub::Standard')) as any[]) {
        expect(standard.DependsOn).toEqual(['ThreatDetectionSecurityHub0E787610']);
      }
    });

    // Security Hub Config.1 (CIS 3.0 3.3) expects the service-linked role:
    // https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1
    test('an AWS Config recorder for all resource types, global ones included, recording continuously with the service-linked role', () => {
      t.resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
      t.hasResource('AWS::Config::ConfigurationRecorder', {
        DeletionPolicy: 'Retain',
        DependsOn: [Match.stringLikeRegexp('ConfigServiceLinkedRole')],
        Properties: {
          RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
          RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
          RoleARN: CONFIG_SLR_ARN,
        },
      });
    });

    test('defines AWSServiceRoleForConfig as a retained service-linked role, and no customer role for Config', () => {
      t.resourceCountIs('AWS::IAM::ServiceLinkedRole', 1);
      t.hasResource('AWS::IAM::ServiceLinkedRole', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { AWSServiceName: 'config.amazonaws.com' },
      });
      const configRoles = Object.values(t.findResources('AWS::IAM::Role')).filter((r: any) =>
        JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('config.amazonaws.com'),
      );
      expect(configRoles).toEqual([]);
      expect(JSON.stringify(t.toJSON())).not.toContain('AWS_ConfigRole');
    });

    test('Config delivers to its own KMS-encrypted bucket, after the recorder and policies exist', () => {
      t.resourceCountIs('AWS::Config::DeliveryChannel', 1);
      t.hasResource('AWS::Config::DeliveryChannel', {
        Properties: {
          S3BucketName: { Ref: Match.stringLikeRegexp('ConfigHistoryBucket') },
          S3KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ConfigHistoryKey'), 'Arn'] },
        },
        DependsOn: Match.arrayWith([
          Match.stringLikeRegexp('ConfigHistoryBucketPolicy'),
          Match.stringLikeRegexp('ConfigHistoryKey'),
          Match.stringLikeRegexp('ConfigRecorder'),
        ]),
      });
    });

    test('the Config bucket and key admit AWS Config only for this account, and name no role', () => {
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: Match.stringLikeRegexp('ConfigHistoryBucket') },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AWSConfigBucketPermissionsCheck',
              Principal: { Service: 'config.amazonaws.com' },
              Action: ['s3:GetBucketAcl', 's3:ListBucket'],
              Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
            }),
            Match.objectLike({
              Sid: 'AWSConfigBucketDelivery',
              Action: 's3:PutObject',
              Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('ConfigHistoryBucket'), 'Arn'] }, '/AWSLogs/111122223333/Config/*']] },
              Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': '111122223333' } },
            }),
          ]),
        },
      });
      t.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AllowConfigDelivery',
              Principal: { Service: 'config.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
            }),
          ]),
        },
      });
      expect(JSON.stringify(t.toJSON())).not.toContain('AllowConfigRoleDelivery');
    });

    test('exposes the service-linked role ARN the recorder uses', () => {
      const { stack, td } = build();
      expect(stack.resolve(td.configRoleArn)).toEqual(CONFIG_SLR_ARN);
      expect(td.configServiceLinkedRole).toBeDefined();
    });

    test('Inspector is off and no Lambda is defined', () => {
      t.resourceCountIs('AWS::Lambda::Function', 0);
      t.resourceCountIs('Custom::InspectorEnablement', 0);
    });

    test('the two buckets share one access-log bucket', () => {
      // Findings bucket, Config bucket, one access-log bucket.
      t.resourceCountIs('AWS::S3::Bucket', 3);
      expect(td.configBucket?.accessLogsBucket).toBe(td.findingsBucket?.accessLogsBucket);
    });

    test('no warning with defaults', () => {
      const warnings = Annotations.fromStack(td.node.scope as Stack).findWarning('*', Match.stringLikeRegexp('cdk-security-baseline:threatDetection'));
      expect(warnings).toEqual([]);
    });
  });

  test('all props: existing detector, chosen standards and thresholds, Inspector, own access-log bucket', () => {
    // GIVEN
    const { stack } = testStack();
    const logs = new s3.Bucket(stack, 'OrgAccessLogs');
    // WHEN
    const td = new ThreatDetection(stack, 'ThreatDetection', {
      alertTopic: alertTopic(stack),
      guardDuty: true,
      existingDetectorId: DETECTOR_ID,
      exportFindings: true,
      minimumSeverity: 7,
      securityHub: true,
      existingSecurityHub: true,
      securityHubStandards: [SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0, SecurityHubStandard.of('aws-resource-tagging-standard/v/1.0.0', 'Tagging')],
      securityHubMinimumSeverity: SecurityHubSeverity.MEDIUM,
      configRecorder: true,
      existingConfigRecorder: true,
      inspector: true,
      inspectorResourceTypes: [InspectorResourceType.EC2, InspectorResourceType.ECR],
      accessLogsBucket: logs,
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::GuardDuty::Detector', 0);
    t.hasResourceProperties('AWS::GuardDuty::PublishingDestination', { DetectorId: DETECTOR_ID });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowGuardDutyPutFindings',
            Condition: { StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:SourceArn': `arn:aws:guardduty:eu-west-1:111122223333:detector/${DETECTOR_ID}` } },
          }),
        ]),
      },
    });
    expect(ruleFor(t, 'aws.guardduty').Properties.EventPattern.detail).toEqual({ severity: [{ numeric: ['>=', 7] }] });
    t.resourceCountIs('AWS::SecurityHub::Hub', 0);
    t.resourceCountIs('AWS::SecurityHub::Standard', 2);
    t.hasResourceProperties('AWS::SecurityHub::Standard', {
      StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/aws-resource-tagging-standard/v/1.0.0',
    });
    expect(ruleFor(t, 'aws.securityhub').Properties.EventPattern.detail.findings.Severity).toEqual({ Label: ['MEDIUM', 'HIGH', 'CRITICAL'] });
    t.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    t.resourceCountIs('AWS::Config::DeliveryChannel', 0);
    // Only the findings bucket: its access logs go to the given bucket.
    t.resourceCountIs('AWS::S3::Bucket', 2);
    expect(td.findingsBucket?.accessLogsBucket).toBe(logs);
    t.hasResourceProperties('Custom::InspectorEnablement', { AccountId: '111122223333', ResourceTypes: ['EC2', 'ECR'] });
    expect(td.detectorId).toBe(DETECTOR_ID);
  });

  describe('Inspector', () => {
    const { t } = build({ inspector: true });

    test('a Lambda-backed custom resource enables every resource type by default', () => {
      t.resourceCountIs('Custom::InspectorEnablement', 1);
      t.hasResource('Custom::InspectorEnablement', {
        Properties: {
          ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('InspectorHandler'), 'Arn'] },
          ServiceTimeout: '360',
          AccountId: '111122223333',
          ResourceTypes: ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'],
        },
      });
    });

    test('the handler runs on the newest Node runtime, without reserved concurrency (new accounts have none to spare), with an encrypted log group', () => {
      t.resourceCountIs('AWS::Lambda::Function', 1);
      t.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        ReservedConcurrentExecutions: Match.absent(),
        Timeout: 300,
        LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('InspectorLogs') } },
      });
      t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    });

    test('the handler role has only the Inspector actions, the Inspector service-linked roles and its own log group', () => {
      t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        Roles: [{ Ref: Match.stringLikeRegexp('InspectorHandlerRole') }],
        PolicyDocument: {
          Statement: [
            { Sid: 'InspectorAccountStatus', Effect: 'Allow', Action: ['inspector2:BatchGetAccountStatus', 'inspector2:Disable', 'inspector2:Enable'], Resource: '*' },
            {
              Sid: 'InspectorServiceLinkedRoles',
              Effect: 'Allow',
              Action: 'iam:CreateServiceLinkedRole',
              Resource: [
                'arn:aws:iam::111122223333:role/aws-service-role/agentless.inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2Agentless',
                'arn:aws:iam::111122223333:role/aws-service-role/inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2',
              ],
              Condition: { StringEquals: { 'iam:AWSServiceName': ['inspector2.amazonaws.com', 'agentless.inspector2.amazonaws.com'] } },
            },
            { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('InspectorLogs'), 'Arn'] } },
          ],
        },
      });
      // No inline policy and no AWS managed policy on the handler role.
      t.resourceCountIs('AWS::IAM::Policy', 0);
      t.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
        ManagedPolicyArns: Match.absent(),
      });
    });
  });

  describe('finding messages', () => {
    test('every GuardDuty input path exists in a real GuardDuty finding event', () => {
      for (const field of GUARDDUTY_FINDING_MESSAGE.fields) {
        const value = valueAtPath(GUARDDUTY_EVENT, field.path);
        expect([field.path, value === undefined || value === null || value === '']).toEqual([field.path, false]);
      }
    });

    test('every Security Hub input path exists in a real Security Hub finding event', () => {
      for (const field of SECURITY_HUB_FINDING_MESSAGE.fields) {
        const value = valueAtPath(SECURITY_HUB_EVENT, field.path);
        expect([field.path, value === undefined || value === null || value === '']).toEqual([field.path, false]);
      }
    });

    test('every placeholder in a template is a field, and every field is used', () => {
      for (const template of [GUARDDUTY_FINDING_MESSAGE, SECURITY_HUB_FINDING_MESSAGE]) {
        const used = new Set(template.lines.flatMap((l) => [...l.matchAll(/<([A-Za-z0-9_-]+)>/g)].map((m) => m[1])));
        expect([...used].sort()).toEqual(template.fields.map((f) => f.name).sort());
      }
    });

    test('a GuardDuty finding reads as what, how severe, where, which resource and a console link', () => {
      const message = renderFindingMessage(GUARDDUTY_FINDING_MESSAGE, GUARDDUTY_EVENT, 'console.aws.amazon.com');
      expect(message.split('\n')).toEqual([
        'GuardDuty finding, severity 8 (Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10): The EC2 instance i-0a1b2c3d4e5f60718 is querying a domain name that is associated with Bitcoin-related activity.',
        'Finding type: CryptoCurrency:EC2/BitcoinTool.B!DNS',
        'Account: 111122223333, Region: eu-west-1',
        'Resource type: Instance',
        'Last seen: 2026-11-20T08:09:47.000Z',
        'Finding id: b6c9a1e2f3d4c5b6a7980f1e2d3c4b5a',
        'Open in the console: https://console.aws.amazon.com/guardduty/home?region=eu-west-1#/findings?search=id%3Db6c9a1e2f3d4c5b6a7980f1e2d3c4b5a',
      ]);
    });

    test('a Security Hub finding reads as which control failed, on which resource, with a console link', () => {
      const message = renderFindingMessage(SECURITY_HUB_FINDING_MESSAGE, SECURITY_HUB_EVENT, 'console.aws.amazon.com');
      expect(message).toContain('Security Hub finding, severity HIGH: S3 general purpose buckets should block public access');
      expect(message).toContain('Control: S3.8, compliance status: FAILED');
      expect(message).toContain('Resource: AwsS3Bucket arn:aws:s3:::acme-reports-export');
      expect(message).toContain('https://console.aws.amazon.com/securityhub/home?region=eu-west-1#/controls/S3.8');
    });

    test('the sample events match the rules that deliver them', () => {
      // The GuardDuty rule matches severity >= 4 (the fixture is 8); the Security Hub rule matches FAILED/HIGH/NEW/ACTIVE.
      const finding = SECURITY_HUB_EVENT.detail.findings[0];
      expect(GUARDDUTY_EVENT['detail-type']).toBe('GuardDuty Finding');
      expect(GUARDDUTY_EVENT.detail.severity).toBeGreaterThanOrEqual(4);
      expect(SECURITY_HUB_EVENT['detail-type']).toBe('Security Hub Findings - Imported');
      expect([finding.Compliance.Status, finding.Severity.Label, finding.Workflow.Status, finding.RecordState]).toEqual(['FAILED', 'HIGH', 'NEW', 'ACTIVE']);
    });

    test('the console host follows the partition when the Region is unknown at synth', () => {
      // GIVEN an environment-agnostic stack
      const { app } = testStack();
      const stack = new Stack(app, 'Agnostic');
      // WHEN
      new ThreatDetection(stack, 'ThreatDetection', { alertTopic: alertTopic(stack), configRecorder: false, securityHub: false });
      // THEN
      const t = Template.fromStack(stack);
      expect(Object.keys(t.toJSON().Conditions)).toEqual(['ThreatDetectionIsChinaPartitionBBBBFE9E', 'ThreatDetectionIsGovCloudPartitionDA79D7B2']);
      const [target] = ruleFor(t, 'aws.guardduty').Properties.Targets;
      expect(JSON.stringify(target.InputTransformer.InputTemplate)).toContain('console.amazonaws.cn');
    });
  });

  describe('weakening a default warns', () => {
    test.each<[string, Partial<ThreatDetectionProps>]>([
      ['cdk-security-baseline:threatDetection.guardDutyDisabled', { guardDuty: false }],
      ['cdk-security-baseline:threatDetection.guardDutyFeaturesDisabled', { disabledGuardDutyFeatures: [GuardDutyFeature.RUNTIME_MONITORING] }],
      ['cdk-security-baseline:threatDetection.slowFindingPublishing', { findingPublishingFrequency: FindingPublishingFrequency.SIX_HOURS }],
      ['cdk-security-baseline:threatDetection.findingsNotExported', { exportFindings: false }],
      ['cdk-security-baseline:threatDetection.highFindingsNotAlerted', { minimumSeverity: 9 }],
      ['cdk-security-baseline:threatDetection.securityHubDisabled', { securityHub: false }],
      ['cdk-security-baseline:threatDetection.noSecurityHubStandards', { securityHubStandards: [] }],
      ['cdk-security-baseline:threatDetection.highControlFindingsNotAlerted', { securityHubMinimumSeverity: SecurityHubSeverity.CRITICAL }],
      ['cdk-security-baseline:threatDetection.configDisabled', { configRecorder: false }],
    ])('%s', (id, props) => {
      // GIVEN / WHEN
      const { stack } = build(props);
      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/ThreatDetection', Match.stringLikeRegexp(`ack: ${id}`));
    });

    test('a disabled protection plan is DISABLED explicitly, and Runtime Monitoring agents are not managed', () => {
      const { t } = build({ disabledGuardDutyFeatures: [GuardDutyFeature.RUNTIME_MONITORING, GuardDutyFeature.EBS_MALWARE_PROTECTION] });
      t.hasResourceProperties('AWS::GuardDuty::Detector', {
        Features: Match.arrayWith([
          { Name: 'EBS_MALWARE_PROTECTION', Status: 'DISABLED' },
          { Name: 'RUNTIME_MONITORING', Status: 'DISABLED' },
        ]),
      });
    });

    test('switching every service off defines nothing but the warnings', () => {
      const { stack, t } = build({ guardDuty: false, securityHub: false, configRecorder: false });
      expect(Object.keys(t.toJSON().Resources).filter((id) => id.startsWith('ThreatDetection'))).toEqual([]);
      // The warnings: one per service switched off, each with its id, and no other.
      const ids = Annotations.fromStack(stack).findWarning('*', Match.anyValue())
        .map((w) => /ack: (cdk-security-baseline:[\w.]+)/.exec(String(w.entry.data))?.[1]);
      expect(ids.sort()).toEqual([
        'cdk-security-baseline:threatDetection.configDisabled',
        'cdk-security-baseline:threatDetection.guardDutyDisabled',
        'cdk-security-baseline:threatDetection.securityHubDisabled',
      ]);
    });
  });

  describe('validation', () => {
    const fails = (props: Partial<ThreatDetectionProps>) => () => build(props);

    test('fails when dataClassPrefix cannot prefix a KMS alias, naming dataClassPrefix', () => {
      expect(fails({ dataClassPrefix: 'Second ' })).toThrow(/ThreatDetection\.InvalidProps[\s\S]*dataClassPrefix must be 1-25 lowercase letters/);
    });

    test('fails when two in one account and Region would share key aliases, naming dataClassPrefix', () => {
      const { stack } = testStack();
      const topic = alertTopic(stack);
      new ThreatDetection(stack, 'First', { alertTopic: topic });
      expect(() => new ThreatDetection(stack, 'Second', { alertTopic: topic, existingDetectorId: DETECTOR_ID })).toThrow(
        /DataKey\.DuplicateAlias[\s\S]*dataClassPrefix \(not set\) gives KMS alias alias\/baseline\/guardduty-findings, which TestStack\/First\/\S+ already uses.*its own dataClassPrefix/,
      );
    });

    test('fails when minimumSeverity is below GuardDuty\'s range', () => {
      expect(fails({ minimumSeverity: 0.5 })).toThrow(/ThreatDetection.InvalidProps[\s\S]*minimumSeverity must be a GuardDuty severity from 1.0 to 10.0, got 0.5/);
    });

    test('fails when minimumSeverity is above GuardDuty\'s range', () => {
      expect(fails({ minimumSeverity: 11 })).toThrow(/minimumSeverity must be a GuardDuty severity from 1.0 to 10.0, got 11/);
    });

    test('fails when minimumSeverity is not a number', () => {
      expect(fails({ minimumSeverity: NaN })).toThrow(/minimumSeverity must be a GuardDuty severity.*got NaN/);
    });

    test('fails when existingDetectorId is not 32 hex characters', () => {
      expect(fails({ existingDetectorId: 'detector-1234' })).toThrow(/existingDetectorId must be a GuardDuty detector id \(32 lowercase hexadecimal characters\), got "detector-1234"/);
    });

    test('fails when existingDetectorId has upper-case hex', () => {
      expect(fails({ existingDetectorId: DETECTOR_ID.toUpperCase() })).toThrow(/existingDetectorId must be a GuardDuty detector id/);
    });

    test('fails when guardDuty is false but GuardDuty settings are given', () => {
      expect(fails({ guardDuty: false, existingDetectorId: DETECTOR_ID, minimumSeverity: 7 })).toThrow(
        /guardDuty is false, so existingDetectorId, minimumSeverity would have no effect/,
      );
    });

    test('fails when detector settings are given with an existing detector', () => {
      expect(fails({ existingDetectorId: DETECTOR_ID, disabledGuardDutyFeatures: [GuardDutyFeature.S3_DATA_EVENTS] })).toThrow(
        /disabledGuardDutyFeatures configure a detector defined here, but existingDetectorId/,
      );
    });

    test('fails when securityHub is false but Security Hub settings are given', () => {
      expect(fails({ securityHub: false, securityHubStandards: [SecurityHubStandard.PCI_DSS_4_0_1] })).toThrow(
        /securityHub is false, so securityHubStandards would have no effect/,
      );
    });

    test('fails when a standard is listed twice', () => {
      expect(fails({ securityHubStandards: [SecurityHubStandard.NIST_800_53_R5, SecurityHubStandard.NIST_800_53_R5] })).toThrow(
        /securityHubStandards lists a standard more than once, got duplicates \["Nist80053R5"\]/,
      );
    });

    test('fails when a custom standard path or id is malformed', () => {
      expect(fails({ securityHubStandards: [SecurityHubStandard.of('arn:aws:securityhub:::ruleset/cis', 'cis')] })).toThrow(
        /needs the ARN part after 'standards\/'[\s\S]*constructId must be a PascalCase name/,
      );
    });

    test('fails when configRecorder is false but existingConfigRecorder is given', () => {
      expect(fails({ configRecorder: false, existingConfigRecorder: true })).toThrow(/configRecorder is false, so existingConfigRecorder would have no effect/);
    });

    test('fails when inspectorResourceTypes is given without inspector', () => {
      expect(fails({ inspectorResourceTypes: [InspectorResourceType.EC2] })).toThrow(/inspectorResourceTypes has no effect unless inspector is true/);
    });

    test('fails when inspectorResourceTypes is empty or repeats a type', () => {
      expect(fails({ inspector: true, inspectorResourceTypes: [] })).toThrow(/inspectorResourceTypes must list each resource type at most once and at least one, got \[\]/);
      expect(fails({ inspector: true, inspectorResourceTypes: [InspectorResourceType.EC2, InspectorResourceType.EC2] })).toThrow(
        /at most once and at least one, got \["EC2","EC2"\]/,
      );
    });

    test('fails when findingPublishingFrequency is not one of the enum values (a JavaScript caller)', () => {
      expect(fails({ findingPublishingFrequency: 'FIVE_MINUTES' as FindingPublishingFrequency })).toThrow(
        /ThreatDetection\.InvalidProps[\s\S]*findingPublishingFrequency must be one of "FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS", got "FIVE_MINUTES"/,
      );
    });

    test('fails when securityHubMinimumSeverity is not one of the enum values (a JavaScript caller)', () => {
      expect(fails({ securityHubMinimumSeverity: 'INFORMATIONAL' as SecurityHubSeverity })).toThrow(
        /securityHubMinimumSeverity must be one of "LOW", "MEDIUM", "HIGH", "CRITICAL", got "INFORMATIONAL"/,
      );
    });

    test('fails when disabledGuardDutyFeatures or inspectorResourceTypes hold an unknown value', () => {
      expect(fails({ disabledGuardDutyFeatures: ['MALWARE' as GuardDutyFeature] })).toThrow(/disabledGuardDutyFeatures must be one of .*got "MALWARE"/);
      expect(fails({ inspector: true, inspectorResourceTypes: ['EKS' as InspectorResourceType] })).toThrow(/inspectorResourceTypes must be one of "EC2".*got "EKS"/);
    });

    test('fails when alertTopic is missing', () => {
      const { stack } = testStack();
      expect(() => new ThreatDetection(stack, 'ThreatDetection', {} as ThreatDetectionProps)).toThrow(/alertTopic is required/);
    });

    test('reports every problem at once', () => {
      expect(fails({ minimumSeverity: 0, existingDetectorId: 'x' })).toThrow(/minimumSeverity[\s\S]*existingDetectorId/);
    });
  });

  describe('AWS Config in a multi-Region account', () => {
    test('existingConfigServiceLinkedRole: the recorder still uses the service-linked role, none is defined', () => {
      const { t } = build({ existingConfigServiceLinkedRole: true });
      t.resourceCountIs('AWS::IAM::ServiceLinkedRole', 0);
      t.hasResource('AWS::Config::ConfigurationRecorder', {
        DependsOn: Match.absent(),
        Properties: {
          RoleARN: CONFIG_SLR_ARN,
        },
      });
    });

    // Global IAM types in one Region only: https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html
    test('recordGlobalResourceTypes: false records every regional type and no global IAM type', () => {
      const { t } = build({ recordGlobalResourceTypes: false });
      t.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
        RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: false },
      });
    });

    test('dataClassPrefix prefixes every key alias', () => {
      const { t } = build({ dataClassPrefix: 'second-', inspector: true });
      const aliases = Object.values(t.findResources('AWS::KMS::Alias')).map((r: any) => r.Properties.AliasName).sort();
      expect(aliases).toEqual([
        'alias/baseline/second-config-history',
        'alias/baseline/second-guardduty-findings',
        'alias/baseline/second-inspector-enablement-logs',
      ]);
    });

    test('fails when the service-linked role or global recording is set but no recorder is defined here', () => {
      expect(() => build({ existingConfigRecorder: true, recordGlobalResourceTypes: false })).toThrow(
        /recordGlobalResourceTypes configure the recorder defined here, but existingConfigRecorder is true/,
      );
      expect(() => build({ configRecorder: false, existingConfigServiceLinkedRole: true })).toThrow(
        /existingConfigServiceLinkedRole configure the recorder defined here, but configRecorder is false/,
      );
    });
  });

  test('pins the logical ids of the detector, hub, recorder, buckets and keys', () => {
    const { t } = build({ inspector: true });
    const ids = (type: string) => Object.keys(t.findResources(type)).filter((id) => id.startsWith('ThreatDetection')).sort();
    expect(ids('AWS::GuardDuty::Detector')).toEqual(['ThreatDetectionDetector0E1F32F0']);
    expect(ids('AWS::SecurityHub::Hub')).toEqual(['ThreatDetectionSecurityHub0E787610']);
    expect(ids('AWS::Config::ConfigurationRecorder')).toEqual(['ThreatDetectionConfigRecorder8CDA3A41']);
    expect(ids('AWS::Config::DeliveryChannel')).toEqual(['ThreatDetectionConfigDelivery126DE41D']);
    expect(ids('AWS::IAM::ServiceLinkedRole')).toEqual(['ThreatDetectionConfigServiceLinkedRole257EB54C']);
    expect(ids('AWS::GuardDuty::PublishingDestination')).toEqual(['ThreatDetectionFindingsExport05DAF4B7']);
    expect(ids('AWS::S3::Bucket')).toEqual([
      'ThreatDetectionConfigHistoryBucket823C23E8',
      'ThreatDetectionGuardDutyFindingsAccessLogs99463860',
      'ThreatDetectionGuardDutyFindingsBucket42EDC891',
    ]);
    expect(ids('AWS::KMS::Key')).toEqual([
      'ThreatDetectionConfigHistoryKey942EDFE0',
      'ThreatDetectionGuardDutyFindingsKey35E79DF1',
      'ThreatDetectionInspectorLogsKeyB0F6786B',
    ]);
    expect(ids('AWS::Logs::LogGroup')).toEqual(['ThreatDetectionInspectorLogs4942879E']);
  });

  test('synthesizes the same security settings without any feature flags', () => {
    // GIVEN / WHEN
    const { t } = build({ inspector: true }, 'empty');
    // THEN
    t.hasResourceProperties('AWS::GuardDuty::Detector', { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' });
    t.hasResourceProperties('AWS::Config::DeliveryChannel', { S3KmsKeyArn: Match.anyValue() });
    t.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', ReservedConcurrentExecutions: Match.absent() });
    t.resourceCountIs('AWS::SecurityHub::Standard', 4);
  });

  test('snapshot (change detector)', () => {
    const { t } = build({ inspector: true });
    expect(t.toJSON()).toMatchSnapshot();
  });
});
