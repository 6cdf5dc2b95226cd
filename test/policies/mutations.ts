// One security setting broken at a time, over every service the baseline deploys (deletions included).
// Each mutation edits a deep copy of the reference template; the mutation suite proves a rule catches it.

type Json = Record<string, any>;

export interface Mutation {
  readonly service: string;
  readonly name: string;
  readonly mutate: (template: Json) => void;
}

/** Resources of a type (and matching a predicate), as [logicalId, resource]; throws when there is none. */
function find(t: Json, type: string, pred: (r: Json, id: string) => boolean = () => true): [string, Json][] {
  const found = Object.entries(t.Resources as Record<string, Json>).filter(([id, r]) => r.Type === type && pred(r, id));
  if (found.length === 0) throw new Error(`mutation target missing: no ${type} matches`);
  return found;
}
const one = (t: Json, type: string, pred?: (r: Json, id: string) => boolean): Json => find(t, type, pred)[0][1];
const props = (t: Json, type: string, pred?: (r: Json, id: string) => boolean): Json => (one(t, type, pred).Properties ??= {});
const remove = (t: Json, type: string, pred?: (r: Json, id: string) => boolean) => {
  for (const [id] of find(t, type, pred)) delete t.Resources[id];
};
const json = (v: unknown): string => JSON.stringify(v) ?? '';
/** The bucket CloudTrail writes to. */
const trailBucket = (t: Json) => (r: Json, id: string) => json(one(t, 'AWS::CloudTrail::Trail').Properties.S3BucketName).includes(`"${id}"`) && r.Type === 'AWS::S3::Bucket';
const isKmsBucket = (r: Json) => json(r.Properties?.BucketEncryption).includes('aws:kms');
const statements = (doc: Json): Json[] => (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]);
const openAcl = (t: Json, port: number, cidr = '0.0.0.0/0') => {
  const [aclId] = find(t, 'AWS::EC2::NetworkAcl')[0];
  t.Resources.MutationOpenAdminPort = {
    Type: 'AWS::EC2::NetworkAclEntry',
    Properties: { NetworkAclId: { Ref: aclId }, RuleNumber: 1, Protocol: 6, RuleAction: 'allow', Egress: false, CidrBlock: cidr, PortRange: { From: port, To: port } },
  };
};
const cisFilter = (fragment: RegExp) => (r: Json) => fragment.test(json(r.Properties?.FilterPattern));

