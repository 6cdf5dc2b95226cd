import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { warnWeakening, WEAKENINGS } from '../private/weakenings';
import { CIS_ALARM_DEFINITIONS, CIS_ALARM_IDS, CisAlarmDefinition } from './cis-alarm-definitions';
import { SecurityAlerts } from './security-alerts';

export interface SecurityAlarmsProps {
  /**
   * The CloudWatch Logs log group CloudTrail delivers to, for example `AuditTrail.logGroup`. It must be
   * in this stack's account and Region: metric filters cannot watch a log group elsewhere.
   */
  readonly logGroup: logs.ILogGroup;
  /**
   * Topic every alarm notifies, for example `SecurityAlerts.topic`. CIS and Security Hub expect it to
   * have at least one subscriber, and the alarms carry account activity, so it must be KMS-encrypted.
   *
   * What synth can check:
   *
   * | topic given                          | encrypted?                     | subscribed?                          |
   * |--------------------------------------|--------------------------------|--------------------------------------|
   * | `SecurityAlerts.topic`               | always (its own key)           | `SecurityAlerts` checks it at synth  |
   * | an `sns.Topic` defined in the app    | `masterKey` must be set        | a subscription must exist by synth   |
   * | an imported topic (`fromTopicArn`)   | assumed: its owner encrypts it | assumed: its owner subscribes to it  |
   */
  readonly alertTopic: sns.ITopic;
  /**
   * CloudWatch namespace of the metrics the filters emit.
   *
   * @default 'CISBenchmark'
   */
  readonly metricNamespace?: string;
  /**
   * CIS ids (`'4.1'` ... `'4.15'`) of alarms not to define, for example `['4.15']` in an account that is
   * not an AWS Organizations management account. Each one raises the acknowledgeable warning
   * `cdk-security-baseline:securityAlarms.disabledAlarm`.
   *
   * @default - every alarm is defined
   */
  readonly disabledAlarms?: string[];
  /**
   * Prefix for alarm names. Alarms are named `<prefix>CIS-<id>-<metricName>`, for example
   * `acme-CIS-4.3-RootUserUsage`.
   *
   * @default - names CloudFormation generates (the alarm description carries the CIS id)
   */
  readonly alarmNamePrefix?: string;
}

/**
 * One CIS monitoring control as defined: its definition, metric filter and alarm.
 */
export interface CisAlarm {
  /** The CIS definition (id, title, Security Hub control, filter pattern). */
  readonly definition: CisAlarmDefinition;
  /** The metric filter on the CloudTrail log group. */
  readonly metricFilter: logs.MetricFilter;
  /** The alarm on the filter's metric. */
  readonly alarm: cloudwatch.Alarm;
}

/**
 * CloudWatch metric filters and alarms for every CIS AWS Foundations monitoring control (4.1 to 4.15).
 *
 * Default settings:
 * - one metric filter per control on the CloudTrail log group, with the exact pattern Security Hub's
 *   CloudWatch.1 to CloudWatch.14 prescribe (4.15 uses the CIS v3.0.0 pattern), emitting `1` per match.
 *   Those controls are in Security Hub's CIS v1.2.0 and v1.4.0 standards only, not in the standards
 *   `ThreatDetection` subscribes by default (see `SECURITY_HUB_CLOUDWATCH_CONTROLS_URL` for why this
 *   form);
 * - one alarm per filter: `Sum >= 1` over 5 minutes, one evaluation period, missing data not breaching,
 *   notifying `alertTopic`;
 * - each control can be switched off by id (`disabledAlarms`), with a warning.
 *
 * The definitions are data (`CIS_ALARM_DEFINITIONS`), and the README table is generated from them.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export class SecurityAlarms extends Construct {
  /** Default CloudWatch namespace of the CIS metrics. */
  public static readonly DEFAULT_NAMESPACE = 'CISBenchmark';

  /** The controls defined, in CIS order. */
  public readonly alarms: CisAlarm[];
  /** The CloudWatch namespace of the metrics. */
  public readonly metricNamespace: string;

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    validateSecurityAlarmsProps(this, props);
    // Subscriptions may be added after this constructor runs, so that check waits for synth.
    this.node.addValidation({ validate: () => validateTopicSubscribed(this, props.alertTopic) });

    this.metricNamespace = props.metricNamespace ?? SecurityAlarms.DEFAULT_NAMESPACE;
    const disabled = new Set(props.disabledAlarms ?? []);
    if (disabled.size > 0) {
      warnWeakening(
        this,
        WEAKENINGS.SECURITY_ALARMS_DISABLED_ALARM,
        `CIS monitoring alarms ${[...disabled].sort(compareIds).join(', ')} are switched off (disabledAlarms); ` +
          'the activity they watch goes unnoticed and the matching CIS 4.x recommendations are not met ' +
          "(and Security Hub's CloudWatch.x controls fail where its CIS v1.2.0 or v1.4.0 standard is subscribed)",
      );
    }

    const action = new cwActions.SnsAction(props.alertTopic);
    this.alarms = [];
    for (const definition of CIS_ALARM_DEFINITIONS) {
      if (disabled.has(definition.id)) continue;
      const control = new Construct(this, definition.metricName);
      const metricFilter = new logs.MetricFilter(control, 'Filter', {
        logGroup: props.logGroup,
        filterPattern: logs.FilterPattern.literal(definition.filterPattern),
        metricNamespace: this.metricNamespace,
        metricName: definition.metricName,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(control, 'Alarm', {
        alarmName: props.alarmNamePrefix !== undefined ? `${props.alarmNamePrefix}CIS-${definition.id}-${definition.metricName}` : undefined,
        alarmDescription: alarmDescription(definition),
        metric: metricFilter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        actionsEnabled: true,
      });
      alarm.addAlarmAction(action);
      this.alarms.push({ definition, metricFilter, alarm });
    }
  }

  /** The alarm defined for a CIS id (`'4.3'`), or `undefined` when it is disabled. */
  public alarmFor(cisId: string): cloudwatch.Alarm | undefined {
    return this.alarms.find((a) => a.definition.id === cisId)?.alarm;
  }
}

