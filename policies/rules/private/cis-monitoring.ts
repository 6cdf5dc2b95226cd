// CIS AWS Foundations monitoring controls (4.1 to 4.15 in v3.0.0): a metric filter on the log group a
// multi-Region CloudTrail trail delivers to, whose pattern is the one CIS (or Security Hub) prescribes,
// and an alarm on its metric that notifies an encrypted, subscribed SNS topic. One account rule per
// control, built from the control's data.
import {
  AccountOutcome,
  AccountRule,
  ControlMap,
  Resource,
  ResourceRef,
  Severity,
  TemplateSet,
  Unresolved,
  asBoolean,
  asList,
  defineAccountRule,
  isPlainObject,
  unresolvedIn,
} from '../../../lib/engine';
import { deployedOfType, failOn, missing, resourceOf, topicProblem, topicTarget, undecidedDeployment, unresolvedOn } from './alerting';

/**
 * Security Hub's page of the CloudWatch.1 to CloudWatch.14 controls, which publishes the exact
 * patterns it passes ("the exact metric filters prescribed by CIS are not used ... fails").
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const SECURITY_HUB_SOURCE = 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html';

/**
 * CIS AWS Foundations Benchmark v3.0.0, section 4 (Monitoring), the "Remediation" step of each control.
 *
 * @see https://www.cisecurity.org/benchmark/amazon_web_services
 */
export const CIS_V3_SOURCE = 'https://www.cisecurity.org/benchmark/amazon_web_services (CIS AWS Foundations Benchmark v3.0.0, section 4)';

/** A filter pattern a control accepts, with where it is published verbatim. */
export interface AcceptedPattern {
  readonly pattern: string;
  /** Where the pattern is published (URL, with the control's anchor or section). */
  readonly source: string;
}

/** One CIS monitoring control, as data. */
export interface CisMonitoringControl {
  /** Rule id, for example `CloudWatch.Cis41UnauthorizedApiCalls`. */
  readonly id: string;
  /** CIS v3.0.0 control id (`4.1`). */
  readonly cis: string;
  /** What the control watches, in our words (`unauthorized API calls`). */
  readonly watches: string;
  /** The Security Hub control that checks the same (`CloudWatch.2`), when there is one. */
  readonly securityHubControl?: string;
  /** Patterns that satisfy the control; compared after whitespace normalization. */
  readonly patterns: readonly AcceptedPattern[];
  /** Controls beyond `CIS_MONITORING_CONTROLS` that this control evidences. */
  readonly controls?: ControlMap;
}

/** What every CIS monitoring control evidences: activity is logged, watched, and alerts a person. */
export const CIS_MONITORING_CONTROLS: ControlMap = {
  'nist-800-53-r5': ['AU-6(1)', 'AU-6(5)', 'SI-4(2)', 'SI-4(12)'],
  'pci-dss-4.0': ['10.4.1.1'],
  'hipaa': ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  'iso-27001-2022': ['A.8.15', 'A.8.16'],
  'nist-csf-2.0': ['DE.CM-01', 'DE.AE-02'],
  'gdpr': ['Art. 32'],
};

/**
 * A filter pattern with insignificant whitespace removed: whitespace outside double-quoted strings
 * is dropped, except a single space between two word characters (`invokedBy NOT EXISTS`).
 */
export function normalizePattern(pattern: string): string {
  let out = '';
  let quoted = false;
  let pendingSpace = false;
  for (const ch of pattern.trim()) {
    if (quoted) {
      out += ch;
      if (ch === '"') quoted = false;
      continue;
    }
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && /[\w$.*]$/.test(out) && /[\w$.*]/.test(ch)) out += ' ';
    pendingSpace = false;
    out += ch;
    if (ch === '"') quoted = true;
  }
  return out;
}

const CONTROLS = new Map<string, CisMonitoringControl>();

/** The data of a CIS monitoring rule, by rule id (for reports and tests). */
export function cisMonitoringControl(ruleId: string): CisMonitoringControl | undefined {
  return CONTROLS.get(ruleId);
}

