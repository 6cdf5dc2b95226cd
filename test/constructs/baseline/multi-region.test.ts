import { App, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { SecurityBaseline, SecurityBaselineProps } from '../../../constructs/baseline/security-baseline';
import { RECOMMENDED_CONTEXT } from '../../util/stack';

const ACCOUNT = '111122223333';
const EMAILS = ['secops@example.com'];

/** An App with one stack per Region of one account (the AZs are fixed so nothing is looked up). */
function app(): App {
  process.env.CDK_VALIDATION = 'false';
  const context: Record<string, unknown> = { ...RECOMMENDED_CONTEXT };
  for (const region of ['eu-west-1', 'us-east-1']) {
    context[`availability-zones:account=${ACCOUNT}:region=${region}`] = [`${region}a`, `${region}b`, `${region}c`];
  }
  return new App({ context });
}

function regionStack(scope: App, region: string, account = ACCOUNT): Stack {
  return new Stack(scope, `Baseline-${region}-${account}`, { env: { account, region } });
}

function baseline(stack: Stack, props: SecurityBaselineProps = {}, id = 'Baseline'): SecurityBaseline {
  return new SecurityBaseline(stack, id, { alertEmails: EMAILS, ...props });
}

/** How many resources of a type the templates of all the given stacks hold together. */
function countAll(stacks: Stack[], type: string): number {
  return stacks.map((s) => Object.keys(Template.fromStack(s).findResources(type)).length).reduce((a, b) => a + b, 0);
}

describe('SecurityBaseline in one account, several Regions', () => {
  // GIVEN a two-Region app of one account, home Region eu-west-1
  const twoRegions = (() => {
    const a = app();
    const home = regionStack(a, 'eu-west-1');
    const other = regionStack(a, 'us-east-1');
    const homeBaseline = baseline(home, { homeRegion: 'eu-west-1' });
    const otherBaseline = baseline(other, { homeRegion: 'eu-west-1' });
    return { home, other, homeBaseline, otherBaseline, stacks: [home, other] };
  })();

  test.each([
    // account-global parts: once per account
    ['AWS::CloudTrail::Trail', 1],
    ['Custom::AccountPasswordPolicy', 1],
    ['AWS::IAM::Group', 1],
    ['AWS::IAM::ServiceLinkedRole', 1],
    ['AWS::Logs::MetricFilter', 15],
    // regional parts: once per Region
    ['AWS::GuardDuty::Detector', 2],
    ['AWS::SecurityHub::Hub', 2],
    ['AWS::Config::ConfigurationRecorder', 2],
    ['AWS::Backup::BackupPlan', 2],
    ['AWS::EC2::VPC', 2],
    ['AWS::AccessAnalyzer::Analyzer', 2],
    ['AWS::SNS::Topic', 4], // per Region: alerts + backup notifications
  ])('the account holds %s %d time(s)', (type, count) => {
    expect(countAll(twoRegions.stacks, type)).toBe(count);
  });

  test('the account-global parts are all in the home Region', () => {
    const home = Template.fromStack(twoRegions.home);
    home.resourceCountIs('AWS::CloudTrail::Trail', 1);
    home.resourceCountIs('AWS::IAM::ServiceLinkedRole', 1);
    home.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    expect(twoRegions.homeBaseline.isHomeRegion).toBe(true);
    expect(twoRegions.otherBaseline.isHomeRegion).toBe(false);
    expect(twoRegions.otherBaseline.auditTrail).toBeUndefined();
    expect(twoRegions.otherBaseline.alarms).toBeUndefined();
    expect(twoRegions.otherBaseline.identity).toBeUndefined();
    expect(twoRegions.otherBaseline.accessAnalyzer).toBeDefined();
  });

  test('global IAM types are recorded in the home Region only; both recorders use the service-linked role', () => {
    const recording = (s: Stack) =>
      Object.values(Template.fromStack(s).findResources('AWS::Config::ConfigurationRecorder')).map((r: any) => ({
        global: r.Properties.RecordingGroup.IncludeGlobalResourceTypes,
        role: r.Properties.RoleARN,
      }));
    const role = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
    expect(recording(twoRegions.home)).toEqual([{ global: true, role }]);
    expect(recording(twoRegions.other)).toEqual([{ global: false, role }]);
  });

  test('the other Region deploys after the home Region, which defines the service-linked role', () => {
    expect(twoRegions.other.dependencies).toContain(twoRegions.home);
    expect(twoRegions.home.dependencies).toEqual([]);
  });

  test('an account with a single baseline needs no homeRegion (the stack\'s Region is home)', () => {
    const a = app();
    const only = baseline(regionStack(a, 'us-east-1'));
    expect(only.isHomeRegion).toBe(true);
    expect(only.homeRegion).toBe('us-east-1');
  });

  test('another account in the same App has its own home Region', () => {
    const a = app();
    baseline(regionStack(a, 'eu-west-1'));
    const second = baseline(regionStack(a, 'us-east-1', '444455556666'));
    expect(second.isHomeRegion).toBe(true);
  });

  test('with the evidence collector on in both, the second baseline\'s collector keys are prefixed too', () => {
    // GIVEN
    const a = app();
    const home = regionStack(a, 'eu-west-1');
    const first = baseline(home, { evidenceCollector: true }, 'First');
    // WHEN
    baseline(home, {
      instanceName: 'second',
      evidenceCollector: true,
      existingDetectorId: '12abc34d567e8fa901bc2d34e56789f0',
      existingSecurityHub: true,
      existingConfigRecorder: true,
      sessionManagerPreferences: false,
      identity: false,
      organizationTrailLogGroup: first.auditTrail!.logGroup,
    }, 'Second');
    // THEN
    const aliases = Object.values(Template.fromStack(home).findResources('AWS::KMS::Alias')).map((r: any) => r.Properties.AliasName as string);
    expect(aliases).toEqual(expect.arrayContaining(['alias/baseline/evidence', 'alias/baseline/second-evidence', 'alias/baseline/second-evidence-collector-logs']));
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  test('fails when two Regions of one account take different home Regions (homeRegion not set)', () => {
    const a = app();
    baseline(regionStack(a, 'eu-west-1'));
    expect(() => baseline(regionStack(a, 'us-east-1'))).toThrow(
      /SecurityBaseline\.DuplicateInAccount[\s\S]*homeRegion: this baseline takes us-east-1 \(homeRegion not set[\s\S]*takes eu-west-1[\s\S]*homeRegion: 'eu-west-1'/,
    );
  });

  test('fails when homeRegion is not a Region name', () => {
    const a = app();
    expect(() => baseline(regionStack(a, 'eu-west-1'), { homeRegion: 'Ireland' })).toThrow(/homeRegion must be an AWS Region name, got "Ireland"/);
  });

  test('fails when homeRegion is set on an environment-agnostic stack', () => {
    const a = app();
    expect(() => baseline(new Stack(a, 'Agnostic'), { homeRegion: 'eu-west-1' })).toThrow(/environment-agnostic stack/);
  });

  test('an environment-agnostic stack is its own home Region and is not checked against others', () => {
    const a = app();
    const agnostic = baseline(new Stack(a, 'Agnostic'));
    expect(agnostic.isHomeRegion).toBe(true);
    expect(agnostic.auditTrail).toBeDefined();
  });
});

describe('SecurityBaseline twice in one account and Region', () => {
  test('fails when two baselines share an account and Region, naming what to change', () => {
    // GIVEN a baseline in eu-west-1, and another stack of the same account and Region
    const a = app();
    baseline(regionStack(a, 'eu-west-1'), {}, 'First');
    // WHEN a second, unnamed baseline is defined there THEN synth fails with what to change
    const other = new Stack(a, 'Second', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    expect(() => baseline(other)).toThrow(/already defines a SecurityBaseline in account 111122223333 and Region eu-west-1[\s\S]*instanceName: 'second'/);
  });

  test('fails when the second one, named, still defines the one-per-Region and account-global parts', () => {
    const a = app();
    baseline(regionStack(a, 'eu-west-1'), {}, 'First');
    const other = new Stack(a, 'Second', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    expect(() => baseline(other, { instanceName: 'second' })).toThrow(
      /a second baseline there must leave them to it: set existingDetectorId .*existingSecurityHub: true, existingConfigRecorder: true, sessionManagerPreferences: false, identity: false, organizationTrailLogGroup/,
    );
  });

  test('instanceName makes every key alias unique, and a well-behaved second baseline synthesizes', () => {
    // GIVEN
    const a = app();
    const home = regionStack(a, 'eu-west-1');
    const first = baseline(home, {}, 'First');
    // WHEN
    const second = baseline(home, {
      instanceName: 'second',
      existingDetectorId: '12abc34d567e8fa901bc2d34e56789f0',
      existingSecurityHub: true,
      existingConfigRecorder: true,
      sessionManagerPreferences: false,
      identity: false,
      organizationTrailLogGroup: first.auditTrail!.logGroup,
    }, 'Second');
    // THEN
    const aliases = Object.values(Template.fromStack(home).findResources('AWS::KMS::Alias')).map((r: any) => r.Properties.AliasName as string);
    expect(new Set(aliases).size).toBe(aliases.length);
    const secondAliases = aliases.filter((n) => n.startsWith('alias/baseline/second-')).sort();
    expect(secondAliases).toEqual([
      'alias/baseline/second-alerts',
      'alias/baseline/second-backup',
      'alias/baseline/second-backup-notifications',
      'alias/baseline/second-bastion',
      'alias/baseline/second-bastion-session-logs',
      'alias/baseline/second-guardduty-findings',
      'alias/baseline/second-vpc-flow-logs',
    ]);
    expect(second.isHomeRegion).toBe(true);
  });

  test('fails when instanceName is not a short lowercase name', () => {
    const a = app();
    expect(() => baseline(regionStack(a, 'eu-west-1'), { instanceName: 'Second_One' })).toThrow(/instanceName must be 1-16 lowercase letters.*"Second_One"/);
  });
});

describe('SecurityBaseline across Stages', () => {
  test('home and other Region in different Stages: checked together, but no cross-Stage stack dependency', () => {
    // GIVEN one account's Regions in two Stages of one App
    const a = app();
    const homeStage = new Stage(a, 'Home');
    const otherStage = new Stage(a, 'Other');
    const home = new Stack(homeStage, 'Baseline', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    const other = new Stack(otherStage, 'Baseline', { env: { account: ACCOUNT, region: 'us-east-1' } });
    // WHEN
    baseline(home, { homeRegion: 'eu-west-1' });
    baseline(other, { homeRegion: 'eu-west-1' });
    // THEN
    expect(other.dependencies).toEqual([]);
    expect(() => baseline(new Stack(otherStage, 'Wrong', { env: { account: ACCOUNT, region: 'ap-south-1' } }))).toThrow(/takes eu-west-1/);
  });
});
