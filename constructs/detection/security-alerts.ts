import { Arn, ArnFormat, Names, Stack, Token } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { DataKey } from '../data/data-key';

/**
 * An AWS Chatbot Slack channel that receives the alerts.
 *
 * The workspace must already be authorized with AWS Chatbot (a one-time step in the Chatbot console).
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/slack-setup.html
 */
export interface SlackChannelOptions {
  /**
   * ID of the Slack workspace authorized with AWS Chatbot, for example `T0123ABCD`.
   */
  readonly workspaceId: string;
  /**
   * ID of the Slack channel, for example `C0123ABCD` (the last part of the channel's link).
   */
  readonly channelId: string;
  /**
   * Name of the Chatbot channel configuration.
   *
   * @default - a name unique to this construct's path
   */
  readonly configurationName?: string;
}

/** Options for `SecurityAlerts.addEventRoute()`. */
export interface EventRouteOptions {
  /**
   * Events to route to the alert topic.
   */
  readonly eventPattern: events.EventPattern;
  /**
   * The message sent to the topic, usually an input transformer that turns the event into a readable
   * sentence.
   *
   * @default - the whole event as JSON
   */
  readonly message?: events.RuleTargetInput;
  /**
   * Description of the rule.
   *
   * @default - no description
   */
  readonly description?: string;
}

export interface SecurityAlertsProps {
  /**
   * Email addresses subscribed to the alert topic. Each recipient must confirm the subscription
   * from the email SNS sends.
   *
   * At least one email or a Slack channel is required, or synth fails: an alarm that notifies a topic
   * nobody reads is no alarm.
   *
   * @default - no email subscriptions
   */
  readonly emails?: string[];
  /**
   * An AWS Chatbot Slack channel subscribed to the alert topic.
   *
   * @default - no Slack channel
   */
  readonly slack?: SlackChannelOptions;
  /**
   * Name of the alert topic.
   *
   * @default - a name CloudFormation generates
   */
  readonly topicName?: string;
  /**
   * Data class of the key that encrypts the topic; it names the key alias
   * (`alias/baseline/<dataClass>`), so a second `SecurityAlerts` in the same account and Region needs
   * its own.
   *
   * @default 'alerts'
   */
  readonly dataClass?: string;
  /**
   * Display name of the alert topic (the sender name of alert emails).
   *
   * @default 'Security alerts'
   */
  readonly displayName?: string;
}

/** Managed policy that caps what anyone can do from the Slack channel: read CloudWatch, nothing else. */
const CHATBOT_GUARDRAIL_POLICY = 'CloudWatchReadOnlyAccess';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An encrypted SNS topic for security alerts, with its subscribers.
 *
 * Default settings:
 * - the topic is encrypted with a `DataKey` (data class `alerts`) whose key policy admits
 *   `cloudwatch.amazonaws.com` only for this account (`aws:SourceAccount`) and `events.amazonaws.com`
 *   without source conditions, which SNS does not support for EventBridge (the topic policy scopes it):
 *   an SNS topic encrypted with a key EventBridge or CloudWatch cannot use silently drops every alert;
 * - the topic policy denies publishing without TLS and lets EventBridge rules and CloudWatch alarms of
 *   this account publish (`aws:SourceAccount` and `aws:SourceArn`);
 * - email subscriptions and an optional AWS Chatbot Slack channel whose role has no permissions and
 *   whose guardrail is `CloudWatchReadOnlyAccess`, so nobody can act on the account from Slack;
 * - synth fails if the topic has no subscriber.
 *
 * Route EventBridge events (GuardDuty, Security Hub, ...) to the topic with `addEventRoute()`; point
 * CloudWatch alarms at `topic`.
 */
export class SecurityAlerts extends Construct {
  /** The alert topic. */
  public readonly topic: sns.Topic;
  /** The key that encrypts the topic. */
  public readonly encryptionKey: kms.IKey;
  /** The `DataKey` behind `encryptionKey`. */
  public readonly dataKey: DataKey;
  /** The Slack channel configuration, when `slack` is set. */
  public readonly slackChannel?: chatbot.SlackChannelConfiguration;