export const MUTATIONS: readonly Mutation[] = [
  // KMS
  { service: 'kms', name: 'key rotation turned off', mutate: (t) => { props(t, 'AWS::KMS::Key').EnableKeyRotation = false; } },
  { service: 'kms', name: 'key rotation property removed', mutate: (t) => { delete props(t, 'AWS::KMS::Key').EnableKeyRotation; } },
  { service: 'kms', name: 'pending window shortened to 7 days', mutate: (t) => { props(t, 'AWS::KMS::Key').PendingWindowInDays = 7; } },
  { service: 'kms', name: 'key policy opened to everyone', mutate: (t) => { statements(props(t, 'AWS::KMS::Key').KeyPolicy).push({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }); } },
  { service: 'kms', name: 'key deleted with its stack', mutate: (t) => { const k = one(t, 'AWS::KMS::Key'); k.DeletionPolicy = 'Delete'; k.UpdateReplacePolicy = 'Delete'; } },
  { service: 'kms', name: 'rotation period stretched to two years', mutate: (t) => { props(t, 'AWS::KMS::Key').RotationPeriodInDays = 730; } },
  // S3
  { service: 's3', name: 'default encryption removed', mutate: (t) => { delete props(t, 'AWS::S3::Bucket', isKmsBucket).BucketEncryption; } },
  { service: 's3', name: 'SSE-KMS downgraded to SSE-S3', mutate: (t) => { props(t, 'AWS::S3::Bucket', isKmsBucket).BucketEncryption = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] }; } },
  { service: 's3', name: 'one public access block setting off', mutate: (t) => { props(t, 'AWS::S3::Bucket').PublicAccessBlockConfiguration.RestrictPublicBuckets = false; } },
  { service: 's3', name: 'public access block removed', mutate: (t) => { delete props(t, 'AWS::S3::Bucket').PublicAccessBlockConfiguration; } },
  { service: 's3', name: 'versioning suspended', mutate: (t) => { props(t, 'AWS::S3::Bucket', isKmsBucket).VersioningConfiguration = { Status: 'Suspended' }; } },
  { service: 's3', name: 'TLS-only bucket policy deleted', mutate: (t) => { remove(t, 'AWS::S3::BucketPolicy'); } },
  { service: 's3', name: 'TLS 1.2 minimum dropped from the bucket policy', mutate: (t) => { for (const [, p] of find(t, 'AWS::S3::BucketPolicy')) { const d = p.Properties.PolicyDocument; d.Statement = statements(d).filter((s) => !json(s.Condition).includes('TlsVersion')); } } },
  { service: 's3', name: 'server access logging removed', mutate: (t) => { delete props(t, 'AWS::S3::Bucket', (r) => r.Properties?.LoggingConfiguration !== undefined).LoggingConfiguration; } },
  { service: 's3', name: 'object lock removed from the trail bucket', mutate: (t) => { const p = props(t, 'AWS::S3::Bucket', trailBucket(t)); delete p.ObjectLockEnabled; delete p.ObjectLockConfiguration; } },
  { service: 's3', name: 'ACLs re-enabled (ObjectWriter ownership)', mutate: (t) => { props(t, 'AWS::S3::Bucket', isKmsBucket).OwnershipControls = { Rules: [{ ObjectOwnership: 'ObjectWriter' }] }; } },
  { service: 's3', name: 'bucket deleted with its stack', mutate: (t) => { const b = one(t, 'AWS::S3::Bucket'); b.DeletionPolicy = 'Delete'; b.UpdateReplacePolicy = 'Delete'; } },
  { service: 's3', name: 'lifecycle rules removed', mutate: (t) => { delete props(t, 'AWS::S3::Bucket', (r) => r.Properties?.LifecycleConfiguration !== undefined).LifecycleConfiguration; } },
  { service: 's3', name: 'bucket policy allows anyone to read', mutate: (t) => { statements(props(t, 'AWS::S3::BucketPolicy').PolicyDocument).push({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }); } },
  // CloudWatch Logs
  { service: 'logs', name: 'log group encryption removed', mutate: (t) => { delete props(t, 'AWS::Logs::LogGroup').KmsKeyId; } },
  { service: 'logs', name: 'log retention cut to 7 days', mutate: (t) => { props(t, 'AWS::Logs::LogGroup').RetentionInDays = 7; } },
  { service: 'logs', name: 'log group deleted with its stack', mutate: (t) => { const g = one(t, 'AWS::Logs::LogGroup'); g.DeletionPolicy = 'Delete'; g.UpdateReplacePolicy = 'Delete'; } },
  // SNS
  { service: 'sns', name: 'alert topic encryption removed', mutate: (t) => { for (const [, r] of find(t, 'AWS::SNS::Topic')) delete r.Properties.KmsMasterKeyId; } },
  { service: 'sns', name: 'alert topic on the AWS-managed key', mutate: (t) => { for (const [, r] of find(t, 'AWS::SNS::Topic')) r.Properties.KmsMasterKeyId = 'alias/aws/sns'; } },
  { service: 'sns', name: 'alert subscription deleted', mutate: (t) => { remove(t, 'AWS::SNS::Subscription'); } },
  { service: 'sns', name: 'topic policy opened to everyone', mutate: (t) => { statements(props(t, 'AWS::SNS::TopicPolicy').PolicyDocument).push({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sns:Publish', Resource: '*' }); } },
  // CloudTrail
  { service: 'cloudtrail', name: 'trail made single-Region', mutate: (t) => { props(t, 'AWS::CloudTrail::Trail').IsMultiRegionTrail = false; } },
  { service: 'cloudtrail', name: 'log file validation off', mutate: (t) => { props(t, 'AWS::CloudTrail::Trail').EnableLogFileValidation = false; } },
  { service: 'cloudtrail', name: 'trail KMS encryption removed', mutate: (t) => { delete props(t, 'AWS::CloudTrail::Trail').KMSKeyId; } },
  { service: 'cloudtrail', name: 'global service events excluded', mutate: (t) => { props(t, 'AWS::CloudTrail::Trail').IncludeGlobalServiceEvents = false; } },
  { service: 'cloudtrail', name: 'trail logging stopped', mutate: (t) => { props(t, 'AWS::CloudTrail::Trail').IsLogging = false; } },
  { service: 'cloudtrail', name: 'trail deleted', mutate: (t) => { remove(t, 'AWS::CloudTrail::Trail'); } },
  { service: 'cloudtrail', name: 'only write management events recorded', mutate: (t) => { props(t, 'AWS::CloudTrail::Trail').EventSelectors = [{ IncludeManagementEvents: true, ReadWriteType: 'WriteOnly' }]; } },
  { service: 'cloudtrail', name: 'CloudWatch Logs delivery removed', mutate: (t) => { const p = props(t, 'AWS::CloudTrail::Trail'); delete p.CloudWatchLogsLogGroupArn; delete p.CloudWatchLogsRoleArn; } },
  // CIS 4.x monitoring
  { service: 'cloudwatch', name: 'CIS 4.3 root-usage metric filter deleted', mutate: (t) => { remove(t, 'AWS::Logs::MetricFilter', cisFilter(/Root/)); } },
  { service: 'cloudwatch', name: 'CIS 4.1 filter pattern weakened', mutate: (t) => { props(t, 'AWS::Logs::MetricFilter', cisFilter(/UnauthorizedOperation/)).FilterPattern = '{ $.errorCode = "NeverMatches" }'; } },
  { service: 'cloudwatch', name: 'a CIS alarm deleted', mutate: (t) => { remove(t, 'AWS::CloudWatch::Alarm', (r) => /Root/i.test(json(r.Properties))); } },
  { service: 'cloudwatch', name: 'a CIS alarm without actions', mutate: (t) => { delete props(t, 'AWS::CloudWatch::Alarm').AlarmActions; } },
  { service: 'cloudwatch', name: 'a CIS alarm with actions disabled', mutate: (t) => { props(t, 'AWS::CloudWatch::Alarm').ActionsEnabled = false; } },
  // GuardDuty
  { service: 'guardduty', name: 'detector disabled', mutate: (t) => { props(t, 'AWS::GuardDuty::Detector').Enable = false; } },
  { service: 'guardduty', name: 'detector deleted', mutate: (t) => { remove(t, 'AWS::GuardDuty::Detector'); remove(t, 'AWS::GuardDuty::PublishingDestination'); } },
  { service: 'guardduty', name: 'malware protection disabled', mutate: (t) => { props(t, 'AWS::GuardDuty::Detector').Features.find((f: Json) => f.Name === 'EBS_MALWARE_PROTECTION').Status = 'DISABLED'; } },
  { service: 'guardduty', name: 'protection plans removed', mutate: (t) => { delete props(t, 'AWS::GuardDuty::Detector').Features; } },
  { service: 'guardduty', name: 'finding alerts route deleted', mutate: (t) => { remove(t, 'AWS::Events::Rule', (r) => json(r.Properties?.EventPattern).includes('aws.guardduty')); } },
  // Security Hub
  { service: 'securityhub', name: 'Security Hub deleted', mutate: (t) => { remove(t, 'AWS::SecurityHub::Standard'); remove(t, 'AWS::SecurityHub::Hub'); } },
  { service: 'securityhub', name: 'standards unsubscribed', mutate: (t) => { remove(t, 'AWS::SecurityHub::Standard'); } },
  { service: 'securityhub', name: 'finding alerts route deleted', mutate: (t) => { remove(t, 'AWS::Events::Rule', (r) => json(r.Properties?.EventPattern).includes('aws.securityhub')); } },
  // Config
  { service: 'config', name: 'recorder deleted', mutate: (t) => { remove(t, 'AWS::Config::DeliveryChannel'); remove(t, 'AWS::Config::ConfigurationRecorder'); } },
  { service: 'config', name: 'recorder limited to some resource types', mutate: (t) => { props(t, 'AWS::Config::ConfigurationRecorder').RecordingGroup = { AllSupported: false, ResourceTypes: ['AWS::S3::Bucket'] }; } },
  { service: 'config', name: 'recorder on a custom role instead of the service-linked role', mutate: (t) => { props(t, 'AWS::Config::ConfigurationRecorder').RoleARN = 'arn:aws:iam::111122223333:role/custom-config'; } },
  { service: 'config', name: 'delivery channel deleted', mutate: (t) => { remove(t, 'AWS::Config::DeliveryChannel'); } },
  // Access Analyzer
  { service: 'accessanalyzer', name: 'analyzer deleted', mutate: (t) => { remove(t, 'AWS::AccessAnalyzer::Analyzer'); } },
  { service: 'accessanalyzer', name: 'archive rule that hides every finding', mutate: (t) => { props(t, 'AWS::AccessAnalyzer::Analyzer').ArchiveRules = [{ RuleName: 'all', Filter: [{ Property: 'isPublic', Contains: ['true', 'false'] }] }]; } },
  // IAM
  { service: 'iam', name: 'password minimum length 8', mutate: (t) => { props(t, 'Custom::AccountPasswordPolicy').MinimumPasswordLength = 8; } },
  { service: 'iam', name: 'password reuse prevention 5', mutate: (t) => { props(t, 'Custom::AccountPasswordPolicy').PasswordReusePrevention = 5; } },
  { service: 'iam', name: 'password symbols not required', mutate: (t) => { props(t, 'Custom::AccountPasswordPolicy').RequireSymbols = false; } },
  { service: 'iam', name: 'password policy deleted', mutate: (t) => { remove(t, 'Custom::AccountPasswordPolicy'); } },
  { service: 'iam', name: 'MFA condition removed from a role trust', mutate: (t) => { for (const s of statements(props(t, 'AWS::IAM::Role', (r) => json(r.Properties?.AssumeRolePolicyDocument).includes('MultiFactorAuthPresent')).AssumeRolePolicyDocument)) delete s.Condition; } },
  { service: 'iam', name: 'MFA deny removed from the group policy', mutate: (t) => { const p = props(t, 'AWS::IAM::ManagedPolicy', (r) => json(r.Properties).includes('MultiFactorAuthPresent')); p.PolicyDocument.Statement = statements(p.PolicyDocument).filter((s) => s.Effect !== 'Deny'); } },
  { service: 'iam', name: 'administrator policy (* on *) added', mutate: (t) => { statements(props(t, 'AWS::IAM::ManagedPolicy').PolicyDocument).push({ Effect: 'Allow', Action: '*', Resource: '*' }); } },
  { service: 'iam', name: 'support role deleted', mutate: (t) => { remove(t, 'AWS::IAM::Role', (r) => json(r.Properties?.ManagedPolicyArns).includes('AWSSupportAccess')); } },
  // EC2 / VPC
  { service: 'ec2', name: 'NACL allows SSH from the internet', mutate: (t) => openAcl(t, 22) },
  { service: 'ec2', name: 'NACL allows RDP from the internet (IPv6)', mutate: (t) => { openAcl(t, 3389); const e = t.Resources.MutationOpenAdminPort.Properties; delete e.CidrBlock; e.Ipv6CidrBlock = '::/0'; } },
  { service: 'ec2', name: 'security group allows SSH from the internet', mutate: (t) => { props(t, 'AWS::EC2::SecurityGroup').SecurityGroupIngress = [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }]; } },
  { service: 'ec2', name: 'IMDSv1 allowed on the bastion', mutate: (t) => { props(t, 'AWS::EC2::Instance').MetadataOptions.HttpTokens = 'optional'; } },
  { service: 'ec2', name: 'bastion root volume unencrypted', mutate: (t) => { props(t, 'AWS::EC2::Instance').BlockDeviceMappings[0].Ebs.Encrypted = false; } },
  { service: 'ec2', name: 'bastion gets a public IP', mutate: (t) => { props(t, 'AWS::EC2::Instance').NetworkInterfaces[0].AssociatePublicIpAddress = true; } },
  { service: 'ec2', name: 'private subnet maps public IPs on launch', mutate: (t) => { props(t, 'AWS::EC2::Subnet', (r) => r.Properties?.MapPublicIpOnLaunch === false).MapPublicIpOnLaunch = true; } },
  { service: 'ec2', name: 'VPC flow log deleted', mutate: (t) => { remove(t, 'AWS::EC2::FlowLog'); } },
  { service: 'ec2', name: 'flow log records only rejected traffic', mutate: (t) => { props(t, 'AWS::EC2::FlowLog').TrafficType = 'REJECT'; } },
  { service: 'ec2', name: 'default security group left open', mutate: (t) => { remove(t, 'Custom::VpcRestrictDefaultSG'); } },
  { service: 'ec2', name: 'metadata hop limit raised to 3', mutate: (t) => { props(t, 'AWS::EC2::Instance').MetadataOptions.HttpPutResponseHopLimit = 3; } },
  // SSM Session Manager
  { service: 'ssm', name: 'session encryption key removed', mutate: (t) => { props(t, 'AWS::SSM::Document', (r) => r.Properties?.DocumentType === 'Session').Content.inputs.kmsKeyId = ''; } },
  { service: 'ssm', name: 'session log encryption off', mutate: (t) => { props(t, 'AWS::SSM::Document', (r) => r.Properties?.DocumentType === 'Session').Content.inputs.cloudWatchEncryptionEnabled = false; } },
  // AWS Backup
  { service: 'backup', name: 'vault on the AWS-managed key', mutate: (t) => { delete props(t, 'AWS::Backup::BackupVault').EncryptionKeyArn; } },
  { service: 'backup', name: 'vault lock removed', mutate: (t) => { delete props(t, 'AWS::Backup::BackupVault').LockConfiguration; } },
  { service: 'backup', name: 'recovery-point deletion deny removed', mutate: (t) => { delete props(t, 'AWS::Backup::BackupVault').AccessPolicy; } },
  { service: 'backup', name: 'vault deleted with its stack', mutate: (t) => { const v = one(t, 'AWS::Backup::BackupVault'); v.DeletionPolicy = 'Delete'; v.UpdateReplacePolicy = 'Delete'; } },
  { service: 'backup', name: 'backups kept for 1 day', mutate: (t) => { for (const r of props(t, 'AWS::Backup::BackupPlan').BackupPlan.BackupPlanRule) r.Lifecycle = { DeleteAfterDays: 1 }; } },
  { service: 'backup', name: 'recovery points moved to cold storage after 1 day', mutate: (t) => { for (const r of props(t, 'AWS::Backup::BackupPlan').BackupPlan.BackupPlanRule) r.Lifecycle = { ...r.Lifecycle, MoveToColdStorageAfterDays: 1 }; } },
  { service: 'backup', name: 'backup job failure alerts deleted', mutate: (t) => { remove(t, 'AWS::Events::Rule', (r) => json(r.Properties?.EventPattern).includes('aws.backup')); } },
  { service: 'backup', name: 'backup selection deleted', mutate: (t) => { remove(t, 'AWS::Backup::BackupSelection'); } },
  { service: 'backup', name: 'restore testing deleted', mutate: (t) => { remove(t, 'AWS::Backup::RestoreTestingSelection'); remove(t, 'AWS::Backup::RestoreTestingPlan'); } },
  // Lambda
  { service: 'lambda', name: 'deploy-time function on a deprecated runtime', mutate: (t) => { props(t, 'AWS::Lambda::Function').Runtime = 'nodejs14.x'; } },
  { service: 'lambda', name: 'function invocable by anyone', mutate: (t) => { const [id] = find(t, 'AWS::Lambda::Function')[0]; t.Resources.MutationPublicInvoke = { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: id }, Principal: '*' } }; } },
];
