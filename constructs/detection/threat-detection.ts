import { Aws, CfnCondition, CustomResource, Fn, Stack, Token } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { throwIfProblems } from '../../lib/errors';
import { oneOf } from '../../lib/validation';
import { checkDataClass, nameKeyAliasSource } from '../data/private/key-naming';
import { SecureBucket } from '../data/secure-bucket';
import { Weakening, warnWeakening, WEAKENINGS } from '../private/weakenings';
import { defineConfigRecorder } from './config-recorder';
import {
  CONSOLE_HOST_PLACEHOLDER,
  FindingMessageTemplate,
  GUARDDUTY_FINDING_MESSAGE,
  SECURITY_HUB_FINDING_MESSAGE,
} from './finding-messages';
import {
  defineDetector, detectorArn, exportFindings, FindingPublishingFrequency, GUARDDUTY_SEVERITY_HIGH, GUARDDUTY_SEVERITY_MAX, GUARDDUTY_SEVERITY_MIN,
  GuardDutyFeature,
} from './guardduty';
import { enableInspector, InspectorResourceType } from './inspector';
import { defineSecurityHub, SECURITY_HUB_SEVERITIES, SecurityHubSeverity, SecurityHubStandard, severitiesFrom } from './security-hub';

export type { FindingMessageField, FindingMessageTemplate } from './finding-messages';
export {
  CONSOLE_HOST_PLACEHOLDER,
  GUARDDUTY_FINDING_MESSAGE,
  SECURITY_HUB_FINDING_MESSAGE,
  renderFindingMessage,
  valueAtPath,
} from './finding-messages';
export { FindingPublishingFrequency, GUARDDUTY_SEVERITY_HIGH, GUARDDUTY_SEVERITY_MAX, GUARDDUTY_SEVERITY_MIN, GuardDutyFeature } from './guardduty';
export { InspectorResourceType } from './inspector';
export { DEFAULT_SECURITY_HUB_STANDARDS, SecurityHubSeverity, SecurityHubStandard } from './security-hub';

export interface ThreatDetectionProps {
  /**
   * Topic that receives a readable alert for each finding at or above the thresholds (usually
   * `SecurityAlerts.topic`). A topic defined in the same stack gets a policy statement that admits
   * exactly the two alert rules; any other topic's policy must admit this account's EventBridge
   * rules. If the topic is encrypted, its key must let `events.amazonaws.com` use it, without
   * `aws:SourceAccount`/`aws:SourceArn` conditions, which SNS does not support for EventBridge
   * (SecurityAlerts does both).
   */
  readonly alertTopic: sns.ITopic;

  /**
   * Turn GuardDuty on in this account and Region. `false` emits the warning
   * `cdk-security-baseline:threatDetection.guardDutyDisabled`.
   *
   * @default true
   */
  readonly guardDuty?: boolean;
  /**
   * Id of a GuardDuty detector that already exists in this account and Region (32 lowercase hex
   * characters). No detector is defined; findings of the given detector are exported and alerted.
   * Its protection plans are not changed: set them where the detector is managed.
   *
   * @default - a new detector with every protection plan
   */
  readonly existingDetectorId?: string;
  /**
   * Protection plans to turn off on the new detector. Emits the warning
   * `cdk-security-baseline:threatDetection.guardDutyFeaturesDisabled`.
   *
   * @default - none: every protection plan is on
   */
  readonly disabledGuardDutyFeatures?: GuardDutyFeature[];
  /**
   * How often the new detector publishes updates to existing findings. Slower than 15 minutes
   * emits the warning `cdk-security-baseline:threatDetection.slowFindingPublishing`.
   *
   * @default FindingPublishingFrequency.FIFTEEN_MINUTES
   */
  readonly findingPublishingFrequency?: FindingPublishingFrequency;
  /**
   * Export GuardDuty findings to a KMS-encrypted bucket (kept beyond GuardDuty's 90 days). A detector
   * has at most one publishing destination, so turn this off for an existing detector that already
   * exports. `false` emits the warning `cdk-security-baseline:threatDetection.findingsNotExported`.
   *
   * @default true
   */
  readonly exportFindings?: boolean;
  /**
   * Lowest GuardDuty severity that raises an alert, from 1.0 to 10.0 (Low 1.0, Medium 4.0, High
   * 7.0, Critical 9.0). Above 7.0 silences High findings and emits the warning
   * `cdk-security-baseline:threatDetection.highFindingsNotAlerted`.
   *
   * @default 4.0 - Medium, High and Critical findings
   */
  readonly minimumSeverity?: number;