  constructor(scope: Construct, id: string, props: SecurityAlertsProps = {}) {
    super(scope, id);
    validateSecurityAlertsProps(this, props);

    this.dataKey = new DataKey(this, 'Key', { dataClass: props.dataClass ?? 'alerts' });
    this.encryptionKey = this.dataKey.key;
    // EventBridge and CloudWatch publish to an encrypted topic only if they may use its key. The SNS
    // developer guide ("Configure AWS KMS permissions for AWS services", Important note) says that
    // aws:SourceAccount, aws:SourceArn and aws:SourceOrgID in a KMS key policy are not supported for
    // EventBridge-to-encrypted topics: with them every rule's delivery fails, silently
    // (awslabs/landing-zone-accelerator-on-aws#407). So the EventBridge statement carries no source
    // condition; the topic policy below admits only this account's rules. The same page recommends
    // the source conditions for the other services, so CloudWatch keeps aws:SourceAccount.
    // @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
    this.dataKey.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowEventBridgeToPublishEncryptedAlerts',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.dataKey.allowServiceUse({
      service: 'cloudwatch.amazonaws.com',
      sid: 'AllowCloudWatchToPublishEncryptedAlerts',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    });

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: props.displayName ?? 'Security alerts',
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      publishStatement('AllowEventBridgeRulesOfThisAccount', 'events.amazonaws.com', this.topic, {
        service: 'events',
        resource: 'rule',
        resourceName: '*',
      }),
    );
    this.topic.addToResourcePolicy(
      publishStatement('AllowCloudWatchAlarmsOfThisAccount', 'cloudwatch.amazonaws.com', this.topic, {
        service: 'cloudwatch',
        resource: 'alarm',
        resourceName: '*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    );

    for (const email of props.emails ?? []) {
      this.topic.addSubscription(new subs.EmailSubscription(email));
    }

    if (props.slack) {
      this.slackChannel = new chatbot.SlackChannelConfiguration(this, 'SlackChannel', {
        slackChannelConfigurationName:
          props.slack.configurationName ?? Names.uniqueResourceName(this, { maxLength: 128, separator: '-' }),
        slackWorkspaceId: props.slack.workspaceId,
        slackChannelId: props.slack.channelId,
        notificationTopics: [this.topic],
        // Explicit, so the CDK default (AdministratorAccess) never applies: the channel only reads.
        guardrailPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(CHATBOT_GUARDRAIL_POLICY)],
        loggingLevel: chatbot.LoggingLevel.NONE,
        userRoleRequired: false,
      });
    }

    this.node.addValidation({ validate: () => this.validateHasSubscriber() });
  }

  /**
   * Route EventBridge events that match `eventPattern` to the alert topic.
   *
   * The topic policy already admits this account's EventBridge rules, so the route adds no
   * permissions of its own.
   */
  public addEventRoute(id: string, options: EventRouteOptions): events.Rule {
    const rule = new events.Rule(this, id, {
      eventPattern: options.eventPattern,
      description: options.description,
      enabled: true,
    });
    const topic = this.topic;
    rule.addTarget({
      bind: () => ({ arn: topic.topicArn, input: options.message, targetResource: topic }),
    });
    return rule;
  }

  private validateHasSubscriber(): string[] {
    // "Must have happened by synth": thrown as a BaselineValidationError like every other check.
    const subscriptions = this.topic.node.findAll().filter((c) => c instanceof sns.Subscription).length;
    if (subscriptions === 0 && !this.slackChannel) {
      throwIfProblems('SecurityAlerts.NoSubscriber', this, [
        `the alert topic ${this.topic.node.path} has no subscriber, so alarms would notify nobody; ` +
          'pass emails: [...] or slack: { workspaceId, channelId }, or add a subscription with topic.addSubscription()',
      ]);
    }
    return [];
  }
}

function publishStatement(
  sid: string,
  service: string,
  topic: sns.ITopic,
  source: { service: string; resource: string; resourceName: string; arnFormat?: ArnFormat },
): iam.PolicyStatement {
  const stack = Stack.of(topic);
  return new iam.PolicyStatement({
    sid,
    principals: [new iam.ServicePrincipal(service)],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': Arn.format(source, stack) },
    },
  });
}

function validateSecurityAlertsProps(scope: Construct, props: SecurityAlertsProps): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const email of props.emails ?? []) {
    if (Token.isUnresolved(email)) continue;
    if (!EMAIL.test(email)) {
      problems.push(
        `emails must contain email addresses, got ${JSON.stringify(email)}; use an address such as "secops@example.com"`,
      );
    } else if (seen.has(email.toLowerCase())) {
      problems.push(`emails lists ${JSON.stringify(email)} twice; list each address once`);
    }
    seen.add(email.toLowerCase());
  }
  if (props.slack) {
    const { workspaceId, channelId, configurationName } = props.slack;
    if (!Token.isUnresolved(workspaceId) && !/^[0-9A-Z]{1,255}$/.test(workspaceId)) {
      problems.push(
        `slack.workspaceId must be a Slack workspace ID (uppercase letters and digits), got ${JSON.stringify(workspaceId)}; ` +
          'copy it from the AWS Chatbot console after authorizing the workspace, for example "T0123ABCD"',
      );
    }
    if (!Token.isUnresolved(channelId) && !/^[A-Za-z0-9]{1,256}$/.test(channelId)) {
      problems.push(
        `slack.channelId must be a Slack channel ID (letters and digits), got ${JSON.stringify(channelId)}; ` +
          'use the last part of the channel link, for example "C0123ABCD", not the channel name',
      );
    }
    if (
      configurationName !== undefined &&
      !Token.isUnresolved(configurationName) &&
      !/^[A-Za-z0-9-_]{1,128}$/.test(configurationName)
    ) {
      problems.push(
        `slack.configurationName must be 1-128 letters, digits, '-' or '_', got ${JSON.stringify(configurationName)}`,
      );
    }
  }
  if (props.topicName !== undefined && !Token.isUnresolved(props.topicName) && !/^[A-Za-z0-9_-]{1,256}$/.test(props.topicName)) {
    problems.push(`topicName must be 1-256 letters, digits, '-' or '_', got ${JSON.stringify(props.topicName)}`);
  }
  throwIfProblems('SecurityAlerts.InvalidProps', scope, problems);
}
