import { AccountOutcome, Resource, Severity, TemplateSet, asBoolean, defineAccountRule, isUnresolved } from '../../../lib/engine';
import { isCustomerManaged, keyReference } from '../private/kms';
import { managementEvents } from '../private/trail';

/**
 * The account has a multi-Region trail that is logging, with log file validation, encrypted with a
 * customer-managed KMS key, including global service events, and recording every read and write
 * management event. When no trail qualifies, each trail is reported with what it lacks; when the
 * templates define no trail, the finding names the first stack.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
 */
export default defineAccountRule({
  id: 'Account.MultiRegionTrail',
  severity: Severity.ERROR,
  title: 'A logging multi-Region trail records all management events, validated and KMS-encrypted',
  fix: 'Define an AWS::CloudTrail::Trail with IsMultiRegionTrail, IsLogging, EnableLogFileValidation, IncludeGlobalServiceEvents and a customer-managed KMSKeyId, with no selector that limits management events (AuditTrail does)',
  controls: {
    'cis-aws-3.0': ['3.1', '3.2', '3.5'],
    'fsbp': ['CloudTrail.1'],
    'pci-dss-4.0': ['10.2.1', '10.2.1.2', '10.2.1.5', '10.2.1.7', '10.2.2', '10.3.2'],
    'hipaa': ['164.312(b)', '164.308(a)(1)(ii)(D)'],
    'iso-27001-2022': ['A.8.15', 'A.8.16'],
    'nist-csf-2.0': ['DE.CM-03', 'DE.CM-09', 'PR.PS-04'],
    'nist-800-53-r5': ['AU-2(b)', 'AU-3(a)', 'AU-12(a)', 'AU-12(c)', 'AU-12(1)', 'AU-9(a)', 'AU-9(3)'],
    'gdpr': ['Art. 30', 'Art. 32'],
  },
  check: (set) => {
    const trails = set.ofType('AWS::CloudTrail::Trail');
    if (trails.length === 0) {
      return [{ status: 'fail', message: 'the templates define no CloudTrail trail, so API activity in the account is not recorded' }];
    }
    const judged = trails.map((trail) => ({ trail, problems: problemsOf(trail, set) }));
    const good = judged.find((j) => j.problems.length === 0);
    if (good) {
      return [{ status: 'pass', message: `trail ${good.trail.logicalId} is a logging, validated, KMS-encrypted multi-Region trail of every management event`, resource: good.trail }];
    }
    return judged.map(({ trail, problems }): AccountOutcome => {
      const unresolved = problems.filter((p) => p.unresolved).map((p) => p.unresolved!);
      const message = problems.map((p) => p.text).join('; ');
      return {
        status: 'fail',
        message: unresolved.length > 0 ? `${message}; an unresolved value never passes` : `trail ${trail.logicalId} does not qualify: ${message}`,
        resource: trail,
        path: `Properties/${problems[0].path}`,
        unresolved: unresolved.length > 0 ? unresolved : undefined,
      };
    });
  },
});

interface Problem {
  readonly text: string;
  readonly path: string;
  readonly unresolved?: string;
}

function problemsOf(trail: Resource, set: TemplateSet): Problem[] {
  const p = trail.properties;
  const problems: Problem[] = [];
  const flag = (name: string, wanted: string, absentMeans?: boolean) => {
    const v = asBoolean(p[name]);
    if (isUnresolved(v)) problems.push({ text: `could not resolve ${name} (${v.reason})`, path: name, unresolved: v.reason });
    else if ((v ?? absentMeans) !== true) problems.push({ text: `${name} is ${v ?? 'absent'} (${wanted})`, path: name });
  };
  flag('IsMultiRegionTrail', 'it must record every Region');
  flag('IsLogging', 'a trail that is not logging records nothing');
  flag('EnableLogFileValidation', 'log files must be tamper-evident');
  flag('IncludeGlobalServiceEvents', 'IAM and other global services must be recorded', true);
  const key = keyReference(set, p.KMSKeyId);
  if (key?.kind === 'unresolved') problems.push({ text: `could not resolve KMSKeyId (${key.value.reason})`, path: 'KMSKeyId', unresolved: key.value.reason });
  else if (!isCustomerManaged(key)) problems.push({ text: `KMSKeyId is ${key ? 'an AWS managed key' : 'absent'} (log files must be encrypted with a customer-managed key)`, path: 'KMSKeyId' });
  const events = managementEvents(trail);
  if (isUnresolved(events)) problems.push({ text: `could not resolve the event selectors (${events.reason})`, path: 'EventSelectors', unresolved: events.reason });
  else if (!events.read || !events.write) {
    const missing = [events.read ? undefined : 'read', events.write ? undefined : 'write'].filter(Boolean).join(' and ');
    problems.push({ text: `its event selectors leave out ${missing} management events (or exclude some event sources)`, path: 'EventSelectors' });
  }
  return problems;
}