  /**
   * Turn Security Hub on. `false` emits the warning
   * `cdk-security-baseline:threatDetection.securityHubDisabled`.
   *
   * @default true
   */
  readonly securityHub?: boolean;
  /**
   * Security Hub is already enabled in this account and Region: no hub is defined, but the standards
   * are still subscribed and control findings still alerted.
   *
   * @default false - a hub is defined
   */
  readonly existingSecurityHub?: boolean;
  /**
   * Standards to subscribe to. An empty list emits the warning
   * `cdk-security-baseline:threatDetection.noSecurityHubStandards`.
   *
   * @default - AWS Foundational Security Best Practices, CIS AWS Foundations v3.0.0, NIST SP 800-53
   * Rev. 5 and PCI DSS v4.0.1
   */
  readonly securityHubStandards?: SecurityHubStandard[];
  /**
   * Lowest severity of a failed Security Hub control finding that raises an alert. `CRITICAL`
   * silences High findings and emits the warning
   * `cdk-security-baseline:threatDetection.highControlFindingsNotAlerted`.
   *
   * @default SecurityHubSeverity.HIGH
   */
  readonly securityHubMinimumSeverity?: SecurityHubSeverity;

  /**
   * Turn on an AWS Config recorder for every resource type, global ones included. `false` emits the
   * warning `cdk-security-baseline:threatDetection.configDisabled`.
   *
   * @default true
   */
  readonly configRecorder?: boolean;
  /**
   * An AWS Config recorder already exists in this account and Region (a Region has at most one
   * customer-managed recorder): no recorder, delivery channel or bucket is defined.
   *
   * @default false - a recorder is defined
   */
  readonly existingConfigRecorder?: boolean;
  /**
   * The account already has AWS Config's service-linked role `AWSServiceRoleForConfig`, or another
   * stack defines it (the home Region's, in a multi-Region deployment). The recorder records with it
   * either way; `true` only stops this construct from defining it.
   *
   * The role is account-global and CloudFormation cannot adopt it: `AWS::IAM::ServiceLinkedRole`
   * fails with "Service role name AWSServiceRoleForConfig has been taken in this account" when it
   * already exists (for example after AWS Config or Security Hub was set up in the console, or after
   * a stack that defined it was deleted, since it is retained). Check with
   * `aws iam get-role --role-name AWSServiceRoleForConfig`.
   *
   * @default false - an `AWS::IAM::ServiceLinkedRole` for `config.amazonaws.com` is defined
   */
  readonly existingConfigServiceLinkedRole?: boolean;
  /**
   * Record the global IAM resource types (users, groups, roles, customer-managed policies). Record
   * them in one Region per account only (the home Region): recorded in several Regions, every change
   * is recorded once per Region.
   *
   * @default true
   */
  readonly recordGlobalResourceTypes?: boolean;
  /**
   * Prefix of the data classes (and so of the key aliases, `alias/baseline/<prefix><dataClass>`) of
   * the keys this construct defines, for a second `ThreatDetection` in one account and Region.
   *
   * @default - no prefix: `guardduty-findings`, `config-history`, `inspector-enablement-logs`
   */
  readonly dataClassPrefix?: string;

  /**
   * Turn on Amazon Inspector scanning through a custom resource (CloudFormation has no resource for
   * it). Inspector stays on when the stack is deleted.
   *
   * @default false
   */
  readonly inspector?: boolean;
  /**
   * Resource types Inspector scans.
   *
   * @default - EC2, ECR, LAMBDA and LAMBDA_CODE
   */
  readonly inspectorResourceTypes?: InspectorResourceType[];