/** Build the account rule of one CIS monitoring control. */
export function cisMonitoringRule(control: CisMonitoringControl): AccountRule {
  CONTROLS.set(control.id, control);
  const controls: Record<string, string[]> = { 'cis-aws-3.0': [control.cis] };
  for (const [framework, ids] of Object.entries(CIS_MONITORING_CONTROLS)) controls[framework] = [...ids];
  for (const [framework, ids] of Object.entries(control.controls ?? {})) controls[framework] = [...new Set([...(controls[framework] ?? []), ...ids])];
  const hub = control.securityHubControl ? ` (Security Hub ${control.securityHubControl})` : '';
  return defineAccountRule({
    id: control.id,
    severity: Severity.ERROR,
    title: `CIS ${control.cis}: a metric filter and alarm notify a subscribed topic of ${control.watches}`,
    description:
      `CIS AWS Foundations ${control.cis}${hub}: a metric filter with the prescribed pattern on the CloudWatch Logs log group of a multi-Region ` +
      'CloudTrail trail, and a CloudWatch alarm on its metric whose action notifies a KMS-encrypted SNS topic with at least one subscriber.',
    fix: `Define the CIS ${control.cis} metric filter and alarm on the trail's log group, notifying the alert topic (SecurityAlarms does with AuditTrail.logGroup and SecurityAlerts.topic)`,
    controls,
    check: (set) => [judgeControl(set, control)],
  });
}

/** A CloudWatch Logs log group, as a resource of the set or by name (a log group defined elsewhere). */
type LogGroupId = { readonly resource: Resource } | { readonly name: string };

interface Watched {
  readonly logGroup: LogGroupId;
  /** The trail delivering to it, when the set defines it. */
  readonly trail?: Resource;
}

function judgeControl(set: TemplateSet, control: CisMonitoringControl): AccountOutcome {
  const accepted = new Set(control.patterns.map((p) => normalizePattern(p.pattern)));
  const trails = watchedLogGroups(set);
  if ('outcome' in trails) return trails.outcome;
  let watched = trails.watched;
  if (watched.length === 0) {
    // No trail of the set delivers to CloudWatch Logs: a trail defined elsewhere (an organization
    // trail, AuditTrail's existingTrailLogGroup) delivers to a log group named by the filters.
    watched = externalLogGroups(set);
    if (watched.length === 0) {
      const why = trails.problems.length > 0 ? `: ${trails.problems.join('; ')}` : '';
      return missing(set, `CIS ${control.cis}: no multi-Region CloudTrail trail delivers to a CloudWatch Logs log group the metric filters could watch${why}`);
    }
  }

  const candidates = set.ofType('AWS::Logs::MetricFilter').filter((f) => watched.some((w) => sameLogGroup(set, f.properties.LogGroupName, w.logGroup)));
  const matching: Resource[] = [];
  const gaps: Resource[] = [];
  for (const filter of candidates) {
    const pattern = filter.properties.FilterPattern;
    if (typeof pattern !== 'string' || filter.deployed === undefined) gaps.push(filter);
    else if (accepted.has(normalizePattern(pattern))) matching.push(filter);
  }
  const where = watched.map((w) => describeWatched(w)).join(', ');
  if (matching.length === 0) {
    if (gaps.length > 0) return undecidedDeployment(gaps[0]) ?? unresolvedOn(gaps[0], `the filter pattern of metric filter ${gaps[0].logicalId}`, gaps[0].properties.FilterPattern, 'FilterPattern');
    const seen = candidates.length > 0 ? ` (${candidates.length} other metric filter(s) there, none with the ${control.cis} pattern)` : '';
    return missing(set, `CIS ${control.cis}: no metric filter for ${control.watches} with the prescribed pattern on ${where}${seen}`);
  }

  const failures: AccountOutcome[] = [];
  for (const filter of matching) {
    const outcome = judgeFilter(set, control, filter, watched.find((w) => sameLogGroup(set, filter.properties.LogGroupName, w.logGroup))!);
    if (outcome.status === 'pass') return outcome;
    failures.push(outcome);
  }
  return failures[0];
}

