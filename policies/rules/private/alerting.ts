// Shared reading of the alerting path of account rules: which resource a reference names, whether an
// SNS topic can deliver an alert (encrypted with a key the publishing service may use, subscribed),
// and which EventBridge rules route a service's findings.
import {
  AccountOutcome,
  Resource,
  ResourceRef,
  TemplateSet,
  Unresolved,
  asList,
  describe,
  fail,
  isPlainObject,
  unresolved,
  unresolvedIn,
} from '../../../lib/engine';
import { grantsAction, isAllow, statementsOf } from './iam';
import { keyReference } from './kms';

/** The resource a resolved reference names: a `ResourceRef`, or a `${LogicalId}`/`${LogicalId.Attr}` text. */
export function resourceOf(set: TemplateSet, value: unknown): Resource | undefined {
  if (value instanceof ResourceRef) return set.deref(value);
  if (typeof value !== 'string') return undefined;
  const placeholder = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z.]+)?\}$/.exec(value);
  if (!placeholder) return undefined;
  return set.templates.map((t) => t.resource(placeholder[1])).find((r) => r !== undefined);
}

/** A failure of an account rule about one resource. */
export function failOn(resource: Resource, message: string, path?: string): AccountOutcome {
  return { ...fail(message, path), resource };
}

/** A fail-closed failure of an account rule about one resource. */
export function unresolvedOn(resource: Resource, what: string, value: unknown, path?: string): AccountOutcome {
  return { ...unresolved(what, value, path), resource };
}

/** Where a notification target points. */
export type TopicTarget =
  | { readonly kind: 'topic'; readonly topic: Resource }
  | { readonly kind: 'external'; readonly arn: string }
  | { readonly kind: 'unresolved'; readonly value: unknown }
  | { readonly kind: 'other'; readonly what: string };

/** One ARN field, which may hold `${AWS::Region}`-style placeholders. */
const FIELD = '(?:\\$\\{[^}]*\\}|[^:$])';
/** An SNS topic ARN, literal or with pseudo-parameter placeholders. */
const SNS_ARN = new RegExp(`^arn:${FIELD}+:sns:${FIELD}*:${FIELD}*:${FIELD}+$`);

/** Read an alarm action or an EventBridge target `Arn` as an SNS topic. */
export function topicTarget(set: TemplateSet, value: unknown): TopicTarget {
  if (value instanceof Unresolved || unresolvedIn(value).length > 0) return { kind: 'unresolved', value };
  const resource = resourceOf(set, value);
  if (resource) {
    return resource.type === 'AWS::SNS::Topic' ? { kind: 'topic', topic: resource } : { kind: 'other', what: `${resource.logicalId} (${resource.type})` };
  }
  if (typeof value === 'string' && SNS_ARN.test(value)) return { kind: 'external', arn: value };
  if (value instanceof ResourceRef) return { kind: 'unresolved', value: new Unresolved(`reference to ${value.logicalId}, which no template defines`) };
  return { kind: 'other', what: describe(value) };
}

/** The services that publish alerts, and whether an AWS managed key stops them. */
export type Publisher = 'cloudwatch' | 'events';