function alarmDescription(d: CisAlarmDefinition): string {
  const hub = d.securityHubControl ? ` (Security Hub ${d.securityHubControl})` : '';
  return `CIS AWS Foundations ${d.id}${hub}: ${d.title}. A CloudTrail event matched the CIS metric filter; investigate who made the call and why.`;
}

function compareIds(a: string, b: string): number {
  return CIS_ALARM_IDS.indexOf(a) - CIS_ALARM_IDS.indexOf(b);
}

function validateSecurityAlarmsProps(scope: Construct, props: SecurityAlarmsProps): void {
  const problems: string[] = [];
  const stack = Stack.of(scope);

  const unknown = (props.disabledAlarms ?? []).filter((id) => !Token.isUnresolved(id) && !CIS_ALARM_IDS.includes(id));
  if (unknown.length > 0) {
    problems.push(
      `disabledAlarms must contain CIS alarm ids, got unknown ${JSON.stringify(unknown)}; ` +
        `use ids from ${CIS_ALARM_IDS.join(', ')}`,
    );
  }

  // A metric filter must sit in the log group's own account and Region. An imported log group carries
  // its env (from its ARN); a log group from another Region would make CloudFormation fail at deploy.
  const { region, account } = props.logGroup.env;
  if (!Token.isUnresolved(region) && !Token.isUnresolved(stack.region) && region !== stack.region) {
    problems.push(
      `logGroup must be in this stack's Region (${stack.region}), got a log group in ${JSON.stringify(region)}; ` +
        'define SecurityAlarms in a stack in the log group\'s Region, or deliver the trail to a log group in this Region',
    );
  }
  if (!Token.isUnresolved(account) && !Token.isUnresolved(stack.account) && account !== stack.account) {
    problems.push(
      `logGroup must be in this stack's account (${stack.account}), got a log group in account ${JSON.stringify(account)}; ` +
        'define SecurityAlarms in a stack deployed to the account that owns the log group',
    );
  }

  if (props.metricNamespace !== undefined && !Token.isUnresolved(props.metricNamespace)) {
    const ns = props.metricNamespace;
    if (ns.length < 1 || ns.length > 255 || ns.startsWith('AWS/') || ns.includes(':') || !/^[\x20-\x7e]+$/.test(ns)) {
      problems.push(
        `metricNamespace must be 1-255 printable ASCII characters without ':' and must not start with 'AWS/' (reserved), got ${JSON.stringify(ns)}; ` +
          `use a name such as '${SecurityAlarms.DEFAULT_NAMESPACE}'`,
      );
    }
  }

  // An imported topic (not an sns.Topic) cannot be inspected: its owner is assumed to encrypt it.
  if (props.alertTopic instanceof sns.Topic && !isSecurityAlertsTopic(props.alertTopic) && !props.alertTopic.masterKey) {
    problems.push(
      `alertTopic ${props.alertTopic.node.path} is not KMS-encrypted, and the alarms it carries describe account activity; ` +
        'pass SecurityAlerts.topic, or define the topic with masterKey: a customer-managed kms.Key',
    );
  }

  if (props.alarmNamePrefix !== undefined && !Token.isUnresolved(props.alarmNamePrefix) && !/^[\x20-\x7e]{0,200}$/.test(props.alarmNamePrefix)) {
    problems.push(
      `alarmNamePrefix must be at most 200 printable ASCII characters, got ${JSON.stringify(props.alarmNamePrefix)}`,
    );
  }
  throwIfProblems('SecurityAlarms.InvalidProps', scope, problems);
}

function isSecurityAlertsTopic(topic: sns.ITopic): boolean {
  return topic.node.scope instanceof SecurityAlerts;
}

/** Throws (at synth) when an in-app topic that is not SecurityAlerts' own has no subscription. */
function validateTopicSubscribed(scope: Construct, topic: sns.ITopic): string[] {
  // SecurityAlerts checks its own topic (emails or Slack); imported topics are assumed subscribed.
  if (!(topic instanceof sns.Topic) || isSecurityAlertsTopic(topic)) return [];
  const subscribed = topic.node.findAll().some((c) => c instanceof sns.Subscription);
  throwIfProblems('SecurityAlarms.InvalidProps', scope, subscribed ? [] : [
    `alertTopic ${topic.node.path} has no subscriber, so the CIS alarms would notify nobody; ` +
      'pass SecurityAlerts.topic, or add a subscription with topic.addSubscription() before synth',
  ]);
  return [];
}