  /**
   * Bucket that receives the server access logs of the findings and Config buckets.
   *
   * @default - one hardened access-log bucket, defined by the first `SecureBucket`
   */
  readonly accessLogsBucket?: s3.IBucket;
}

const DETECTOR_ID = /^[0-9a-f]{32}$/;
const STANDARD_PATH = /^[a-z0-9-]+\/v\/\d+\.\d+\.\d+$/;
const CONSTRUCT_ID = /^[A-Z][A-Za-z0-9]{0,63}$/;
const CONSOLE_HOSTS: Record<string, string> = {
  'aws': 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/**
 * Threat detection for one account and Region: GuardDuty with every protection plan, Security Hub
 * with chosen standards, an AWS Config recorder and, optionally, Amazon Inspector; findings that
 * matter reach a person as a readable message.
 *
 * Default settings:
 * - a GuardDuty detector with every protection plan as a detector feature (S3, EKS audit logs, EBS
 *   malware protection, RDS logins, Lambda network activity, Runtime Monitoring with automated agents
 *   for EKS, ECS on Fargate and EC2), publishing every 15 minutes, retained on stack deletion;
 * - GuardDuty findings exported to a versioned `SecureBucket` with its own `DataKey`; the bucket
 *   policy and key policy admit `guardduty.amazonaws.com` only for this account and this detector;
 * - an EventBridge rule sends GuardDuty findings of severity 4.0 (Medium) and above to the alert
 *   topic, and another sends failed Security Hub control findings of severity HIGH and above, each as
 *   a message saying what, how severe, where, which resource, and a console link;
 * - Security Hub with consolidated control findings, new controls enabled automatically, and the
 *   FSBP, CIS v3.0.0, NIST 800-53 Rev. 5 and PCI DSS v4.0.1 standards (CIS 4.16);
 * - an AWS Config recorder for all resource types (global IAM types too, unless
 *   `recordGlobalResourceTypes: false`), recording continuously with the service-linked role
 *   `AWSServiceRoleForConfig` (defined here unless `existingConfigServiceLinkedRole`), delivering to a
 *   `SecureBucket` encrypted with its own `DataKey` (Security Hub Config.1, CIS 3.3);
 * - Inspector off by default (it is billed per resource scanned); `inspector: true` enables it with a
 *   least-privilege custom resource.
 *
 * Decision table for each service:
 *
 * | service switch | existing...            | result                                                 |
 * |----------------|------------------------|--------------------------------------------------------|
 * | true (default) | not given              | service defined here, findings exported and alerted    |
 * | true (default) | given                  | nothing defined for the service; its findings alerted  |
 * | false          | not given              | nothing defined, no alerts, warning                    |
 * | false          | given                  | error: contradictory                                   |
 *
 * Deploy it once per account and Region (GuardDuty, Security Hub and Config are regional; CIS 3.3
 * expects Config in every Region).
 */
export class ThreatDetection extends Construct {
  /** The detector we defined (absent when an existing detector was given or GuardDuty is off). */
  public readonly detector?: guardduty.CfnDetector;
  /** Id of the detector whose findings are exported and alerted. */
  public readonly detectorId?: string;
  /** Bucket that receives exported GuardDuty findings. */
  public readonly findingsBucket?: SecureBucket;
  /** The GuardDuty publishing destination. */
  public readonly publishingDestination?: guardduty.CfnPublishingDestination;
  /** Rule that sends GuardDuty findings to the alert topic. */
  public readonly guardDutyAlertRule?: events.Rule;
  /** The Security Hub we defined (absent when it already existed or Security Hub is off). */
  public readonly hub?: securityhub.CfnHub;
  /** One subscription per standard. */
  public readonly standards: securityhub.CfnStandard[] = [];
  /** Rule that sends failed Security Hub control findings to the alert topic. */
  public readonly securityHubAlertRule?: events.Rule;
  /** Bucket that receives AWS Config history and snapshots. */
  public readonly configBucket?: SecureBucket;
  /**
   * ARN of the role AWS Config records with: always the service-linked role `AWSServiceRoleForConfig`,
   * which Security Hub's Config.1 (CIS AWS Foundations v3.0.0 3.3) expects.
   */
  public readonly configRoleArn?: string;
  /** The service-linked role of AWS Config, when this construct defines it. */
  public readonly configServiceLinkedRole?: iam.CfnServiceLinkedRole;
  /** The configuration recorder. */
  public readonly configRecorder?: config.CfnConfigurationRecorder;
  /** The delivery channel of the recorder. */
  public readonly deliveryChannel?: config.CfnDeliveryChannel;
  /** The Lambda function that enables Inspector. */
  public readonly inspectorHandler?: lambda.Function;
  /** The custom resource that enables Inspector. */
  public readonly inspectorEnablement?: CustomResource;

  private consoleHostValue?: string;

  constructor(scope: Construct, id: string, props: ThreatDetectionProps) {
    super(scope, id);
    validateThreatDetectionProps(this, props);
    nameKeyAliasSource(this, {
      prop: 'dataClassPrefix',
      value: props.dataClassPrefix,
      fix: "give each ThreatDetection in one account and Region its own dataClassPrefix (for example dataClassPrefix: 'second-')",
    });
    this.warnAboutWeakenings(props);

    if (props.guardDuty ?? true) {
      let detectorId = props.existingDetectorId;
      if (detectorId === undefined) {
        this.detector = defineDetector(this, props);
        detectorId = this.detector.ref;
      }
      this.detectorId = detectorId;
      if (props.exportFindings ?? true) {
        const findingsExport = exportFindings(this, detectorId, props);
        this.findingsBucket = findingsExport.bucket;
        this.publishingDestination = findingsExport.destination;
      }
      this.guardDutyAlertRule = this.alertRule('GuardDutyAlerts', props.alertTopic, GUARDDUTY_FINDING_MESSAGE, {
        source: ['aws.guardduty'],
        detailType: ['GuardDuty Finding'],
        detail: { severity: [{ numeric: ['>=', props.minimumSeverity ?? 4.0] }] },
      }, 'GuardDuty findings at or above the chosen severity, as a readable message');
    }

    if (props.securityHub ?? true) {
      const securityHub = defineSecurityHub(this, props);
      this.hub = securityHub.hub;
      this.standards.push(...securityHub.standards);
      this.securityHubAlertRule = this.alertRule('SecurityHubAlerts', props.alertTopic, SECURITY_HUB_FINDING_MESSAGE, {
        source: ['aws.securityhub'],
        detailType: ['Security Hub Findings - Imported'],
        detail: {
          findings: {
            Compliance: { Status: ['FAILED'] },
            Severity: { Label: severitiesFrom(props.securityHubMinimumSeverity ?? SecurityHubSeverity.HIGH) },
            Workflow: { Status: ['NEW'] },
            RecordState: ['ACTIVE'],
          },
        },
      }, 'new failed Security Hub control findings at or above the chosen severity, as a readable message');
      if (this.hub) this.securityHubAlertRule.node.addDependency(this.hub);
    }

    if ((props.configRecorder ?? true) && !props.existingConfigRecorder) {
      const recording = defineConfigRecorder(this, {
        ...props,
        accessLogsBucket: props.accessLogsBucket ?? this.findingsBucket?.accessLogsBucket,
      });
      this.configBucket = recording.bucket;
      this.configRoleArn = recording.roleArn;
      this.configServiceLinkedRole = recording.serviceLinkedRole;
      this.configRecorder = recording.recorder;
      this.deliveryChannel = recording.channel;
    }

    if (props.inspector) {
      const inspector = enableInspector(this, props);
      this.inspectorHandler = inspector.handler;
      this.inspectorEnablement = inspector.enablement;
    }
  }

  /** ARN of the detector whose findings are exported. */
  public get detectorArn(): string | undefined {
    if (!this.detectorId) return undefined;
    return detectorArn(this, this.detectorId);
  }

  private alertRule(
    id: string,
    topic: sns.ITopic,
    template: FindingMessageTemplate,
    eventPattern: events.EventPattern,
    description: string,
  ): events.Rule {
    const rule = new events.Rule(this, id, { description: `Sends ${description} (cdk-security-baseline)`, eventPattern });
    const input = new TemplateInput(template, this.consoleHost());
    // Bound directly rather than with targets.SnsTopic, which would grant every EventBridge rule of
    // every account sns:Publish on the topic.
    rule.addTarget({ bind: () => ({ arn: topic.topicArn, input, targetResource: topic }) });
    // Admit exactly this rule. A topic from another stack (or imported) keeps its own policy, which
    // must admit this account's EventBridge rules (SecurityAlerts' topic does).
    if (Stack.of(topic) === Stack.of(this)) {
      topic.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `AllowThreatDetection${id}`,
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account, 'aws:SourceArn': rule.ruleArn } },
        }),
      );
    }
    return rule;
  }

  /** Console host of the stack's partition, known at synth when the Region is, else chosen by CloudFormation. */
  private consoleHost(): string {
    if (this.consoleHostValue) return this.consoleHostValue;
    const stack = Stack.of(this);
    const partition = Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).partition;
    if (partition && CONSOLE_HOSTS[partition]) {
      this.consoleHostValue = CONSOLE_HOSTS[partition];
    } else {
      const china = new CfnCondition(this, 'IsChinaPartition', { expression: Fn.conditionEquals(Aws.PARTITION, 'aws-cn') });
      const gov = new CfnCondition(this, 'IsGovCloudPartition', { expression: Fn.conditionEquals(Aws.PARTITION, 'aws-us-gov') });
      this.consoleHostValue = Token.asString(
        Fn.conditionIf(china.logicalId, CONSOLE_HOSTS['aws-cn'], Fn.conditionIf(gov.logicalId, CONSOLE_HOSTS['aws-us-gov'], CONSOLE_HOSTS.aws)),
      );
    }
    return this.consoleHostValue;
  }

  private warnAboutWeakenings(props: ThreatDetectionProps): void {
    const warn = (weakening: Weakening, message: string) => warnWeakening(this, weakening, message);
    if (props.guardDuty === false) {
      warn(WEAKENINGS.THREAT_DETECTION_GUARDDUTY_DISABLED, 'guardDuty is false: no threat detection for this account and Region (NIST SI-4, PCI DSS 11.5)');
    }
    if ((props.disabledGuardDutyFeatures ?? []).length > 0) {
      warn(
        WEAKENINGS.THREAT_DETECTION_GUARDDUTY_FEATURES_DISABLED,
        `disabledGuardDutyFeatures turns off ${JSON.stringify(props.disabledGuardDutyFeatures)}: threats to those resources go unseen`,
      );
    }
    if (props.findingPublishingFrequency && props.findingPublishingFrequency !== FindingPublishingFrequency.FIFTEEN_MINUTES) {
      warn(
        WEAKENINGS.THREAT_DETECTION_SLOW_FINDING_PUBLISHING,
        `findingPublishingFrequency is ${props.findingPublishingFrequency}: repeated activity on an open finding reaches alerts and the export up to that much later`,
      );
    }
    if (props.exportFindings === false && props.guardDuty !== false) {
      warn(WEAKENINGS.THREAT_DETECTION_FINDINGS_NOT_EXPORTED, 'exportFindings is false: GuardDuty keeps findings for 90 days only, shorter than most audit retention');
    }
    if (props.minimumSeverity !== undefined && !Token.isUnresolved(props.minimumSeverity) && props.minimumSeverity > GUARDDUTY_SEVERITY_HIGH) {
      warn(WEAKENINGS.THREAT_DETECTION_HIGH_FINDINGS_NOT_ALERTED, `minimumSeverity is ${props.minimumSeverity}: High GuardDuty findings (7.0-8.9) raise no alert`);
    }
    if (props.securityHub === false) {
      warn(WEAKENINGS.THREAT_DETECTION_SECURITY_HUB_DISABLED, 'securityHub is false: no control findings for the account (CIS 4.16)');
    }
    if (props.securityHubStandards && props.securityHubStandards.length === 0 && props.securityHub !== false) {
      warn(WEAKENINGS.THREAT_DETECTION_NO_SECURITY_HUB_STANDARDS, 'securityHubStandards is empty: Security Hub runs no controls');
    }
    if (props.securityHubMinimumSeverity === SecurityHubSeverity.CRITICAL) {
      warn(WEAKENINGS.THREAT_DETECTION_HIGH_CONTROL_FINDINGS_NOT_ALERTED, 'securityHubMinimumSeverity is CRITICAL: failed HIGH controls raise no alert');
    }
    if (props.configRecorder === false) {
      warn(WEAKENINGS.THREAT_DETECTION_CONFIG_DISABLED, 'configRecorder is false: no configuration history and no Security Hub controls that need AWS Config (CIS 3.3)');
    }
  }
}