/**
 * Why a topic in the set cannot deliver alerts, or undefined when it can: it must be encrypted with a
 * KMS key (CIS 4.x and Security Hub expect an encrypted topic) that the publishing service may use, so
 * not the AWS managed `alias/aws/sns` key, and it must have at least one subscriber (an
 * `AWS::SNS::Subscription`, an inline `Subscription`, or an AWS Chatbot channel).
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
export function topicProblem(set: TemplateSet, topic: Resource, publisher: Publisher): AccountOutcome | undefined {
  const undecided = undecidedDeployment(topic);
  if (undecided) return undecided;
  const keyValue = topic.properties.KmsMasterKeyId;
  const key = keyReference(set, keyValue);
  if (key === undefined) return failOn(topic, `alert topic ${topic.logicalId} is not encrypted with a KMS key`, 'KmsMasterKeyId');
  if (key.kind === 'unresolved') return unresolvedOn(topic, `the key of alert topic ${topic.logicalId}`, key.value, 'KmsMasterKeyId');
  if (key.kind === 'aws-managed') {
    const service = publisher === 'cloudwatch' ? 'CloudWatch alarms' : 'EventBridge';
    return failOn(
      topic,
      `alert topic ${topic.logicalId} is encrypted with the AWS managed key ${key.alias}, which ${service} cannot use, so every alert is dropped; use a customer managed key whose policy admits the service`,
      'KmsMasterKeyId',
    );
  }
  if (key.kind === 'cmk') {
    const service = `${publisher}.amazonaws.com`;
    const policy = key.key.properties.KeyPolicy;
    const admits = statementsOf(policy).some(
      (st) => isAllow(st) && asList(isPlainObject(st.Principal) ? st.Principal.Service : undefined).includes(service) && grantsAction(st, 'kms:GenerateDataKey') && grantsAction(st, 'kms:Decrypt'),
    );
    if (!admits && (policy instanceof Unresolved || unresolvedIn(policy).length > 0)) {
      return unresolvedOn(topic, `the key policy of ${key.key.logicalId}, the key of alert topic ${topic.logicalId}`, policy, 'KmsMasterKeyId');
    }
    if (!admits) {
      return failOn(
        topic,
        `alert topic ${topic.logicalId} is encrypted with key ${key.key.logicalId}, whose key policy does not let ${service} call kms:GenerateDataKey* and kms:Decrypt, so every alert is dropped`,
        'KmsMasterKeyId',
      );
    }
  }
  const subscribers = subscribersOf(set, topic);
  if (subscribers instanceof Unresolved) return unresolvedOn(topic, `the subscriptions of alert topic ${topic.logicalId}`, subscribers, 'Subscription');
  if (subscribers.length === 0) return failOn(topic, `alert topic ${topic.logicalId} has no subscription, so alerts reach nobody`, 'Subscription');
  return undefined;
}

/** What subscribes to a topic: inline subscriptions, `AWS::SNS::Subscription`s and AWS Chatbot channels. */
export function subscribersOf(set: TemplateSet, topic: Resource): string[] | Unresolved {
  const inline = topic.properties.Subscription;
  if (inline instanceof Unresolved) return inline;
  const found: string[] = asList(inline).filter(isPlainObject).map((s) => `${String(s.Protocol)} subscription`);
  for (const s of set.ofType('AWS::SNS::Subscription')) {
    // A subscription that may not be deployed does not show a subscriber (fail closed).
    if (s.deployed === undefined) continue;
    if (refersToResource(set, s.properties.TopicArn, topic)) found.push(s.logicalId);
  }
  for (const c of [...set.ofType('AWS::Chatbot::SlackChannelConfiguration'), ...set.ofType('AWS::Chatbot::MicrosoftTeamsChannelConfiguration')]) {
    if (asList(c.properties.SnsTopicArns).some((arn) => refersToResource(set, arn, topic))) found.push(c.logicalId);
  }
  return found;
}

/** True when the resolved value refers to this resource (`Ref`, `Fn::GetAtt`, or their `Fn::Sub` text). */
export function refersToResource(set: TemplateSet, value: unknown, resource: Resource): boolean {
  return resourceOf(set, value) === resource;
}

/** An EventBridge rule that sends a service's findings somewhere, with the targets it sends them to. */
export interface FindingRoute {
  readonly rule: Resource;
  /** The parsed event pattern. */
  readonly pattern: Record<string, unknown>;
  readonly targets: readonly unknown[];
}

/**
 * Enabled EventBridge rules on the default bus whose pattern matches events of `source` with
 * `detailType` (a pattern without `detail-type` matches every type). A rule whose pattern or state
 * cannot be resolved is returned as `unresolved` so the caller fails closed.
 */
