import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SegmentedVpc } from '../../../constructs/network/segmented-vpc';
import { testStack } from '../../util/stack';

function aclEntry(t: Template, aclId: RegExp, props: Record<string, unknown>) {
  t.hasResourceProperties('AWS::EC2::NetworkAclEntry', { NetworkAclId: { Ref: Match.stringLikeRegexp(aclId.source) }, ...props });
}

describe('SegmentedVpc', () => {
  test('defaults: three tiers over three AZs, aligned tier blocks, no public IPs', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const net = new SegmentedVpc(stack, 'Network');
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true });
    t.resourceCountIs('AWS::EC2::Subnet', 9);
    t.resourceCountIs('AWS::EC2::NatGateway', 3);
    for (const cidr of ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.64.0/20', '10.0.80.0/20', '10.0.96.0/20', '10.0.128.0/22', '10.0.132.0/22', '10.0.136.0/22']) {
      t.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: cidr, MapPublicIpOnLaunch: false });
    }
    expect([net.publicTierCidr, net.privateTierCidr, net.isolatedTierCidr]).toEqual(['10.0.0.0/22', '10.0.64.0/18', '10.0.128.0/20']);
  });

  test('isolated subnets have no route to the internet', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    // Route tables by tier, from the subnet associations (not from a substring of a logical id).
    const tableOfSubnet = (tier: string) =>
      Object.values(t.findResources('AWS::EC2::SubnetRouteTableAssociation'))
        .filter((a: any) => new RegExp(`^NetworkVpc${tier}Subnet\\dSubnet`).test(a.Properties.SubnetId.Ref))
        .map((a: any) => a.Properties.RouteTableId.Ref);
    const isolatedTables = tableOfSubnet('Isolated');
    const privateTables = tableOfSubnet('Private');
    expect(isolatedTables).toHaveLength(3);
    expect(privateTables).toHaveLength(3);
    const routedTables = Object.values(t.findResources('AWS::EC2::Route')).map((r: any) => r.Properties.RouteTableId.Ref);
    // Positive control: the same lookup finds the private tier's NAT routes.
    expect(privateTables.every((id) => routedTables.includes(id))).toBe(true);
    expect(routedTables.filter((id) => isolatedTables.includes(id))).toEqual([]);
  });

  test('network ACLs: admin ports denied from 0.0.0.0/0 and ::/0 on every tier', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::NetworkAcl', 3);
    for (const tier of ['Public', 'Private', 'Isolated']) {
      const acl = new RegExp(`Network${tier}NetworkAcl`);
      aclEntry(t, acl, { RuleNumber: 100, RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 22, To: 22 } });
      aclEntry(t, acl, { RuleNumber: 101, RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 3389, To: 3389 } });
      aclEntry(t, acl, { RuleNumber: 102, RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0', Protocol: 6, PortRange: { From: 22, To: 22 } });
      aclEntry(t, acl, { RuleNumber: 103, RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0', Protocol: 6, PortRange: { From: 3389, To: 3389 } });
    }
  });

  test('network ACLs: the isolated tier admits only the private tier, its own tier and return traffic', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    const iso = /NetworkIsolatedNetworkAcl/;
    aclEntry(t, iso, { RuleNumber: 200, RuleAction: 'allow', Egress: false, CidrBlock: '10.0.64.0/18', Protocol: -1 });
    aclEntry(t, iso, { RuleNumber: 300, RuleAction: 'allow', Egress: false, CidrBlock: '10.0.128.0/20', Protocol: -1 });
    aclEntry(t, iso, { RuleNumber: 400, RuleAction: 'deny', Egress: false, CidrBlock: '10.0.0.0/16', Protocol: -1 });
    aclEntry(t, iso, { RuleNumber: 500, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 1024, To: 3388 } });
    aclEntry(t, iso, { RuleNumber: 501, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 3390, To: 65535 } });
    aclEntry(t, iso, { RuleNumber: 400, RuleAction: 'deny', Egress: true, CidrBlock: '10.0.0.0/16', Protocol: -1 });
    aclEntry(t, iso, { RuleNumber: 500, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 443, To: 443 } });
  });

  test('network ACLs: NAT and load balancer traffic and its return path are allowed', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    const pub = /NetworkPublicNetworkAcl/;
    const prv = /NetworkPrivateNetworkAcl/;
    aclEntry(t, pub, { RuleNumber: 200, RuleAction: 'allow', Egress: false, CidrBlock: '10.0.64.0/18', Protocol: -1 });
    aclEntry(t, pub, { RuleNumber: 400, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 443, To: 443 } });
    aclEntry(t, pub, { RuleNumber: 511, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 17, PortRange: { From: 3390, To: 65535 } });
    aclEntry(t, pub, { RuleNumber: 100, RuleAction: 'deny', Egress: true, CidrBlock: '10.0.128.0/20', Protocol: -1 });
    aclEntry(t, pub, { RuleNumber: 200, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', Protocol: -1 });
    aclEntry(t, prv, { RuleNumber: 200, RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/22', Protocol: -1 });
    aclEntry(t, prv, { RuleNumber: 500, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Protocol: 6, PortRange: { From: 1024, To: 3388 } });
    aclEntry(t, prv, { RuleNumber: 100, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', Protocol: -1 });
  });

  test('no inbound network ACL entry admits 22 or 3389 from 0.0.0.0/0', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const entries = Object.values(Template.fromStack(stack).findResources('AWS::EC2::NetworkAclEntry')).map((r: any) => r.Properties);
    const open = entries.filter(
      (e) =>
        !e.Egress &&
        e.RuleAction === 'allow' &&
        (e.CidrBlock === '0.0.0.0/0' || e.Ipv6CidrBlock === '::/0') &&
        (e.Protocol === -1 || [22, 3389].some((p) => e.PortRange && e.PortRange.From <= p && p <= e.PortRange.To)),
    );
    expect(open).toEqual([]);
  });

  // The trade-off Security Hub EC2.21 forces (https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21):
  // return traffic from 0.0.0.0/0 is admitted on every ephemeral port NAT gateways, load balancers and
  // Lambda use (1024-65535, https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html)
  // except 3389, and the 3389 deny is evaluated before those allows.
  test.each(['PublicNetworkAcl', 'PrivateNetworkAcl', 'IsolatedNetworkAcl'])(
    '%s admits return traffic on 1024-65535 from anywhere except exactly TCP 3389, denied first',
    (aclId) => {
      const { stack } = testStack();
      new SegmentedVpc(stack, 'Network');
      const entries = Object.values(Template.fromStack(stack).findResources('AWS::EC2::NetworkAclEntry'))
        .map((r: any) => r.Properties)
        .filter((e: any) => !e.Egress && e.NetworkAclId.Ref.startsWith(`Network${aclId}`));
      const returnAllows = entries.filter((e: any) => e.RuleAction === 'allow' && e.CidrBlock === '0.0.0.0/0' && e.Protocol === 6 && e.PortRange.From >= 1024);
      const covered = (port: number) => returnAllows.some((e: any) => e.PortRange.From <= port && port <= e.PortRange.To);
      expect([1024, 3388, 3390, 32768, 65535].every(covered)).toBe(true);
      expect(covered(3389)).toBe(false);
      const rdpDeny = entries.find((e: any) => e.RuleAction === 'deny' && e.CidrBlock === '0.0.0.0/0' && e.PortRange?.From === 3389);
      expect(rdpDeny.RuleNumber).toBeLessThan(Math.min(...returnAllows.map((e: any) => e.RuleNumber)));
    },
  );

  test('flow logs: ALL traffic to a CMK-encrypted log group kept 365 days, role with a managed policy', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', ResourceType: 'VPC', MaxAggregationInterval: 60 });
    t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365, KmsKeyId: Match.anyValue() } });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/vpc-flow-logs' });
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: Match.arrayWith(['logs:CreateLogStream', 'logs:PutLogEvents']) })] },
    });
  });

  test('default security group is restricted and gateway endpoints admit only this account', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      PolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } })] },
    });
  });

  test('S3 endpoint: read-only access to exactly the documented AWS-owned buckets of the Region', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SegmentedVpc(stack, 'Network');
    // THEN
    const t = Template.fromStack(stack);
    const s3Endpoint = Object.values(t.findResources('AWS::EC2::VPCEndpoint')).find((r: any) => JSON.stringify(r).includes('.s3')) as any;
    expect(s3Endpoint.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Sid: 'AllowPrincipalsOfThisAccount', Action: '*', Resource: '*' }),
      {
        Sid: 'AllowReadOfAwsManagedBuckets',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 's3:GetObject',
        // Sorted: aws-cdk minimizes the policy document.
        Resource: [
          'arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*',
          'arn:aws:s3:::amazon-ssm-eu-west-1/*',
          'arn:aws:s3:::amazon-ssm-packages-eu-west-1/*',
          'arn:aws:s3:::aws-patch-manager-eu-west-1-5522fb710/*',
          'arn:aws:s3:::aws-ssm-document-attachments-eu-west-1/*',
          'arn:aws:s3:::aws-ssm-eu-west-1/*',
          'arn:aws:s3:::aws-windows-downloads-eu-west-1/*',
          'arn:aws:s3:::eu-west-1-birdwatcher-prod/*',
          'arn:aws:s3:::patch-baseline-snapshot-eu-west-1/*',
        ],
      },
    ]);
    // The DynamoDB endpoint keeps the account statement alone.
    const dynamoDbEndpoint = Object.values(t.findResources('AWS::EC2::VPCEndpoint')).find((r: any) => JSON.stringify(r).includes('.dynamodb')) as any;
    expect(dynamoDbEndpoint.Properties.PolicyDocument.Statement).toHaveLength(1);
  });

  test('S3 endpoint: Regions with their own bucket names (af-south-1: Distributor file bucket, suffixed snapshot bucket)', () => {
    // GIVEN
    const { app } = testStack();
    const capeTown = new Stack(app, 'CapeTown', { env: { account: '111122223333', region: 'af-south-1' } });
    // WHEN
    new SegmentedVpc(capeTown, 'Network');
    // THEN
    const resources = JSON.stringify(Template.fromStack(capeTown).findResources('AWS::EC2::VPCEndpoint'));
    expect(resources).toContain('arn:aws:s3:::aws-ssm-distributor-file-af-south-1/*');
    expect(resources).toContain('arn:aws:s3:::patch-baseline-snapshot-af-south-1-tbxdb5b9/*');
    expect(resources).toContain('arn:aws:s3:::aws-patch-manager-af-south-1-bdd5f65a9/*');
    expect(resources).not.toContain('birdwatcher');
    expect(resources).not.toContain('patch-baseline-snapshot-af-south-1/*');
  });

  test('S3 endpoint: a Region without a documented Patch Manager bucket gets no guessed name, and an info', () => {
    const { app } = testStack();
    const newRegion = new Stack(app, 'NewRegion', { env: { account: '111122223333', region: 'ap-southeast-7' } });
    new SegmentedVpc(newRegion, 'Network');
    const resources = JSON.stringify(Template.fromStack(newRegion).findResources('AWS::EC2::VPCEndpoint'));
    expect(resources).toContain('arn:aws:s3:::al2023-repos-ap-southeast-7-de612dc2/*');
    expect(resources).not.toContain('aws-patch-manager');
    Annotations.fromStack(newRegion).hasInfo('/NewRegion/Network', Match.stringLikeRegexp('Patch Manager bucket .* of ap-southeast-7'));
  });

  test('S3 endpoint in an env-agnostic stack: Region token, and CloudFormation conditions for Region-specific names', () => {
    // GIVEN
    const { app } = testStack();
    const agnostic = new Stack(app, 'Agnostic');
    // WHEN
    new SegmentedVpc(agnostic, 'Network');
    // THEN
    const t = Template.fromStack(agnostic);
    const region = { Ref: 'AWS::Region' };
    const objects = (...parts: unknown[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...parts]] });
    const s3Endpoint = Object.values(t.findResources('AWS::EC2::VPCEndpoint')).find((r: any) => JSON.stringify(r).includes('.s3')) as any;
    const statement = s3Endpoint.Properties.PolicyDocument.Statement[1];
    expect(statement).toMatchObject({ Sid: 'AllowReadOfAwsManagedBuckets', Action: 's3:GetObject', Principal: { AWS: '*' } });
    expect(statement.Resource).toEqual(
      expect.arrayContaining([
        objects(':s3:::al2023-repos-', region, '-de612dc2/*'),
        objects(':s3:::amazon-ssm-', region, '/*'),
        objects(':s3:::amazon-ssm-packages-', region, '/*'),
        objects(':s3:::aws-ssm-', region, '/*'),
        objects(':s3:::aws-ssm-document-attachments-', region, '/*'),
        objects(':s3:::aws-windows-downloads-', region, '/*'),
        {
          'Fn::If': [
            expect.stringMatching(/AwsManagedBucketsDistributorFileRegion/),
            objects(':s3:::aws-ssm-distributor-file-', region, '/*'),
            objects(':s3:::', region, '-birdwatcher-prod/*'),
          ],
        },
        {
          'Fn::If': [
            expect.stringMatching(/AwsManagedBucketsSuffixedSnapshotRegion/),
            { Ref: 'AWS::NoValue' },
            objects(':s3:::patch-baseline-snapshot-', region, '/*'),
          ],
        },
        objects(':s3:::patch-baseline-snapshot-me-south-1-uduvl7q8/*'),
        objects(':s3:::aws-patch-manager-eu-west-1-5522fb710/*'),
      ]),
    );
    // 6 Region-pattern names, 2 conditional ones, 6 suffixed snapshot buckets, 29 Patch Manager buckets.
    expect(statement.Resource).toHaveLength(43);
    expect(Object.values(t.toJSON().Conditions)).toEqual([
      { 'Fn::Or': [{ 'Fn::Equals': [region, 'af-south-1'] }, { 'Fn::Equals': [region, 'eu-south-1'] }] },
      {
        'Fn::Or': ['af-south-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'eu-south-2', 'me-south-1'].map((name) => ({
          'Fn::Equals': [region, name],
        })),
      },
    ]);
  });

  test('allowAwsManagedBuckets: false leaves the S3 endpoint to this account only', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SegmentedVpc(stack, 'Network', { allowAwsManagedBuckets: false });
    // THEN
    const t = Template.fromStack(stack);
    for (const endpoint of Object.values(t.findResources('AWS::EC2::VPCEndpoint')) as any[]) {
      expect(endpoint.Properties.PolicyDocument.Statement).toEqual([
        expect.objectContaining({ Sid: 'AllowPrincipalsOfThisAccount', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }),
      ]);
    }
    expect(JSON.stringify(t.toJSON())).not.toContain('AllowReadOfAwsManagedBuckets');
  });

  test('all props: CIDR, AZs, masks, NAT, ports, admin CIDRs, S3 flow logs, interface endpoints, organization', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const net = new SegmentedVpc(stack, 'Network', {
      cidr: '172.16.0.0/20',
      availabilityZones: ['dummy1a', 'dummy1b'],
      publicCidrMask: 26,
      privateCidrMask: 23,
      isolatedCidrMask: 25,
      natGateways: 1,
      publicIngressPorts: [443, 80],
      adminIngressCidrs: ['192.168.0.0/24'],
      flowLogsRetention: Duration.days(731),
      flowLogsDataClass: 'net-flows',
      flowLogsToS3: true,
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.KMS, ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES],
      organizationId: 'o-a1b2c3d4e5',
      allowAwsManagedBuckets: false,
      vpcName: 'core',
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '172.16.0.0/20' });
    t.resourceCountIs('AWS::EC2::Subnet', 6);
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    expect([net.publicTierCidr, net.privateTierCidr, net.isolatedTierCidr]).toEqual(['172.16.0.0/25', '172.16.4.0/22', '172.16.8.0/24']);
    aclEntry(t, /NetworkPrivateNetworkAcl/, { RuleNumber: 50, RuleAction: 'allow', CidrBlock: '192.168.0.0/24', PortRange: { From: 22, To: 22 } });
    aclEntry(t, /NetworkPrivateNetworkAcl/, { RuleNumber: 400, RuleAction: 'allow', CidrBlock: '172.16.8.0/24', PortRange: { From: 443, To: 443 } });
    aclEntry(t, /NetworkPublicNetworkAcl/, { RuleNumber: 401, RuleAction: 'allow', PortRange: { From: 80, To: 80 } });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 731 });
    t.hasResourceProperties('AWS::EC2::FlowLog', { LogDestinationType: 's3' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/net-flows-archive' });
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      PolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })] },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '172.16.0.0/20', FromPort: 443, ToPort: 443 })],
    });
    expect(net.interfaceEndpoints).toHaveLength(2);
    expect(JSON.stringify(t.toJSON())).not.toContain('AllowReadOfAwsManagedBuckets');
  });

  test('an existing bucket is the second flow-log destination', () => {
    const { stack } = testStack();
    const bucket = new s3.Bucket(stack, 'Archive');
    const net = new SegmentedVpc(stack, 'Network', { flowLogsBucket: bucket });
    expect(net.flowLogsBucket).toBe(bucket);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::FlowLog', 2);
  });

  test('fails when cidr is not a CIDR', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { cidr: 'ten-dot-zero' })).toThrow(/SegmentedVpc.InvalidProps[\s\S]*cidr must be an IPv4 CIDR.*"ten-dot-zero"/);
  });

  test('fails when the cidr prefix is outside /16-/28', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { cidr: '10.0.0.0/8' })).toThrow(/prefix length from \/16 to \/28.*"10.0.0.0\/8"/);
  });

  test('fails when the cidr has host bits set', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { cidr: '10.0.0.1/16' })).toThrow(/network address.*use "10.0.0.0\/16"/);
  });

  test('fails when the tiers do not fit in the VPC', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { cidr: '10.0.0.0/24', publicCidrMask: 26, privateCidrMask: 26, isolatedCidrMask: 26 })).toThrow(
      /tiers do not fit in cidr 10.0.0.0\/24: they need public 3 x \/26/,
    );
  });

  test('fails when a tier subnet is larger than the VPC', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { cidr: '10.0.0.0/20', privateCidrMask: 18 })).toThrow(
      /privateCidrMask \/18 makes each private subnet larger than the whole VPC/,
    );
  });

  test('fails when a tier mask is outside /16-/28', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { isolatedCidrMask: 30 })).toThrow(/isolatedCidrMask must be a whole number from 16 to 28 \(the subnet limits\), got 30/);
  });

  test('fails with one Availability Zone unless allowSingleAz', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { maxAzs: 1 })).toThrow(/at least 2 Availability Zones.*allowSingleAz: true/);
  });

  test('one Availability Zone with allowSingleAz warns', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network', { maxAzs: 1, allowSingleAz: true });
    Annotations.fromStack(stack).hasWarning('/TestStack/Network', Match.stringLikeRegexp('ack: cdk-security-baseline:segmentedVpc.singleAz'));
  });

  test('admin ingress CIDRs warn', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network', { adminIngressCidrs: ['10.20.0.0/16'] });
    Annotations.fromStack(stack).hasWarning('/TestStack/Network', Match.stringLikeRegexp('ack: cdk-security-baseline:segmentedVpc.adminIngress'));
  });

  test('short flow-log retention with the override warns', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network', { flowLogsRetention: Duration.days(30), allowShortRetention: true });
    Annotations.fromStack(stack).hasWarning('/TestStack/Network/FlowLogs', Match.stringLikeRegexp('ack: cdk-security-baseline:logGroup.shortRetention'));
  });

  test('fails when admin ingress is broader than /16 or not a CIDR', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { adminIngressCidrs: ['0.0.0.0/0', 'corp'] })).toThrow(
      /broader than \/16[\s\S]*"0.0.0.0\/0"[\s\S]*must hold IPv4 CIDRs.*"corp"/,
    );
  });

  test('fails when a public ingress port is an admin port', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { publicIngressPorts: [443, 22] })).toThrow(/must not contain admin port 22/);
  });

  test('fails when natGateways is out of range', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { natGateways: 0 })).toThrow(/natGateways must be a whole number from 1/);
  });

  test('fails when both maxAzs and availabilityZones are given', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { maxAzs: 2, availabilityZones: ['dummy1a', 'dummy1b'] })).toThrow(/availabilityZones or maxAzs, not both/);
  });

  test('fails when organizationId is malformed', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { organizationId: 'acme' })).toThrow(/organizationId must be an AWS Organizations id.*"acme"/);
  });

  test('fails when flowLogsBucket is given with flowLogsToS3 false', () => {
    const { stack } = testStack();
    const bucket = new s3.Bucket(stack, 'Archive');
    expect(() => new SegmentedVpc(stack, 'Network', { flowLogsBucket: bucket, flowLogsToS3: false })).toThrow(/flowLogsToS3 is false/);
  });

  test('AZs come from the stack env: the first three of an env-specific stack, in order', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const azs = Object.values(Template.fromStack(stack).findResources('AWS::EC2::Subnet')).map((r: any) => r.Properties.AvailabilityZone);
    expect(azs).toEqual(['dummy1a', 'dummy1b', 'dummy1c', 'dummy1a', 'dummy1b', 'dummy1c', 'dummy1a', 'dummy1b', 'dummy1c']);
  });

  test('AZs in an env-agnostic stack: two, picked by CloudFormation with Fn::GetAZs', () => {
    const { app } = testStack();
    const agnostic = new Stack(app, 'Agnostic');
    new SegmentedVpc(agnostic, 'Network');
    const t = Template.fromStack(agnostic);
    t.resourceCountIs('AWS::EC2::Subnet', 6);
    t.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] } });
  });

  test('fails when an interface endpoint is listed twice', () => {
    const { stack } = testStack();
    const kms = ec2.InterfaceVpcEndpointAwsService.KMS;
    expect(() => new SegmentedVpc(stack, 'Network', { interfaceEndpoints: [kms, kms] })).toThrow(/SegmentedVpc.InvalidProps[\s\S]*interfaceEndpoints lists "kms" more than once.*list each entry once/);
  });

  test('fails when an Availability Zone is listed twice', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toThrow(
      /SegmentedVpc.InvalidProps[\s\S]*availabilityZones lists "eu-west-1a" more than once.*list each entry once[\s\S]*at least 2 Availability Zones/,
    );
  });

  test('fails when flowLogsRetention is below 365 days, naming the VPC props', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { flowLogsRetention: Duration.days(30) })).toThrow(
      /SegmentedVpc.InvalidProps[\s\S]*flowLogsRetention must be at least 365 days, got 30 days.*pass allowShortRetention: true/,
    );
  });

  test('fails when flowLogsRetention is not a whole number of days', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { flowLogsRetention: Duration.hours(9001) })).toThrow(
      /SegmentedVpc.InvalidProps[\s\S]*flowLogsRetention must be a whole number of days.*use Duration.days\(376\)/,
    );
  });

  test('fails when flowLogsDataClass is not alias-safe, in the VPC\'s words', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Network', { flowLogsDataClass: 'Flow Logs' })).toThrow(
      /SegmentedVpc.InvalidProps[\s\S]*flowLogsDataClass must be 1-42 lowercase letters.*"Flow Logs"/,
    );
  });

  test('fails when two VPCs share a flow-log key alias, naming flowLogsDataClass and not dataClass', () => {
    // GIVEN
    const { stack } = testStack();
    new SegmentedVpc(stack, 'First');
    // WHEN / THEN
    let message = '';
    try {
      new SegmentedVpc(stack, 'Second');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /DataKey.DuplicateAlias[\s\S]*flowLogsDataClass "vpc-flow-logs" gives KMS alias alias\/baseline\/vpc-flow-logs, which TestStack\/First\/FlowLogs\/Key already uses.*give each SegmentedVpc its own flowLogsDataClass/,
    );
    expect(message).not.toMatch(/\bdataClass\b/);
  });

  test('a second VPC with its own flowLogsDataClass gets its own key alias', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'First');
    new SegmentedVpc(stack, 'Second', { flowLogsDataClass: 'second-flows' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/second-flows' });
  });

  test('synthesizes with an empty context (no feature flags)', () => {
    const { stack } = testStack({ context: 'empty' });
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    t.resourceCountIs('AWS::EC2::NetworkAcl', 3);
    t.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('pins logical ids of the VPC, the flow-log group and its key', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::EC2::VPC'))).toEqual(['NetworkVpc7FB7348F']);
    expect(Object.keys(t.findResources('AWS::Logs::LogGroup'))).toEqual(['NetworkFlowLogsD822DC50']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['NetworkFlowLogsKey91A8904C']);
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Network');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

describe('SegmentedVpc allowBroadIngress', () => {
  test('fails when adminIngressCidrs is broader than /16 without allowBroadIngress', () => {
    const { stack } = testStack();
    expect(() => new SegmentedVpc(stack, 'Vpc', { adminIngressCidrs: ['10.0.0.0/12'] })).toThrow(/adminIngressCidrs must not hold networks broader than \/16.*allowBroadIngress: true/);
  });

  test('accepts a /12 admin network with allowBroadIngress, and still rejects 0.0.0.0/0', () => {
    const { stack } = testStack();
    new SegmentedVpc(stack, 'Vpc', { adminIngressCidrs: ['10.0.0.0/12'], allowBroadIngress: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: '10.0.0.0/12', PortRange: { From: 22, To: 22 }, RuleAction: 'allow' });
    const other = testStack().stack;
    expect(() => new SegmentedVpc(other, 'Vpc', { adminIngressCidrs: ['0.0.0.0/0'], allowBroadIngress: true })).toThrow(/broader than \/16 \(0.0.0.0\/0 would open SSH and RDP to the internet, CIS AWS 5.1\), got "0.0.0.0\/0"; list your corporate ranges"?$/m);
  });
});