function judgeFilter(set: TemplateSet, control: CisMonitoringControl, filter: Resource, watched: Watched): AccountOutcome {
  const transformations = filter.properties.MetricTransformations;
  if (transformations instanceof Unresolved || unresolvedIn(transformations).length > 0) {
    return unresolvedOn(filter, `the metric of metric filter ${filter.logicalId}`, transformations, 'MetricTransformations');
  }
  const metrics = asList(transformations).filter(isPlainObject).map((t) => ({ name: t.MetricName, namespace: t.MetricNamespace }));
  const alarms = set.ofType('AWS::CloudWatch::Alarm').filter((a) => metrics.some((m) => alarmWatches(a, m.name, m.namespace)));
  const metricText = metrics.map((m) => `${String(m.namespace)}/${String(m.name)}`).join(', ');
  if (alarms.length === 0) {
    return failOn(filter, `CIS ${control.cis}: metric filter ${filter.logicalId} emits ${metricText}, but no CloudWatch alarm watches that metric`, 'MetricTransformations');
  }
  const failures: AccountOutcome[] = [];
  for (const alarm of alarms) {
    const outcome = judgeAlarm(set, control, alarm);
    if (outcome.status === 'pass') {
      return { ...outcome, message: `CIS ${control.cis}: metric filter ${filter.logicalId} on ${describeWatched(watched)} feeds ${outcome.message}` };
    }
    failures.push(outcome);
  }
  return failures[0];
}

function judgeAlarm(set: TemplateSet, control: CisMonitoringControl, alarm: Resource): AccountOutcome {
  const undecided = undecidedDeployment(alarm);
  if (undecided) return undecided;
  const enabled = asBoolean(alarm.properties.ActionsEnabled);
  if (enabled instanceof Unresolved) return unresolvedOn(alarm, `whether alarm ${alarm.logicalId} has its actions enabled`, enabled, 'ActionsEnabled');
  if (enabled === false) return failOn(alarm, `CIS ${control.cis}: alarm ${alarm.logicalId} has ActionsEnabled false, so it notifies nobody`, 'ActionsEnabled');
  const actions = alarm.properties.AlarmActions;
  if (actions instanceof Unresolved) return unresolvedOn(alarm, `the actions of alarm ${alarm.logicalId}`, actions, 'AlarmActions');
  const list = asList(actions);
  if (list.length === 0) return failOn(alarm, `CIS ${control.cis}: alarm ${alarm.logicalId} has no AlarmActions, so it notifies nobody`, 'AlarmActions');
  const failures: AccountOutcome[] = [];
  for (const action of list) {
    const target = topicTarget(set, action);
    if (target.kind === 'topic') {
      const problem = topicProblem(set, target.topic, 'cloudwatch');
      if (!problem) return { status: 'pass', message: `alarm ${alarm.logicalId}, which notifies encrypted, subscribed topic ${target.topic.logicalId}`, resource: alarm };
      failures.push({ ...problem, message: `CIS ${control.cis}: alarm ${alarm.logicalId} notifies ${problem.message}` });
    } else if (target.kind === 'unresolved') {
      failures.push(unresolvedOn(alarm, `the actions of alarm ${alarm.logicalId}`, target.value, 'AlarmActions'));
    } else if (target.kind === 'external') {
      failures.push(failOn(alarm, `CIS ${control.cis}: alarm ${alarm.logicalId} notifies topic ${target.arn}, which is outside the templates judged, so its encryption and subscribers cannot be shown; judge it with the templates that define the topic`, 'AlarmActions'));
    } else {
      failures.push(failOn(alarm, `CIS ${control.cis}: alarm ${alarm.logicalId} has no SNS topic among its AlarmActions (found ${target.what})`, 'AlarmActions'));
    }
  }
  return failures[0];
}

/** True when the alarm watches the metric, as a single metric or as a `Metrics` query's `MetricStat`. */
function alarmWatches(alarm: Resource, name: unknown, namespace: unknown): boolean {
  const p = alarm.properties;
  if (p.MetricName === name && p.Namespace === namespace) return true;
  return asList(p.Metrics).some((m) => {
    const metric = isPlainObject(m) && isPlainObject(m.MetricStat) ? m.MetricStat.Metric : undefined;
    return isPlainObject(metric) && metric.MetricName === name && metric.Namespace === namespace;
  });
}