export function findingRoutes(set: TemplateSet, source: string, detailType: string): { routes: FindingRoute[]; unresolved: Resource[]; disabled: Resource[] } {
  const routes: FindingRoute[] = [];
  const gaps: Resource[] = [];
  const disabled: Resource[] = [];
  for (const rule of set.ofType('AWS::Events::Rule')) {
    const pattern = rule.properties.EventPattern;
    if (rule.deployed === undefined && isPlainObject(pattern) && asList(pattern.source).includes(source)) {
      gaps.push(rule);
      continue;
    }
    if (unresolvedIn(pattern).length > 0 || pattern instanceof Unresolved) {
      gaps.push(rule);
      continue;
    }
    const parsed = typeof pattern === 'string' ? safeJson(pattern) : pattern;
    if (!isPlainObject(parsed)) continue;
    if (!asList(parsed.source).includes(source)) continue;
    const types = parsed['detail-type'];
    if (types !== undefined && !asList(types).includes(detailType)) continue;
    const bus = rule.properties.EventBusName;
    if (bus !== undefined && bus !== 'default' && !(typeof bus === 'string' && /:event-bus\/default$/.test(bus))) continue;
    const state = rule.properties.State;
    if (state instanceof Unresolved) {
      gaps.push(rule);
      continue;
    }
    if (state !== undefined && state !== 'ENABLED') {
      disabled.push(rule);
      continue;
    }
    const targets = rule.properties.Targets;
    routes.push({ rule, pattern: parsed, targets: asList(targets).filter(isPlainObject).map((t) => t.Arn) });
  }
  return { routes, unresolved: gaps, disabled };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a findings route must do, per service. */
export interface FindingsAlertSpec {
  /** Event source, for example `aws.guardduty`. */
  readonly source: string;
  /** The detail type of a finding event, for example `GuardDuty Finding`. */
  readonly detailType: string;
  /** The service's name, for messages. */
  readonly service: string;
  /** Why a route's pattern drops findings that must alert, or undefined when it does not. */
  readonly dropsImportantFindings?: (pattern: Record<string, unknown>) => string | undefined;
}

/**
 * Judge that the set routes a service's findings to an SNS topic: an enabled EventBridge rule on the
 * default bus that matches the service's finding events and targets a topic.
 */
export function judgeFindingsAlerted(set: TemplateSet, spec: FindingsAlertSpec): AccountOutcome[] {
  const { routes, unresolved: gaps, disabled } = findingRoutes(set, spec.source, spec.detailType);
  const failures: AccountOutcome[] = [];
  for (const route of routes) {
    const dropped = spec.dropsImportantFindings?.(route.pattern);
    if (dropped) {
      failures.push(failOn(route.rule, `EventBridge rule ${route.rule.logicalId} routes ${spec.service} findings but ${dropped}`, 'EventPattern'));
      continue;
    }
    const targets = route.targets.map((t) => topicTarget(set, t));
    const topic = targets.find((t) => t.kind === 'topic' || t.kind === 'external');
    if (topic) {
      const name = topic.kind === 'topic' ? topic.topic.logicalId : topic.kind === 'external' ? topic.arn : '';
      return [{ status: 'pass', message: `EventBridge rule ${route.rule.logicalId} routes ${spec.service} findings to SNS topic ${name}`, resource: route.rule }];
    }
    const gap = targets.find((t) => t.kind === 'unresolved');
    if (gap && gap.kind === 'unresolved') failures.push(unresolvedOn(route.rule, `the targets of EventBridge rule ${route.rule.logicalId}`, gap.value, 'Targets'));
    else failures.push(failOn(route.rule, `EventBridge rule ${route.rule.logicalId} matches ${spec.service} findings but targets no SNS topic`, 'Targets'));
  }
  if (failures.length > 0) return [failures[0]];
  if (gaps.length > 0) {
    const gap = gaps[0];
    return [
      undecidedDeployment(gap) ??
        unresolvedOn(gap, `the event pattern or state of EventBridge rule ${gap.logicalId}`, gap.properties.EventPattern instanceof Unresolved ? gap.properties.EventPattern : gap.properties.State, 'EventPattern'),
    ];
  }
  if (disabled.length > 0) return [failOn(disabled[0], `EventBridge rule ${disabled[0].logicalId} routes ${spec.service} findings but its State is ${String(disabled[0].properties.State)}`, 'State')];
  return [missing(set, `no enabled EventBridge rule on the default bus routes ${spec.service} findings (source ${spec.source}, detail-type "${spec.detailType}") to an SNS topic`)];
}

/** An account finding about something the set lacks, reported against the set's first template. */
export function missing(set: TemplateSet, message: string): AccountOutcome {
  const stacks = set.templates.map((t) => t.stackName);
  return { ...fail(`${message} (judged stacks: ${stacks.join(', ') || 'none'})`), template: set.templates[0] };
}

/** A fail-closed outcome when the resource's `Condition` cannot be evaluated, else undefined. */
export function undecidedDeployment(r: Resource): AccountOutcome | undefined {
  if (r.deployed !== undefined) return undefined;
  return unresolvedOn(r, `whether ${r.logicalId} is deployed`, new Unresolved(`condition ${String(r.raw.Condition)}, whose value is unknown`), 'Condition');
}

/**
 * The deployed resources of a type, and a fail-closed outcome for each whose `Condition` cannot be
 * evaluated (it may not be deployed, so it cannot evidence compliance).
 */
export function deployedOfType(set: TemplateSet, type: string): { resources: Resource[]; undecided: AccountOutcome[] } {
  const resources: Resource[] = [];
  const undecided: AccountOutcome[] = [];
  for (const r of set.ofType(type)) {
    const outcome = undecidedDeployment(r);
    if (outcome) undecided.push(outcome);
    else resources.push(r);
  }
  return { resources, undecided };
}
