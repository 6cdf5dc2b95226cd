// A realistic account baseline built from our detection and identity constructs, synthesized once per
// test file and handed out as a fresh template copy, so each test can break one setting by hand.
import { Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { SecurityAlarms } from '../../../../constructs/detection/security-alarms';
import { SecurityAlerts } from '../../../../constructs/detection/security-alerts';
import { ThreatDetection } from '../../../../constructs/detection/threat-detection';
import { AccessAnalyzer } from '../../../../constructs/identity/access-analyzer';
import { SupportRole } from '../../../../constructs/identity/support-role';
import { testStack } from '../../../util/stack';

/** The constructs of the baseline stack, for tests that need a stack (escape hatches). */
export interface Baseline {
  readonly stack: Stack;
  readonly alerts: SecurityAlerts;
  readonly trail: AuditTrail;
  readonly alarms: SecurityAlarms;
  readonly detection: ThreatDetection;
  readonly analyzer: AccessAnalyzer;
  readonly support: SupportRole;
}

/** A stack with the whole detection and identity baseline, with default props. */
export function baselineStack(): Baseline {
  const { stack } = testStack();
  const alerts = new SecurityAlerts(stack, 'Alerts', { emails: ['secops@example.com'] });
  const trail = new AuditTrail(stack, 'Trail');
  const alarms = new SecurityAlarms(stack, 'Alarms', { logGroup: trail.logGroup, alertTopic: alerts.topic });
  const detection = new ThreatDetection(stack, 'Detection', { alertTopic: alerts.topic });
  const analyzer = new AccessAnalyzer(stack, 'Analyzer');
  const support = new SupportRole(stack, 'Support', { trustedAccounts: ['111122223333'] });
  return { stack, alerts, trail, alarms, detection, analyzer, support };
}

let cached: Record<string, any> | undefined;

/** A fresh copy of the baseline stack's template (synthesized once). */
export function baselineTemplate(): Record<string, any> {
  if (!cached) {
    process.env.CDK_VALIDATION = 'false';
    cached = Assertions.fromStack(baselineStack().stack).toJSON();
  }
  return JSON.parse(JSON.stringify(cached));
}

/** Logical ids of the template's resources of a type, in template order. */
export function idsOfType(template: Record<string, any>, type: string): string[] {
  return Object.entries(template.Resources as Record<string, any>).filter(([, r]) => r.Type === type).map(([id]) => id);
}

/** The one resource of a type (throws when there is not exactly one). */
export function onlyOfType(template: Record<string, any>, type: string): { id: string; resource: Record<string, any> } {
  const ids = idsOfType(template, type);
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return { id: ids[0], resource: template.Resources[ids[0]] };
}

/** Remove every resource of a type from the template. */
export function removeType(template: Record<string, any>, type: string): Record<string, any> {
  for (const id of idsOfType(template, type)) delete template.Resources[id];
  return template;
}

/** A template with one unknown condition (a parameter without default), for fail-closed cases. */
export function withUnknownCondition(template: Record<string, any>): Record<string, any> {
  template.Parameters = { ...template.Parameters, Env: { Type: 'String' } };
  template.Conditions = { ...template.Conditions, Unknown: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
  return template;
}
