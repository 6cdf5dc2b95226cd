// GuardDuty protection plans as detector features, shared by one rule per plan (each plan is its own
// Security Hub FSBP control, so each rule maps to exactly one).
import {
  ControlMap,
  Equivalents,
  Outcome,
  ResourceRule,
  Severity,
  Unresolved,
  asBoolean,
  asList,
  defineRule,
  fail,
  isPlainObject,
  pass,
  unresolved,
  unresolvedIn,
} from '../../../lib/engine';

/** The controls every protection plan evidences, besides its own FSBP control. */
export const PROTECTION_PLAN_CONTROLS: ControlMap = {
  'nist-800-53-r5': ['SI-4(a)', 'SI-4(b)', 'SI-4(2)'],
  'pci-dss-4.0': ['11.5.1'],
  'hipaa': ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  'iso-27001-2022': ['A.8.16'],
  'nist-csf-2.0': ['DE.CM-01', 'DE.CM-09'],
  'gdpr': ['Art. 32'],
};

/** One GuardDuty protection plan. */
export interface ProtectionPlan {
  readonly id: string;
  readonly title: string;
  /** The protection plan's name, for messages (`S3 Protection`). */
  readonly plan: string;
  /** Detector feature names that turn the plan on (the first is the current one). */
  readonly features: readonly string[];
  /** An `AdditionalConfiguration` entry of the feature that must be ENABLED too (automated agent management). */
  readonly agent?: string;
  /**
   * The deprecated `DataSources` form of the plan, for detectors written before features existed:
   * the dotted path under `DataSources` whose value must be true.
   */
  readonly dataSource?: string;
  /** The FSBP control (`GuardDuty.10`). */
  readonly fsbp: string;
  /** Extra controls beyond `PROTECTION_PLAN_CONTROLS`. */
  readonly controls?: ControlMap;
  readonly equivalents?: Equivalents;
  readonly description: string;
}

/**
 * A rule that the detector turns a protection plan on through its `Features` (Status `ENABLED`, and the
 * agent management configuration when the plan needs one). A plan not configured fails: a detector
 * created through CloudFormation turns on only what it names.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-guardduty-detector-cfnfeatureconfiguration.html
 */
export function protectionPlanRule(plan: ProtectionPlan): ResourceRule {
  const controls: Record<string, string[]> = { fsbp: [plan.fsbp] };
  for (const [framework, ids] of Object.entries({ ...PROTECTION_PLAN_CONTROLS })) controls[framework] = [...ids];
  for (const [framework, ids] of Object.entries(plan.controls ?? {})) controls[framework] = [...new Set([...(controls[framework] ?? []), ...ids])];
  const featureText = plan.features.join(' or ');
  return defineRule({
    id: plan.id,
    severity: Severity.ERROR,
    title: plan.title,
    description: plan.description,
    fix: `Set the detector feature ${plan.features[0]} to ENABLED${plan.agent ? ` with ${plan.agent} ENABLED` : ''} (ThreatDetection does unless disabledGuardDutyFeatures names it)`,
    resourceTypes: ['AWS::GuardDuty::Detector'],
    controls,
    equivalents: plan.equivalents,
    check: (detector) => judgePlan(detector.properties, plan, featureText),
  });
}

function judgePlan(properties: Record<string, unknown>, plan: ProtectionPlan, featureText: string): Outcome {
  const features = properties.Features;
  if (features instanceof Unresolved) return unresolved('the detector features', features, 'Features');
  const list = asList(features);
  for (let i = 0; i < list.length; i++) {
    const feature = list[i];
    if (feature instanceof Unresolved) return unresolved(`detector feature ${i}`, feature, `Features.${i}`);
    if (!isPlainObject(feature)) continue;
    if (feature.Name instanceof Unresolved) return unresolved(`the name of detector feature ${i}`, feature.Name, `Features.${i}.Name`);
    if (typeof feature.Name !== 'string' || !plan.features.includes(feature.Name)) continue;
    const status = feature.Status;
    if (status instanceof Unresolved || unresolvedIn(status).length > 0) return unresolved(`the status of feature ${feature.Name}`, status, `Features.${i}.Status`);
    if (status !== 'ENABLED') return fail(`${plan.plan} is off: detector feature ${feature.Name} is ${String(status)}`, `Features.${i}.Status`);
    if (!plan.agent) return pass(`${plan.plan} is on (feature ${feature.Name} ENABLED)`);
    const extra = asList(feature.AdditionalConfiguration);
    const j = extra.findIndex((c) => isPlainObject(c) && c.Name === plan.agent);
    const agent = extra[j];
    if (!isPlainObject(agent)) {
      return fail(`${plan.plan} is off: feature ${feature.Name} is ENABLED but its AdditionalConfiguration does not enable ${plan.agent}`, `Features.${i}.AdditionalConfiguration`);
    }
    if (agent.Status instanceof Unresolved) return unresolved(`the status of ${plan.agent}`, agent.Status, `Features.${i}.AdditionalConfiguration.${j}.Status`);
    if (agent.Status !== 'ENABLED') {
      return fail(`${plan.plan} is off: ${plan.agent} of feature ${feature.Name} is ${String(agent.Status)}`, `Features.${i}.AdditionalConfiguration.${j}.Status`);
    }
    return pass(`${plan.plan} is on (feature ${feature.Name} ENABLED with ${plan.agent})`);
  }
  if (plan.dataSource) {
    let cur: unknown = properties.DataSources;
    for (const part of plan.dataSource.split('.')) cur = isPlainObject(cur) ? cur[part] : cur instanceof Unresolved ? cur : undefined;
    const on = asBoolean(cur);
    if (on instanceof Unresolved) return unresolved(`DataSources.${plan.dataSource}`, on, `DataSources.${plan.dataSource}`);
    if (on === true) return pass(`${plan.plan} is on (deprecated DataSources.${plan.dataSource})`);
    if (on === false) return fail(`${plan.plan} is off: DataSources.${plan.dataSource} is false`, `DataSources.${plan.dataSource}`);
  }
  return fail(`${plan.plan} is not configured: no detector feature ${featureText} with Status ENABLED`, 'Features');
}
