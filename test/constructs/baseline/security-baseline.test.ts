import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { BASELINE_BACKUP_TAG, SecurityBaseline } from '../../../constructs/baseline/security-baseline';
import { DataKey } from '../../../constructs/data/data-key';
import { CIS_ALARM_IDS } from '../../../constructs/detection/cis-alarm-definitions';
import { GuardDutyFeature, SecurityHubStandard } from '../../../constructs/detection/threat-detection';
import { testStack } from '../../util/stack';

const EMAILS = ['secops@example.com'];

// One synth of the full baseline is shared by the read-only assertions below (a baseline synth takes
// a few seconds; each behaviour is still asserted separately).
const defaults = (() => {
  const { stack } = testStack();
  const baseline = new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS });
  return { stack, baseline, template: Template.fromStack(stack) };
})();

describe('SecurityBaseline', () => {
  test('defaults: one trail, detector, hub, recorder, VPC, bastion, backup plan', () => {
    const t = defaults.template;
    t.resourceCountIs('AWS::CloudTrail::Trail', 1);
    t.resourceCountIs('AWS::GuardDuty::Detector', 1);
    t.resourceCountIs('AWS::SecurityHub::Hub', 1);
    t.resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
    t.resourceCountIs('AWS::EC2::VPC', 1);
    t.resourceCountIs('AWS::EC2::Instance', 1);
    t.resourceCountIs('AWS::Backup::BackupPlan', 1);
    t.resourceCountIs('AWS::IAM::AccountPasswordPolicy', 0); // CloudFormation has none: a custom resource sets it
    t.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    t.resourceCountIs('AWS::SNS::Topic', 2); // alerts + backup vault notifications
    t.resourceCountIs('Custom::InspectorEnablement', 0); // Inspector is opt-in
  });

  test('every CIS 4.x alarm watches the trail log group and notifies the alert topic', () => {
    const t = defaults.template;
    t.resourceCountIs('AWS::Logs::MetricFilter', CIS_ALARM_IDS.length);
    t.resourceCountIs('AWS::CloudWatch::Alarm', CIS_ALARM_IDS.length);
    const trailLogGroup = Stack.of(defaults.baseline).resolve(defaults.baseline.auditTrail!.logGroup.logGroupName);
    for (const filter of Object.values(t.findResources('AWS::Logs::MetricFilter'))) {
      expect(filter.Properties.LogGroupName).toEqual(trailLogGroup);
    }
    const topicRef = Stack.of(defaults.baseline).resolve(defaults.baseline.alerts.topic.topicArn);
    for (const alarm of Object.values(t.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([topicRef]);
    }
  });

  test('GuardDuty and Security Hub findings are routed to the alert topic', () => {
    const topicRef = Stack.of(defaults.baseline).resolve(defaults.baseline.alerts.topic.topicArn);
    const rules = Object.values(defaults.template.findResources('AWS::Events::Rule'));
    const sources = rules
      .filter((r) => JSON.stringify(r.Properties.Targets).includes(JSON.stringify(topicRef)))
      .map((r) => r.Properties.EventPattern.source[0]);
    expect(sources).toEqual(expect.arrayContaining(['aws.guardduty', 'aws.securityhub']));
  });

  test('failed backup, copy and restore jobs (restore tests included) are routed to the alert topic', () => {
    const topicRef = Stack.of(defaults.baseline).resolve(defaults.baseline.alerts.topic.topicArn);
    const rules = Object.values(defaults.template.findResources('AWS::Events::Rule'));
    const backupRoutes = rules
      .filter((r) => r.Properties.EventPattern.source[0] === 'aws.backup')
      .map((r) => ({ detailType: r.Properties.EventPattern['detail-type'][0], target: r.Properties.Targets[0].Arn }));
    expect(backupRoutes).toEqual(
      expect.arrayContaining(
        ['Backup Job State Change', 'Copy Job State Change', 'Restore Job State Change'].map((detailType) => ({ detailType, target: topicRef })),
      ),
    );
    expect(backupRoutes).toHaveLength(3);
  });

  test('the alert emails are subscribed', () => {
    defaults.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'secops@example.com' });
  });

  test('buckets share the audit trail access-log bucket', () => {
    const logBucket = Stack.of(defaults.baseline).resolve(defaults.baseline.auditTrail!.bucket!.accessLogsBucket.bucketName);
    const buckets = Object.values(defaults.template.findResources('AWS::S3::Bucket'));
    const logged = buckets.filter((b) => b.Properties.LoggingConfiguration);
    expect(logged.length).toBeGreaterThanOrEqual(3); // trail, GuardDuty findings, Config
    for (const b of logged) expect(b.Properties.LoggingConfiguration.DestinationBucketName).toEqual(logBucket);
    // one log bucket only: every bucket without logging is that log bucket
    expect(buckets.length - logged.length).toBe(1);
  });

  test('the backup plan selects resources tagged backup=baseline', () => {
    defaults.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: BASELINE_BACKUP_TAG.key, ConditionValue: BASELINE_BACKUP_TAG.value }],
      }),
    });
  });

  test('the bastion has no inbound rule by default', () => {
    const sgId = Stack.of(defaults.baseline).getLogicalId(defaults.baseline.bastion!.securityGroup.node.defaultChild as any);
    const sg = defaults.template.findResources('AWS::EC2::SecurityGroup')[sgId];
    expect(sg).toBeDefined();
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
    defaults.template.resourcePropertiesCountIs('AWS::EC2::SecurityGroupIngress', { GroupId: { 'Fn::GetAtt': [sgId, 'GroupId'] } }, 0);
  });

  test('pins the logical ids of the stateful resources', () => {
    const ids = (type: string) => Object.keys(defaults.template.findResources(type)).sort();
    expect(ids('AWS::CloudTrail::Trail')).toMatchInlineSnapshot(`
      [
        "BaselineAuditTrail443D92B8",
      ]
    `);
    expect(ids('AWS::GuardDuty::Detector')).toMatchInlineSnapshot(`
      [
        "BaselineThreatDetectionDetector23060D8C",
      ]
    `);
    expect(ids('AWS::Backup::BackupVault')).toHaveLength(1);
    expect(ids('AWS::KMS::Key').length).toBeGreaterThanOrEqual(8);
  });

  test('admin CIDRs open SSH on the bastion and the private network ACL only from those CIDRs', () => {
    const { stack } = testStack();
    new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, adminCidrs: ['203.0.113.0/24'] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 22, ToPort: 22 })],
    });
    // the NACL allow sits before the admin-port deny (rules 100-103), or SSH would never arrive
    t.hasResourceProperties('AWS::EC2::NetworkAclEntry', {
      CidrBlock: '203.0.113.0/24',
      RuleAction: 'allow',
      Egress: false,
      PortRange: { From: 22, To: 22 },
      RuleNumber: Match.anyValue(),
    });
    const allows = Object.values(t.findResources('AWS::EC2::NetworkAclEntry')).filter(
      (e) => e.Properties.CidrBlock === '203.0.113.0/24' && e.Properties.RuleAction === 'allow',
    );
    for (const e of allows) expect(e.Properties.RuleNumber).toBeLessThan(100);
    Annotations.fromStack(stack).hasWarning('/TestStack/Baseline/Network', Match.stringLikeRegexp('ack: cdk-security-baseline:segmentedVpc.adminIngress'));
  });

  test('switches: no network, no identity, no backup, an existing organization trail', () => {
    const { stack } = testStack();
    const orgLogs = logs.LogGroup.fromLogGroupName(stack, 'OrgTrailLogs', 'aws-controltower/CloudTrailLogs');
    const baseline = new SecurityBaseline(stack, 'Baseline', {
      alertEmails: EMAILS,
      network: false,
      identity: false,
      backup: false,
      organizationTrailLogGroup: orgLogs,
    });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::VPC', 0);
    t.resourceCountIs('AWS::EC2::Instance', 0);
    t.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 0);
    t.resourceCountIs('AWS::Backup::BackupPlan', 0);
    t.resourceCountIs('AWS::CloudTrail::Trail', 0);
    t.hasResourceProperties('AWS::Logs::MetricFilter', { LogGroupName: 'aws-controltower/CloudTrailLogs' });
    expect(baseline.vpc).toBeUndefined();
  });

  test('all props: existing detector, hub and recorder, Inspector, severity, VPC CIDR, Slack', () => {
    const { stack } = testStack();
    new SecurityBaseline(stack, 'Baseline', {
      alertEmails: EMAILS,
      slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
      vpcCidr: '10.20.0.0/16',
      existingDetectorId: '12abc34d567e8fa901bc2d34e56789f0',
      existingSecurityHub: true,
      existingConfigRecorder: true,
      inspector: true,
      guardDutyMinimumSeverity: 7,
    });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::GuardDuty::Detector', 0);
    t.resourceCountIs('AWS::SecurityHub::Hub', 0);
    t.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    t.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 1);
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.20.0.0/16' });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.guardduty'], detail: { severity: [{ numeric: ['>=', 7] }] } }),
    });
    t.resourceCountIs('Custom::InspectorEnablement', 1);
    t.hasResourceProperties('Custom::InspectorEnablement', { AccountId: '111122223333' });
  });

  test('session logging preferences are defined by default and can be left to an existing document', () => {
    defaults.template.resourcePropertiesCountIs('AWS::SSM::Document', { Name: 'SSM-SessionManagerRunShell', DocumentType: 'Session' }, 1);
    const { stack } = testStack();
    new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, sessionManagerPreferences: false });
    Template.fromStack(stack).resourceCountIs('AWS::SSM::Document', 0);
  });

  test('fails when session preferences are set with the bastion off', () => {
    const { stack } = testStack();
    expect(() => new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, bastion: false, sessionManagerPreferences: false })).toThrow(
      /sessionManagerPreferences \(false\) configures the bastion's session logging, but the bastion is switched off/,
    );
  });

  test('a permissions boundary reaches every role the baseline defines', () => {
    const { stack } = testStack();
    const boundary = iam.ManagedPolicy.fromManagedPolicyName(stack, 'Boundary', 'baseline-boundary');
    new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, permissionsBoundary: boundary });
    const roles = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(5);
    for (const role of roles) {
      expect(JSON.stringify(role.Properties.PermissionsBoundary)).toContain('policy/baseline-boundary');
    }
  });

  test('runs under an empty feature-flag context', () => {
    const { stack } = testStack({ context: 'empty' });
    new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudTrail::Trail', 1);
    t.hasResourceProperties('AWS::CloudTrail::Trail', { IsMultiRegionTrail: true, EnableLogFileValidation: true });
  });

  test('fails when there is neither an alert email nor a Slack channel', () => {
    const { stack } = testStack();
    expect(() => new SecurityBaseline(stack, 'Baseline')).toThrow(/alertEmails must name at least one address.*got \[\]/);
  });

  // Each validation names the SecurityBaseline prop the caller typed, never a child's, and the fix.
  const fails = (props: object) => () => {
    const { stack } = testStack();
    new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, ...props });
  };
  const inBaselineTerms = (re: RegExp) => new RegExp(`SecurityBaseline\\.InvalidProps[\\s\\S]*${re.source}`);

  test('fails when a key outside the baseline already uses one of its aliases, naming instanceName (not a child\'s dataClass)', () => {
    // GIVEN a key the platform team defined first, with the alias the baseline's alert topic key would take
    const { stack } = testStack();
    new DataKey(stack, 'TeamKey', { dataClass: 'alerts' });
    // WHEN / THEN
    const attempt = () => new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS });
    expect(attempt).toThrow(
      /DataKey.DuplicateAlias[\s\S]*instanceName \(not set\) gives KMS alias alias\/baseline\/alerts, which TestStack\/TeamKey already uses.*give this SecurityBaseline an instanceName of its own/,
    );
    expect(attempt).not.toThrow(/dataClass/);
  });

  test('with an instanceName the same clash names its value', () => {
    const { stack } = testStack();
    new DataKey(stack, 'TeamKey', { dataClass: 'second-alerts' });
    expect(() => new SecurityBaseline(stack, 'Baseline', { alertEmails: EMAILS, instanceName: 'second' })).toThrow(
      /instanceName "second" gives KMS alias alias\/baseline\/second-alerts, which TestStack\/TeamKey already uses/,
    );
  });

  test('fails when an alert email is not an email', () => {
    expect(fails({ alertEmails: ['secops-at-example.com'] })).toThrow(
      inBaselineTerms(/alertEmails must contain email addresses, got "secops-at-example\.com"; use an address such as 'secops@example\.com'/),
    );
  });

  test('fails when an alert email is listed twice', () => {
    expect(fails({ alertEmails: ['a@example.com', 'a@example.com'] })).toThrow(inBaselineTerms(/alertEmails lists "a@example\.com" more than once.*list each entry once/));
  });

  test('fails when the bastion is asked for without the network', () => {
    expect(fails({ network: false, bastion: true })).toThrow(/bastion: true needs the VPC, but network is false; set network: true or drop bastion/);
  });

  test('fails when admin CIDRs are given with the bastion off', () => {
    expect(fails({ bastion: false, adminCidrs: ['203.0.113.0/24'] })).toThrow(
      /adminCidrs \["203.0.113.0\/24"\] open the bastion, but the bastion is switched off; remove adminCidrs or turn network and bastion on/,
    );
  });

  test('fails when an admin CIDR is open to the internet', () => {
    expect(fails({ adminCidrs: ['0.0.0.0/0'] })).toThrow(inBaselineTerms(/adminCidrs must not contain "0\.0\.0\.0\/0".*list your corporate ranges/));
  });

  test('fails when an admin CIDR is broader than /16 without allowBroadIngress', () => {
    expect(fails({ adminCidrs: ['10.0.0.0/12'] })).toThrow(
      inBaselineTerms(/adminCidrs must not hold networks broader than \/16, got "10\.0\.0\.0\/12".*pass allowBroadIngress: true/),
    );
  });

  test('fails when an admin CIDR is not a network address or not IPv4', () => {
    expect(fails({ adminCidrs: ['203.0.113.7/24'] })).toThrow(inBaselineTerms(/adminCidrs must hold network addresses, got "203\.0\.113\.7\/24"; use "203\.0\.113\.0\/24"/));
    expect(fails({ adminCidrs: ['2001:db8::/48'] })).toThrow(inBaselineTerms(/adminCidrs must hold IPv4 CIDRs/));
  });

  test('fails when allowBroadIngress is set without adminCidrs', () => {
    expect(fails({ allowBroadIngress: true })).toThrow(inBaselineTerms(/allowBroadIngress would have no effect because adminCidrs is empty/));
  });

  test('fails when the VPC CIDR is not a CIDR', () => {
    expect(fails({ vpcCidr: '10.0.0.0' })).toThrow(inBaselineTerms(/vpcCidr must be an IPv4 CIDR such as '10\.0\.0\.0\/16', got "10\.0\.0\.0"/));
  });

  test('fails when the VPC CIDR is broader than /16 or not a network address', () => {
    expect(fails({ vpcCidr: '10.0.0.0/8' })).toThrow(inBaselineTerms(/vpcCidr must have a prefix length from \/16 to \/28/));
    expect(fails({ vpcCidr: '10.0.1.0/16' })).toThrow(inBaselineTerms(/vpcCidr must be a network address, got "10\.0\.1\.0\/16"; use "10\.0\.0\.0\/16"/));
  });

  test('fails when the GuardDuty severity is out of range', () => {
    expect(fails({ guardDutyMinimumSeverity: 11 })).toThrow(
      inBaselineTerms(/guardDutyMinimumSeverity must be a GuardDuty severity from 1\.0 to 10\.0, got 11; use 1\.0/),
    );
  });

  test('fails when skipCisAlarms names an unknown id', () => {
    expect(fails({ skipCisAlarms: ['4.16'] })).toThrow(inBaselineTerms(/skipCisAlarms must contain CIS alarm ids, got unknown \["4\.16"\]; use ids from 4\.1/));
  });

  test('fails when the network is off but network props are given', () => {
    expect(fails({ network: false, bastion: false, natGateways: 1, vpcCidr: '10.1.0.0/16' })).toThrow(
      inBaselineTerms(/network is false, so vpcCidr, natGateways would have no effect.*set network: true/),
    );
  });

  test('fails when Availability Zones repeat, or NAT gateways exceed them', () => {
    expect(fails({ availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toThrow(inBaselineTerms(/availabilityZones lists "eu-west-1a" more than once/));
    expect(fails({ availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 3 })).toThrow(
      inBaselineTerms(/natGateways must be a whole number from 1 to the number of Availability Zones \(2\), got 3/),
    );
  });

  test('member-account props reach the children: skipped CIS alarm, alarm prefix, standards, AZs, NAT, endpoints', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityBaseline(stack, 'Baseline', {
      alertEmails: EMAILS,
      skipCisAlarms: ['4.15'],
      alarmNamePrefix: 'acme-',
      securityHubStandards: [SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES],
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      natGateways: 1,
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', CIS_ALARM_IDS.length - 1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'acme-CIS-4.3-RootUserUsage' });
    t.resourceCountIs('AWS::SecurityHub::Standard', 1);
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    t.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: 'eu-west-1b' });
    t.resourcePropertiesCountIs('AWS::EC2::Subnet', { AvailabilityZone: 'eu-west-1c' }, 0);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.eu-west-1.ssm' });
    Annotations.fromStack(stack).hasWarning('/TestStack/Baseline/CisAlarms', Match.stringLikeRegexp('4\\.15.*ack: cdk-security-baseline:securityAlarms.disabledAlarm'));
  });

  test('each passthrough reaches its child: topic and trail names, metric namespace, GuardDuty features, password policy, flow-log retention, instance type, RPO, evidence Regions', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityBaseline(stack, 'Baseline', {
      alertEmails: EMAILS,
      evidenceCollector: true,
      alertsProps: { topicName: 'acme-security-alerts' },
      auditTrailProps: { trailName: 'acme-trail' },
      alarmsProps: { metricNamespace: 'Acme/CIS' },
      threatDetectionProps: { disabledGuardDutyFeatures: [GuardDutyFeature.RDS_LOGIN_EVENTS] },
      identityProps: { passwordPolicy: { minimumPasswordLength: 20 } },
      networkProps: { flowLogsRetention: Duration.days(731) },
      bastionProps: { instanceType: ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.LARGE) },
      backupProps: { rpo: Duration.hours(12) },
      evidenceCollectorProps: { regions: ['eu-west-1', 'us-east-1'] },
    });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'acme-security-alerts' });
    t.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'acme-trail' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Acme/CIS' });
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { Namespace: 'CloudTrailMetrics' }, 0);
    t.hasResourceProperties('AWS::GuardDuty::Detector', { Features: Match.arrayWith([{ Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }]) });
    expect(JSON.stringify(t.findResources('Custom::AccountPasswordPolicy'))).toMatch(/"MinimumPasswordLength":20/);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 731, KmsKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::EC2::Instance', { InstanceType: 'c7g.large' });
    expect(JSON.stringify(t.findResources('AWS::Backup::BackupPlan'))).toMatch(/cron\(0 0\/12 \* \* \? \*\)/);
    expect(JSON.stringify(t.findResources('AWS::Lambda::Function'))).toMatch(/eu-west-1,us-east-1/);
  });

  test('fails when a passthrough sets what a flat prop or the baseline owns, naming the flat prop', () => {
    // GIVEN: JavaScript callers can pass the keys TypeScript leaves out of each passthrough's type
    const attempt = fails({
      networkProps: { cidr: '10.1.0.0/16' },
      alertsProps: { emails: ['other@example.com'] },
      bastionProps: { ingressPort: ec2.Port.tcp(2222) },
      threatDetectionProps: { minimumSeverity: 1 },
    } as object);
    // THEN every problem is listed at once, each with the prop to use instead
    expect(attempt).toThrow(inBaselineTerms(/networkProps\.cidr is set by SecurityBaseline, not through networkProps; use vpcCidr/));
    expect(attempt).toThrow(/alertsProps\.emails is set by SecurityBaseline, not through alertsProps; use alertEmails/);
    expect(attempt).toThrow(/bastionProps\.ingressPort is set by SecurityBaseline.*admit adminCidrs on SSH \(22\) only/);
    expect(attempt).toThrow(/threatDetectionProps\.minimumSeverity is set by SecurityBaseline.*use guardDutyMinimumSeverity/);
  });

  test('fails when a passthrough configures a child that is switched off', () => {
    expect(fails({ network: false, networkProps: { vpcName: 'x' } })).toThrow(
      inBaselineTerms(/networkProps would have no effect because the network is switched off \(got \["vpcName"\]\); remove networkProps or set network: true/),
    );
    expect(fails({ evidenceCollectorProps: { regions: ['eu-west-1'] } })).toThrow(/evidenceCollectorProps would have no effect.*set evidenceCollector: true/);
    expect(fails({ backup: false, backupProps: { rpo: Duration.hours(1) } })).toThrow(/backupProps would have no effect because backup is switched off/);
  });

  test('a passthrough cannot weaken an invariant: the child still refuses short flow-log retention', () => {
    expect(fails({ networkProps: { flowLogsRetention: Duration.days(30) } })).toThrow(/SegmentedVpc\.InvalidProps[\s\S]*flowLogsRetention/);
  });

  test('warns, in the parts that weaken, when its own props weaken a default', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityBaseline(stack, 'Baseline', {
      alertEmails: EMAILS,
      adminCidrs: ['10.0.0.0/8'],
      allowBroadIngress: true,
      guardDutyMinimumSeverity: 8,
      securityHubStandards: [],
    });
    // THEN
    const warnings = Annotations.fromStack(stack);
    warnings.hasWarning('/TestStack/Baseline/Bastion', Match.stringLikeRegexp('ack: cdk-security-baseline:bastion.broadIngress'));
    warnings.hasWarning('/TestStack/Baseline/ThreatDetection', Match.stringLikeRegexp('ack: cdk-security-baseline:threatDetection.highFindingsNotAlerted'));
    warnings.hasWarning('/TestStack/Baseline/ThreatDetection', Match.stringLikeRegexp('ack: cdk-security-baseline:threatDetection.noSecurityHubStandards'));
  });

  test('raises no warning with defaults', () => {
    Annotations.fromStack(defaults.stack).hasNoWarning('*', Match.anyValue());
  });

  test('snapshot (change detector)', () => {
    expect(defaults.template.toJSON()).toMatchSnapshot();
  });
});
