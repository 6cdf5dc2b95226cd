import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ObjectLockMode } from '../../../constructs/data/secure-bucket';
import { EvidenceCollector, EvidenceCollectorProps } from '../../../constructs/detection/evidence-collector';
import { CheckScope, ResultStatus, evaluate } from '../../../lib/engine';
import { EVIDENCE_ACTIONS } from '../../../lib/evidence';
import { RULES } from '../../../policies/rules';
import { TEST_ENV, testStack } from '../../util/stack';

function synth(props: Partial<EvidenceCollectorProps> = {}, context: 'recommended' | 'empty' = 'recommended') {
  const { stack } = testStack({ context });
  const topic = new sns.Topic(stack, 'Alerts');
  const collector = new EvidenceCollector(stack, 'Evidence', { alertTopic: topic, ...props });
  return { stack, topic, collector, template: Template.fromStack(stack) };
}

describe('EvidenceCollector', () => {
  test('defaults: an Object Lock bucket, a scheduled function, and an alarm to the alert topic', () => {
    // GIVEN / WHEN
    const { template, stack, topic } = synth();
    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 600,
      Environment: { Variables: { EVIDENCE_BUCKET: { Ref: Match.stringLikeRegexp('^EvidenceBucket') }, EVIDENCE_PREFIX: 'evidence/', EVIDENCE_REGIONS: 'eu-west-1', EVIDENCE_SINCE: '24h' } },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)', State: 'ENABLED' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
      AlarmActions: [stack.resolve(topic.topicArn)],
    });
    template.resourceCountIs('AWS::Lambda::Function', 1);
  });

  test('the role reads exactly the evidence actions and writes only under evidence/', () => {
    const { template } = synth();
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'ReadEvidence', Action: [...EVIDENCE_ACTIONS], Resource: '*' }),
          Match.objectLike({ Sid: 'WriteEvidence', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^EvidenceBucket'), 'Arn'] }, '/evidence/*']] } }),
        ]),
      },
    });
  });

  test('all props: schedule, regions, job history, retention and mode', () => {
    const { template } = synth({
      schedule: events.Schedule.rate(Duration.hours(1)), regions: ['eu-west-1', 'us-east-1'], jobHistory: Duration.days(7),
      retention: Duration.days(30), objectLockMode: ObjectLockMode.GOVERNANCE,
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ EVIDENCE_REGIONS: 'eu-west-1,us-east-1', EVIDENCE_SINCE: '168h' }) } });
    template.hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } });
  });

  test('dataClassPrefix prefixes the aliases of its keys', () => {
    const { template } = synth({ dataClassPrefix: 'second-' });
    const aliases = Object.values(template.findResources('AWS::KMS::Alias')).map((r: any) => r.Properties.AliasName).sort();
    expect(aliases).toEqual(['alias/baseline/second-evidence', 'alias/baseline/second-evidence-collector-logs']);
  });

  test('fails when dataClassPrefix cannot prefix a KMS alias, naming dataClassPrefix', () => {
    expect(() => synth({ dataClassPrefix: 'Second_' })).toThrow(/EvidenceCollector\.InvalidProps[\s\S]*dataClassPrefix must be 1-27 lowercase letters/);
  });

  test('fails when two collectors in one account and Region would share key aliases, naming dataClassPrefix', () => {
    const { stack } = testStack();
    const topic = new sns.Topic(stack, 'Alerts');
    new EvidenceCollector(stack, 'First', { alertTopic: topic });
    expect(() => new EvidenceCollector(stack, 'Second', { alertTopic: topic })).toThrow(
      /DataKey\.DuplicateAlias[\s\S]*dataClassPrefix \(not set\) gives KMS alias alias\/baseline\/evidence, which TestStack\/First\/Bucket\/Key already uses.*its own dataClassPrefix/,
    );
  });

  test('pins the logical id of the evidence bucket and its key', () => {
    const { template } = synth();
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { ObjectLockEnabled: true } }));
    expect(buckets).toEqual(['EvidenceBucket1407081B']);
    expect(Object.keys(template.findResources('AWS::KMS::Key')).sort()).toEqual(['EvidenceBucketKey467FF328', 'EvidenceLogsKey7B331F19']);
  });

  test('synthesizes under an empty context too', () => {
    const { template } = synth({}, 'empty');
    template.resourceCountIs('AWS::Events::Rule', 1);
  });

  test('passes our own rules (every framework)', () => {
    const { template } = synth();
    const ledger = evaluate([{ path: 'evidence.template.json', template: template.toJSON(), ...TEST_ENV }], RULES, { scope: CheckScope.WORKLOAD });
    // Errors are what gates; the fixture's plain alert topic is the test's, not the collector's.
    const mine = ledger.results.filter((r) => r.status === ResultStatus.FAIL && r.severity === 'error' && !r.logicalId?.startsWith('Alerts'));
    expect(mine.map((r) => `${r.ruleId} ${r.logicalId}: ${r.message}`)).toEqual([]);
  });

  test('fails when retention is not a whole number of days from 1 to 36500', () => {
    expect(() => synth({ retention: Duration.hours(12) })).toThrow(/EvidenceCollector.InvalidProps[\s\S]*retention must be a whole number of days from 1 to 36500, got 0.5 days/);
    expect(() => synth({ retention: Duration.days(40000) })).toThrow(/got 40000 days/);
  });

  test('fails when jobHistory is under an hour', () => {
    expect(() => synth({ jobHistory: Duration.minutes(30) })).toThrow(/jobHistory must be a whole number of hours, at least 1, got 0.5 hours/);
  });

  test('fails when regions is empty or holds something that is not a Region', () => {
    expect(() => synth({ regions: [] })).toThrow(/regions must name at least one Region, got \[\]/);
    expect(() => synth({ regions: ['Ireland'] })).toThrow(/regions must hold Region names such as eu-west-1, got "Ireland"/);
  });
});
