import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { SecurityAlerts } from '../../../constructs/detection/security-alerts';
import { testStack } from '../../util/stack';

const EMAIL = 'secops@example.com';

describe('SecurityAlerts', () => {
  test('defaults: a CMK-encrypted topic with SSL-only publishing and one email subscription', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::SNS::Subscription', 1);
    t.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 0);
    t.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Security alerts',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] },
    });
    t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/alerts' });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: EMAIL });
  });

  test('the key admits CloudWatch only for this account, and only to publish', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
          }),
        ]),
      },
    });
  });

  test('the key admits EventBridge to publish with no aws:SourceAccount/aws:SourceArn, which SNS does not support for EventBridge', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // THEN: exactly one EventBridge statement, publish-only, and no condition at all (a source
    // condition here makes every EventBridge delivery fail without an error).
    const key = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0];
    const events = key.Properties.KeyPolicy.Statement.filter(
      (s: { Principal?: { Service?: string } }) => s.Principal?.Service === 'events.amazonaws.com',
    );
    expect(events).toEqual([
      { Sid: 'AllowEventBridgeToPublishEncryptedAlerts', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    ]);
  });

  test('the topic policy denies non-TLS publishing and admits only this account\'s rules and alarms', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // THEN
    const topicRef = { Ref: Match.stringLikeRegexp('^AlertsTopic') };
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Principal: '*',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: topicRef,
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:events:eu-west-1:111122223333:rule/*' },
            },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: topicRef,
            Condition: {
              StringEquals: { 'aws:SourceAccount': '111122223333' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*' },
            },
          }),
        ],
      },
    });
  });

  test('all props: several emails, a Slack channel with a read-only guardrail, names and data class', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    const alerts = new SecurityAlerts(stack, 'Alerts', {
      emails: [EMAIL, 'oncall@example.com'],
      slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD', configurationName: 'security-alerts' },
      topicName: 'security-alerts',
      displayName: 'ACME security',
      dataClass: 'security-alerts',
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SNS::Subscription', 2);
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'security-alerts', DisplayName: 'ACME security' });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/baseline/security-alerts' });
    t.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      ConfigurationName: 'security-alerts',
      SlackWorkspaceId: 'T0123ABCD',
      SlackChannelId: 'C0123ABCD',
      SnsTopicArns: [{ Ref: Match.stringLikeRegexp('^AlertsTopic') }],
      GuardrailPolicies: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/CloudWatchReadOnlyAccess']] },
      ],
      LoggingLevel: 'NONE',
      UserRoleRequired: false,
    });
    // The channel role can do nothing: no managed or inline policy.
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })],
      }),
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    t.resourceCountIs('AWS::IAM::Policy', 0);
    expect(alerts.slackChannel).toBeDefined();
  });

  test('addEventRoute() routes matching events to the topic with the given message and no extra grant', () => {
    // GIVEN
    const { stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // WHEN
    const rule = alerts.addEventRoute('GuardDutyFindings', {
      eventPattern: { source: ['aws.guardduty'], detailType: ['GuardDuty Finding'] },
      message: events.RuleTargetInput.fromText(`GuardDuty: ${events.EventField.fromPath('$.detail.title')}`),
      description: 'GuardDuty findings to the alert topic',
    });
    // THEN
    const t = Template.fromStack(stack);
    expect(rule).toBeInstanceOf(events.Rule);
    t.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED',
      Description: 'GuardDuty findings to the alert topic',
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] },
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') },
          InputTransformer: Match.objectLike({ InputPathsMap: { 'detail-title': '$.detail.title' } }),
        }),
      ],
    });
    // The topic policy keeps its three scoped statements: the route adds no unconditioned grant.
    const policies = t.findResources('AWS::SNS::TopicPolicy');
    const [policy] = Object.values(policies) as any[];
    expect(policy.Properties.PolicyDocument.Statement).toHaveLength(3);
  });

  test('fails when an alert email is not an email', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN / THEN
    expect(() => new SecurityAlerts(stack, 'Alerts', { emails: ['secops at example'] })).toThrow(
      /SecurityAlerts\.InvalidProps[\s\S]*emails must contain email addresses, got "secops at example"; use an address such as "secops@example.com"/,
    );
  });

  test('fails when an email is listed twice', () => {
    const { stack } = testStack();
    expect(() => new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL, 'SecOps@example.com'] })).toThrow(
      /emails lists "SecOps@example.com" twice/,
    );
  });

  test('fails when the Slack workspace id is not a workspace id', () => {
    const { stack } = testStack();
    expect(
      () => new SecurityAlerts(stack, 'Alerts', { slack: { workspaceId: 'acme.slack.com', channelId: 'C0123ABCD' } }),
    ).toThrow(/slack\.workspaceId must be a Slack workspace ID.*got "acme\.slack\.com"/);
  });

  test('fails when the Slack channel id is a channel name', () => {
    const { stack } = testStack();
    expect(() => new SecurityAlerts(stack, 'Alerts', { slack: { workspaceId: 'T0123ABCD', channelId: '#security' } })).toThrow(
      /slack\.channelId must be a Slack channel ID.*got "#security".*not the channel name/,
    );
  });

  test('fails when the Slack configuration name has forbidden characters', () => {
    const { stack } = testStack();
    expect(
      () =>
        new SecurityAlerts(stack, 'Alerts', {
          slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD', configurationName: 'security alerts' },
        }),
    ).toThrow(/slack\.configurationName must be 1-128 letters.*got "security alerts"/);
  });

  test('fails when the topic name has forbidden characters', () => {
    const { stack } = testStack();
    expect(() => new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL], topicName: 'alerts.fifo!' })).toThrow(
      /topicName must be 1-256 letters.*got "alerts\.fifo!"/,
    );
  });

  test('reports every problem at once', () => {
    const { stack } = testStack();
    expect(
      () => new SecurityAlerts(stack, 'Alerts', { emails: ['nope'], slack: { workspaceId: 'x', channelId: '#y' } }),
    ).toThrow(/emails must[\s\S]*slack\.workspaceId[\s\S]*slack\.channelId/);
  });

  test('fails at synth when the topic has no subscriber', () => {
    // GIVEN
    const { app, stack } = testStack();
    // WHEN
    new SecurityAlerts(stack, 'Alerts');
    // THEN
    expect(() => app.synth()).toThrow(/SecurityAlerts\.NoSubscriber[\s\S]*pass emails/);
  });

  test('a Slack channel alone is a subscriber', () => {
    const { app, stack } = testStack();
    new SecurityAlerts(stack, 'Alerts', { slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' } });
    expect(() => app.synth()).not.toThrow();
    // THEN the channel configuration is the topic's only subscriber
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SNS::Subscription', 0);
    t.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { SlackWorkspaceId: 'T0123ABCD', SlackChannelId: 'C0123ABCD', SnsTopicArns: [Match.anyValue()] });
  });

  test('a subscription added to the topic later is a subscriber', () => {
    const { app, stack } = testStack();
    const alerts = new SecurityAlerts(stack, 'Alerts');
    alerts.topic.addSubscription(new subs.UrlSubscription('https://pager.example.com/hook'));
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'https', Endpoint: 'https://pager.example.com/hook' });
  });

  test('pins the logical ids of the topic and its key', () => {
    const { stack } = testStack();
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual(['AlertsTopicCF7C81C9']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['AlertsKey9E1197AF']);
  });

  test('synthesizes the same security settings without feature flags (empty context)', () => {
    // GIVEN
    const { stack } = testStack({ context: 'empty' });
    // WHEN
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL] });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new SecurityAlerts(stack, 'Alerts', { emails: [EMAIL], slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' } });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