/**
 * The input transformer built from a `FindingMessageTemplate`: the template's placeholder names are
 * kept, so the synthesized `InputPathsMap` matches the template data the tests check.
 */
class TemplateInput extends events.RuleTargetInput {
  constructor(
    private readonly template: FindingMessageTemplate,
    private readonly consoleHost: string,
  ) {
    super();
  }

  public bind(rule: events.IRule): events.RuleTargetInputProperties {
    const stack = Stack.of(rule);
    const inputTemplate = this.template.lines
      .map((line) => stack.toJsonString(line.split(CONSOLE_HOST_PLACEHOLDER).join(this.consoleHost)))
      .join('\n');
    return {
      inputTemplate,
      inputPathsMap: Object.fromEntries(this.template.fields.map((f) => [f.name, f.path])),
    };
  }
}

function validateThreatDetectionProps(scope: Construct, props: ThreatDetectionProps): void {
  const problems: string[] = [];
  checkDataClass('dataClassPrefix', props.dataClassPrefix, problems, 'inspector-enablement-logs');
  if (!props || !props.alertTopic) {
    problems.push('alertTopic is required: pass the sns.ITopic that should receive findings (for example SecurityAlerts.topic)');
  }
  props = props ?? ({} as ThreatDetectionProps);
  const guardDutyOn = props.guardDuty ?? true;
  const severity = props.minimumSeverity;
  if (severity !== undefined && !Token.isUnresolved(severity)) {
    if (!Number.isFinite(severity) || severity < GUARDDUTY_SEVERITY_MIN || severity > GUARDDUTY_SEVERITY_MAX) {
      problems.push(
        `minimumSeverity must be a GuardDuty severity from ${GUARDDUTY_SEVERITY_MIN.toFixed(1)} to ${GUARDDUTY_SEVERITY_MAX.toFixed(1)}, got ${Number.isFinite(severity) ? JSON.stringify(severity) : String(severity)}; ` +
          'use 1.0 (Low and above), 4.0 (Medium and above), 7.0 (High and above) or 9.0 (Critical only)',
      );
    }
  }
  if (props.existingDetectorId !== undefined && !Token.isUnresolved(props.existingDetectorId) && !DETECTOR_ID.test(props.existingDetectorId)) {
    problems.push(
      `existingDetectorId must be a GuardDuty detector id (32 lowercase hexadecimal characters), got ${JSON.stringify(props.existingDetectorId)}; ` +
        "find it with 'aws guardduty list-detectors'",
    );
  }
  if (!guardDutyOn) {
    const given = (['existingDetectorId', 'disabledGuardDutyFeatures', 'findingPublishingFrequency', 'exportFindings', 'minimumSeverity'] as const).filter(
      (p) => props[p] !== undefined,
    );
    if (given.length > 0) {
      problems.push(`guardDuty is false, so ${given.join(', ')} would have no effect (got ${JSON.stringify(given)}); remove them or set guardDuty: true`);
    }
  }
  if (props.existingDetectorId !== undefined) {
    const given = (['disabledGuardDutyFeatures', 'findingPublishingFrequency'] as const).filter((p) => props[p] !== undefined);
    if (given.length > 0) {
      problems.push(
        `${given.join(' and ')} configure a detector defined here, but existingDetectorId ${JSON.stringify(props.existingDetectorId)} was given; ` +
          'configure the existing detector where it is managed, or drop existingDetectorId to define one here',
      );
    }
  }
  if (props.securityHub === false) {
    const given = (['existingSecurityHub', 'securityHubStandards', 'securityHubMinimumSeverity'] as const).filter((p) => props[p] !== undefined);
    if (given.length > 0) {
      problems.push(`securityHub is false, so ${given.join(', ')} would have no effect (got ${JSON.stringify(given)}); remove them or set securityHub: true`);
    }
  }
  if (props.securityHubStandards) {
    const ids = props.securityHubStandards.map((s) => s.constructId);
    const duplicates = ids.filter((value, index) => ids.indexOf(value) !== index);
    if (duplicates.length > 0) {
      problems.push(`securityHubStandards lists a standard more than once, got duplicates ${JSON.stringify(duplicates)}; list each standard once`);
    }
    for (const s of props.securityHubStandards) {
      if (!STANDARD_PATH.test(s.standardPath)) {
        problems.push(
          `securityHubStandards: SecurityHubStandard.of() needs the ARN part after 'standards/' (name/v/x.y.z), got ${JSON.stringify(s.standardPath)}; ` +
            "for example 'aws-resource-tagging-standard/v/1.0.0'",
        );
      }
      if (!CONSTRUCT_ID.test(s.constructId)) {
        problems.push(`securityHubStandards: constructId must be a PascalCase name (letters and digits), got ${JSON.stringify(s.constructId)}`);
      }
    }
  }
  const recorderDefinedHere = props.configRecorder !== false && !props.existingConfigRecorder;
  if (!recorderDefinedHere) {
    const given = (['existingConfigServiceLinkedRole', 'recordGlobalResourceTypes'] as const).filter((p) => props[p] !== undefined);
    if (given.length > 0) {
      problems.push(
        `${given.join(' and ')} configure the recorder defined here, but ${props.configRecorder === false ? 'configRecorder is false' : 'existingConfigRecorder is true'} (got ${JSON.stringify(given)}); ` +
          'remove them, or let this construct define the recorder',
      );
    }
  }
  if (props.configRecorder === false && props.existingConfigRecorder !== undefined) {
    problems.push(
      `configRecorder is false, so existingConfigRecorder would have no effect (got ${JSON.stringify(props.existingConfigRecorder)}); ` +
        'use existingConfigRecorder: true alone when a recorder already records this Region',
    );
  }
  // Run-time checks of enum values: a JavaScript or Python caller can pass any string
  // ('FIVE_MINUTES', 'INFORMATIONAL'); CloudFormation or the rule would otherwise take it as is.
  oneOf('findingPublishingFrequency', props.findingPublishingFrequency, Object.values(FindingPublishingFrequency), problems);
  oneOf('securityHubMinimumSeverity', props.securityHubMinimumSeverity, SECURITY_HUB_SEVERITIES, problems);
  for (const f of props.disabledGuardDutyFeatures ?? []) oneOf('disabledGuardDutyFeatures', f, Object.values(GuardDutyFeature), problems);
  for (const t of props.inspectorResourceTypes ?? []) oneOf('inspectorResourceTypes', t, Object.values(InspectorResourceType), problems);
  if (props.inspectorResourceTypes !== undefined) {
    if (!props.inspector) {
      problems.push(
        `inspectorResourceTypes has no effect unless inspector is true (got ${JSON.stringify(props.inspectorResourceTypes)}); set inspector: true or remove it`,
      );
    }
    const types = props.inspectorResourceTypes;
    if (types.length === 0 || new Set(types).size !== types.length) {
      problems.push(`inspectorResourceTypes must list each resource type at most once and at least one, got ${JSON.stringify(types)}; for example [InspectorResourceType.EC2]`);
    }
  }
  throwIfProblems('ThreatDetection.InvalidProps', scope, problems);
}