/** The log groups of the set's logging multi-Region trails, or a fail-closed outcome. */
function watchedLogGroups(set: TemplateSet): { watched: Watched[]; problems: string[] } | { outcome: AccountOutcome } {
  const { resources, undecided } = deployedOfType(set, 'AWS::CloudTrail::Trail');
  const watched: Watched[] = [];
  const problems: string[] = [];
  for (const trail of resources) {
    const arn = trail.properties.CloudWatchLogsLogGroupArn;
    if (arn === undefined) {
      problems.push(`trail ${trail.logicalId} does not deliver to CloudWatch Logs`);
      continue;
    }
    const multiRegion = asBoolean(trail.properties.IsMultiRegionTrail);
    const logging = asBoolean(trail.properties.IsLogging);
    for (const [value, path] of [[arn, 'CloudWatchLogsLogGroupArn'], [multiRegion, 'IsMultiRegionTrail'], [logging, 'IsLogging']] as const) {
      if (value instanceof Unresolved || unresolvedIn(value).length > 0) {
        return { outcome: unresolvedOn(trail, `${path} of trail ${trail.logicalId}`, value, path) };
      }
    }
    if (multiRegion !== true) {
      problems.push(`trail ${trail.logicalId} is not multi-Region`);
      continue;
    }
    if (logging === false) {
      problems.push(`trail ${trail.logicalId} is not logging (IsLogging false)`);
      continue;
    }
    const logGroup = logGroupOfArn(set, arn);
    if (!logGroup) {
      problems.push(`trail ${trail.logicalId} delivers to ${String(arn)}, which is not a log group ARN`);
      continue;
    }
    watched.push({ logGroup, trail });
  }
  if (watched.length === 0 && undecided.length > 0) return { outcome: undecided[0] };
  return { watched, problems };
}

/** Log groups the set's metric filters name but the set does not define (a trail elsewhere delivers to them). */
function externalLogGroups(set: TemplateSet): Watched[] {
  const names = new Set<string>();
  for (const filter of set.ofType('AWS::Logs::MetricFilter')) {
    const name = filter.properties.LogGroupName;
    if (typeof name !== 'string' || resourceOf(set, name)) continue;
    if (set.ofType('AWS::Logs::LogGroup').some((g) => g.properties.LogGroupName === name)) continue;
    names.add(name);
  }
  return [...names].map((name) => ({ logGroup: { name } }));
}

/** The log group an ARN (`...:log-group:NAME:*`) names: a resource of the set, or a name. */
function logGroupOfArn(set: TemplateSet, arn: unknown): LogGroupId | undefined {
  const resource = resourceOf(set, arn);
  if (resource) return resource.type === 'AWS::Logs::LogGroup' ? { resource } : undefined;
  if (typeof arn !== 'string') return undefined;
  const match = /:log-group:([^:]+)(:\*)?$/.exec(arn);
  if (!match) return undefined;
  const named = resourceOf(set, match[1]);
  if (named) return named.type === 'AWS::Logs::LogGroup' ? { resource: named } : undefined;
  const defined = set.ofType('AWS::Logs::LogGroup').find((g) => g.properties.LogGroupName === match[1]);
  return defined ? { resource: defined } : { name: match[1] };
}

/** True when a metric filter's `LogGroupName` names the log group. */
function sameLogGroup(set: TemplateSet, value: unknown, logGroup: LogGroupId): boolean {
  const resource = value instanceof ResourceRef || typeof value === 'string' ? resourceOf(set, value) : undefined;
  if ('resource' in logGroup) {
    if (resource) return resource === logGroup.resource;
    return typeof value === 'string' && logGroup.resource.properties.LogGroupName === value;
  }
  return !resource && value === logGroup.name;
}

function describeWatched(w: Watched): string {
  const group = 'resource' in w.logGroup ? `log group ${w.logGroup.resource.logicalId}` : `log group ${w.logGroup.name}`;
  return w.trail ? `${group} (trail ${w.trail.logicalId})` : `${group} (its trail is outside the templates judged)`;
}
