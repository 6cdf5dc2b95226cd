import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Bastion, BastionIngress } from '../../../constructs/network/bastion';
import { SegmentedVpc } from '../../../constructs/network/segmented-vpc';
import { testStack } from '../../util/stack';

function setup(context: 'recommended' | 'empty' = 'recommended'): { stack: Stack; vpc: ec2.IVpc } {
  const { stack } = testStack({ context });
  const vpc = new SegmentedVpc(stack, 'Network').vpc;
  return { stack, vpc };
}

describe('Bastion', () => {
  test('defaults: private subnet, no public IP, no inbound rule, IMDSv2 hop limit 1, encrypted volume', () => {
    // GIVEN
    const { stack, vpc } = setup();
    // WHEN
    new Bastion(stack, 'Bastion', { vpc });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::Instance', 1);
    t.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 'c7g.medium',
      Monitoring: true,
      EbsOptimized: true,
      DisableApiTermination: true,
      MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
      NetworkInterfaces: [Match.objectLike({ AssociatePublicIpAddress: false, SubnetId: { Ref: Match.stringLikeRegexp('NetworkVpcPrivateSubnet1') } })],
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: Match.objectLike({ Encrypted: true, KmsKeyId: Match.anyValue(), VolumeType: 'gp3' }) },
      ],
      ImageId: { Ref: Match.stringLikeRegexp('al2023amikernel.*arm64') },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Bastion'),
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })],
    });
  });

  test('the AMI comes from the public SSM parameter at deploy time, not from context', () => {
    const { app, stack } = testStack();
    const vpc = new SegmentedVpc(stack, 'Network').vpc;
    new Bastion(stack, 'Bastion', { vpc });
    const params = Template.fromStack(stack).toJSON().Parameters;
    expect(Object.values(params).some((p: any) => String(p.Default).includes('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel'))).toBe(true);
    const missing = app.synth().manifest.missing ?? [];
    expect(missing.filter((m: any) => m.provider === 'ssm')).toEqual([]);
  });

  test('role: only the Session Manager actions, in a customer-managed policy, no AWS managed policy', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
    const policy = Object.values(t.findResources('AWS::IAM::ManagedPolicy')).find((p: any) => p.Properties.Description?.startsWith('Bastion')) as any;
    const actions = policy.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat());
    expect(actions.sort()).toEqual(
      [
        'kms:Decrypt',
        'logs:CreateLogStream',
        'logs:DescribeLogGroups',
        'logs:DescribeLogStreams',
        'logs:PutLogEvents',
        'ssm:UpdateInstanceInformation',
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ].sort(),
    );
    expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
  });

  test('the key admits EC2 only through kms:ViaService and grants only for AWS resources', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowEbsUseThroughEc2Grants',
            Action: 'kms:CreateGrant',
            Condition: {
              StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' },
              Bool: { 'kms:GrantIsForAWSResource': 'true' },
            },
          }),
        ]),
      },
    });
  });

  test('session preferences: logged to the encrypted log group and encrypted with a session key of its own', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SSM::Document', {
      Name: 'SSM-SessionManagerRunShell',
      DocumentType: 'Session',
      Content: Match.objectLike({
        sessionType: 'Standard_Stream',
        inputs: Match.objectLike({
          cloudWatchLogGroupName: { Ref: Match.stringLikeRegexp('BastionSessionLogs') },
          cloudWatchEncryptionEnabled: true,
          kmsKeyId: { Ref: 'BastionSessionKeyC38859EE' },
          runAsEnabled: false,
        }),
      }),
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  });

  test('the session key admits every principal of the account, for Session Manager sessions only, so other instances keep working', () => {
    // GIVEN
    const { stack, vpc } = setup();
    // WHEN
    const bastion = new Bastion(stack, 'Bastion', { vpc });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/bastion-sessions', TargetKeyId: { 'Fn::GetAtt': ['BastionSessionKeyC38859EE', 'Arn'] } });
    const sessionKey = t.findResources('AWS::KMS::Key').BastionSessionKeyC38859EE;
    const uses = sessionKey.Properties.KeyPolicy.Statement.filter((s: { Effect: string; Action: unknown }) => s.Effect === 'Allow' && JSON.stringify(s.Action).match(/Decrypt|GenerateDataKey/));
    expect(uses).toEqual([
      {
        Sid: 'AllowAccountSessionManagerSessions',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': '111122223333' },
          StringLike: { 'kms:EncryptionContext:aws:ssm:SessionId': '*', 'kms:EncryptionContext:aws:ssm:TargetId': '*' },
        },
      },
    ]);
    // The volume key is no longer the session key, and no longer names the bastion role for sessions.
    const volumeKey = JSON.stringify(t.findResources('AWS::KMS::Key').BastionKey0D331C49);
    expect(volumeKey).not.toMatch(/AllowBastionToDecryptSessionData|aws:ssm/);
    expect(bastion.sessionKey).toBeDefined();
  });

  test('grantConnect() and grantSessionDecrypt() put the session key in the principal\'s own policy', () => {
    // GIVEN
    const { stack, vpc } = setup();
    const bastion = new Bastion(stack, 'Bastion', { vpc });
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    const appInstance = new iam.Role(stack, 'AppInstance', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    // WHEN
    bastion.grantConnect(operator);
    bastion.grantSessionDecrypt(appInstance);
    // THEN
    const t = Template.fromStack(stack);
    const keyArn = { 'Fn::GetAtt': ['BastionSessionKeyC38859EE', 'Arn'] };
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:GenerateDataKey', Resource: keyArn })]) },
      Roles: [{ Ref: Match.stringLikeRegexp('^Operator') }],
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'kms:Decrypt', Resource: keyArn })] },
      Roles: [{ Ref: Match.stringLikeRegexp('^AppInstance') }],
    });
    // The bastion's own role decrypts session data with the session key.
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'DecryptSessionData', Action: 'kms:Decrypt', Resource: keyArn })]) },
    });
    // Neither principal is written into a key policy.
    expect(JSON.stringify(t.findResources('AWS::KMS::Key'))).not.toMatch(/Operator|AppInstance/);
  });

  test('fails when grantSessionDecrypt() is called without session preferences', () => {
    const { stack, vpc } = setup();
    const bastion = new Bastion(stack, 'Bastion', { vpc, sessionManagerPreferences: false });
    const role = new iam.Role(stack, 'AppInstance', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    expect(() => bastion.grantSessionDecrypt(role)).toThrow(/Bastion.NoSessionKey[\s\S]*sessionManagerPreferences is false/);
    expect(bastion.sessionKey).toBeUndefined();
  });

  test('all props: ingress CIDRs on RDP, prefix list, instance type, image, volume, no preferences document', () => {
    // GIVEN
    const { stack, vpc } = setup();
    // WHEN
    const bastion = new Bastion(stack, 'Bastion', {
      vpc,
      vpcSubnets: { subnetGroupName: 'Isolated' },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7I_FLEX, ec2.InstanceSize.LARGE),
      ingress: BastionIngress.fromCidrs('203.0.113.0/24', '2001:db8:1::/48'),
      ingressPort: ec2.Port.tcp(3389),
      volumeSizeGiB: 30,
      dataClass: 'jump',
      sessionManagerPreferences: false,
    });
    const other = new Bastion(stack, 'Other', { vpc, ingress: BastionIngress.fromPrefixList('pl-0123456789abcdef0'), dataClass: 'jump2', sessionManagerPreferences: false });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SSM::Document', 0);
    t.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 'm7i-flex.large',
      ImageId: { Ref: Match.stringLikeRegexp('x8664') },
      NetworkInterfaces: [Match.objectLike({ SubnetId: { Ref: Match.stringLikeRegexp('NetworkVpcIsolatedSubnet1') } })],
      BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ VolumeSize: 30 }) })],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 3389, ToPort: 3389 }),
        Match.objectLike({ CidrIpv6: '2001:db8:1::/48', FromPort: 3389, ToPort: 3389 }),
      ],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { SourcePrefixListId: 'pl-0123456789abcdef0', FromPort: 22, ToPort: 22 });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/jump' });
    expect(bastion.connections.securityGroups).toEqual([bastion.securityGroup]);
    expect(other.grantPrincipal).toBe(other.role);
  });

  test('implements IConnectable and IGrantable by delegation; grantConnect scopes StartSession', () => {
    const { stack, vpc } = setup();
    const bastion = new Bastion(stack, 'Bastion', { vpc });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
    bastion.connections.allowTo(db, ec2.Port.tcp(5432));
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    bastion.grantConnect(operator);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { FromPort: 5432, ToPort: 5432 });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ssm:StartSession' })]) },
      Roles: [{ Ref: Match.stringLikeRegexp('Operator') }],
    });
  });

  test('fails when ingress admits 0.0.0.0/0', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('0.0.0.0/0') })).toThrow(
      /Bastion.InvalidProps[\s\S]*broader than \/16.*"0.0.0.0\/0".*allowBroadIngress: true/,
    );
  });

  test('fails when ingress admits ::/0 or an IPv6 network broader than /48', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('::/0', '2001:db8::/32') })).toThrow(
      /broader than .*\["::\/0","2001:db8::\/32"\]/,
    );
  });

  test('fails when ingress admits an IPv4 network broader than /16', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('10.0.0.0/8') })).toThrow(/"10.0.0.0\/8"/);
  });

  test('broad ingress with allowBroadIngress warns', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('0.0.0.0/0'), allowBroadIngress: true });
    Annotations.fromStack(stack).hasWarning('/TestStack/Bastion', Match.stringLikeRegexp('ack: cdk-security-baseline:bastion.broadIngress'));
  });

  test('fails when an ingress CIDR is not a CIDR, even with allowBroadIngress', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('office'), allowBroadIngress: true })).toThrow(
      /must be IPv4 or IPv6 CIDRs.*"office"/,
    );
  });

  test('fails when an IPv6 ingress CIDR is malformed or has host bits set', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('2001:db8:::/48', '2001:db8:0:1::/48') })).toThrow(
      /IPv4 or IPv6 CIDRs.*"2001:db8:::\/48"[\s\S]*"2001:db8:0:1::\/48".*clear the bits after \/48/,
    );
  });

  test('fails when an ingress CIDR has host bits set', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('203.0.113.7/24') })).toThrow(/use "203.0.113.0\/24"/);
  });

  test('fails when the prefix list id is malformed', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromPrefixList('corp-list') })).toThrow(/prefix list id.*"corp-list"/);
  });

  test('fails when ingress has no CIDR', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs() })).toThrow(/at least one CIDR/);
  });

  test('fails when ingressPort is given without ingress', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingressPort: ec2.Port.tcp(2222) })).toThrow(/ingressPort .* without ingress/);
  });

  test.each([
    ['all traffic', ec2.Port.allTraffic()],
    ['all TCP', ec2.Port.allTcp()],
    ['TCP 0-65535', ec2.Port.tcpRange(0, 65535)],
    ['UDP 1-65535', ec2.Port.udpRange(1, 65535)],
  ])('fails when ingressPort opens every port (%s)', (_name, ingressPort) => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('203.0.113.0/24'), ingressPort })).toThrow(
      /Bastion.InvalidProps[\s\S]*ingressPort must name the port the administrators use, got .*, which opens every port; use ec2.Port.tcp\(22\)/,
    );
  });

  test('a single ingress port range is accepted', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc, ingress: BastionIngress.fromCidrs('203.0.113.0/24'), ingressPort: ec2.Port.tcpRange(2222, 2223) });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 2222, ToPort: 2223, IpProtocol: 'tcp' })],
    });
  });

  test('sessionLogsRetention sets the session log group retention', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc, sessionLogsRetention: Duration.days(731) });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BastionSessionLogsKey'), 'Arn'] },
      RetentionInDays: 731,
    });
  });

  test('fails when sessionLogsRetention is below 365 days, naming the Bastion props', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, sessionLogsRetention: Duration.days(90) })).toThrow(
      /Bastion.InvalidProps[\s\S]*sessionLogsRetention must be at least 365 days, got 90 days.*pass allowShortRetention: true/,
    );
  });

  test('short session-log retention with allowShortRetention warns', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc, sessionLogsRetention: Duration.days(90), allowShortRetention: true });
    Annotations.fromStack(stack).hasWarning('/TestStack/Bastion/SessionLogs', Match.stringLikeRegexp('ack: cdk-security-baseline:logGroup.shortRetention'));
  });

  test('fails when dataClass is too long for the session-log key alias, in the Bastion\'s words', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, dataClass: 'b'.repeat(38) })).toThrow(
      /Bastion.InvalidProps[\s\S]*dataClass must be 1-37 lowercase letters/,
    );
  });

  test('fails when two bastions share a key alias, naming Bastion.dataClass', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'First', { vpc });
    expect(() => new Bastion(stack, 'Second', { vpc, sessionManagerPreferences: false })).toThrow(
      /DataKey.DuplicateAlias[\s\S]*dataClass "bastion" gives KMS alias alias\/baseline\/bastion, which TestStack\/First\/Key already uses.*give each Bastion its own dataClass/,
    );
  });

  test('fails when the volume is smaller than the image', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, volumeSizeGiB: 4 })).toThrow(/volumeSizeGiB must be a whole number from 8/);
  });

  test('fails when the subnets are public', () => {
    const { stack, vpc } = setup();
    expect(() => new Bastion(stack, 'Bastion', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } })).toThrow(/vpcSubnets must select private subnets/);
  });

  test('synthesizes with an empty context (no feature flags)', () => {
    const { stack, vpc } = setup('empty');
    new Bastion(stack, 'Bastion', { vpc });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::Instance', {
      MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled' },
    });
  });

  test('pins logical ids of the key and the session log group', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc });
    const t = Template.fromStack(stack);
    const keys = Object.keys(t.findResources('AWS::KMS::Key')).filter((k) => k.startsWith('Bastion'));
    const groups = Object.keys(t.findResources('AWS::Logs::LogGroup')).filter((k) => k.startsWith('Bastion'));
    expect(keys.sort()).toEqual(['BastionKey0D331C49', 'BastionSessionKeyC38859EE', 'BastionSessionLogsKey5C9EA0E9']);
    expect(groups).toEqual(['BastionSessionLogs9A97CD3E']);
  });

  test('passes the built-in CloudFormation validator, with the SegmentedVpc around it', () => {
    // GIVEN: the schema validator on
    const { app, stack } = testStack({ cfnValidation: true });
    // WHEN
    const network = new SegmentedVpc(stack, 'Network', { flowLogsToS3: true, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
    new Bastion(stack, 'Bastion', { vpc: network.vpc, ingress: BastionIngress.fromCidrs('203.0.113.0/24') });
    // THEN: the synthesized template (after the validator ran) holds the bastion instance
    const template = app.synth().getStackByName(stack.stackName).template;
    expect(Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::Instance')).toHaveLength(1);
  });

  test('snapshot (change detector)', () => {
    const { stack, vpc } = setup();
    new Bastion(stack, 'Bastion', { vpc });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
