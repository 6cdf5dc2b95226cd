import { Resource, Severity, TemplateSet, Unresolved, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { pointsTo } from '../private/refs';

/** The volume's tags as a map, or the `Unresolved` that hides one. */
function volumeTags(volume: Resource): Record<string, unknown> | Unresolved {
  const tags = volume.properties.Tags;
  if (isUnresolved(tags)) return tags;
  const out: Record<string, unknown> = {};
  for (const t of asList(tags)) {
    if (!isPlainObject(t)) return new Unresolved('a volume tag that is not an object');
    if (isUnresolved(t.Key)) return t.Key;
    out[String(t.Key)] = t.Value;
  }
  return out;
}

/** True when a `Resources` entry covers the volume: a reference to it, `*`, or an ARN pattern ending in `:volume/*`. */
function coversVolume(set: TemplateSet, value: unknown, volume: Resource, selection: Resource): boolean {
  if (value === '*' || pointsTo(set, value, volume, selection.template)) return true;
  return typeof value === 'string' && /:volume\/\*$/.test(value);
}

/** How a selection selects the volume: a reason string, false, or the `Unresolved` that hides the answer. */
function selects(set: TemplateSet, selection: Resource, volume: Resource): string | false | Unresolved {
  const body = selection.properties.BackupSelection;
  if (isUnresolved(body)) return body;
  if (!isPlainObject(body)) return false;
  for (const key of ['Resources', 'NotResources', 'ListOfTags']) if (isUnresolved(body[key])) return body[key] as Unresolved;
  if (asList(body.NotResources).some((v) => pointsTo(set, v, volume, selection.template))) return false;
  if (asList(body.Resources).some((v) => isUnresolved(v))) return asList(body.Resources).find((v) => isUnresolved(v)) as Unresolved;
  if (asList(body.Resources).some((v) => coversVolume(set, v, volume, selection))) return `by resource in ${selection.logicalId}`;
  const tags = asList(body.ListOfTags);
  if (tags.length === 0) return false;
  const own = volumeTags(volume);
  if (isUnresolved(own)) return own;
  for (const t of tags) {
    if (!isPlainObject(t)) continue;
    if (isUnresolved(t.ConditionKey) || isUnresolved(t.ConditionValue)) return (isUnresolved(t.ConditionKey) ? t.ConditionKey : t.ConditionValue) as Unresolved;
    const value = own[String(t.ConditionKey)];
    if (isUnresolved(value)) return value;
    if (t.ConditionType === 'STRINGEQUALS' && value !== undefined && value === t.ConditionValue) return `by tag ${String(t.ConditionKey)} in ${selection.logicalId}`;
  }
  return false;
}

/**
 * Every EBS volume declared in the templates is selected by an AWS Backup selection (by reference, a
 * `:volume/*` ARN pattern, or a `STRINGEQUALS` tag it carries). A warning: a selection in another stack or
 * an AWS Organizations backup policy can protect it from outside the templates judged here.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 */
export default defineRule({
  id: 'EC2.EbsInBackupPlan',
  severity: Severity.WARNING,
  title: 'EBS volumes are selected by an AWS Backup plan',
  fix: 'Select the volume in a backup plan: SecureBackupPlan protect(volume) or selectionTags with a tag the volume carries',
  resourceTypes: ['AWS::EC2::Volume'],
  controls: {
    'hipaa': ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)'],
    'iso-27001-2022': ['A.8.13'],
    'nist-csf-2.0': ['PR.DS-11'],
    'nist-800-53-r5': ['CP-9(a)', 'CP-9(b)', 'CP-10'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['HIPAA.Security-EC2EBSInBackupPlan', 'NIST.800.53.R5-EC2EBSInBackupPlan'] },
  check: (volume, set) => {
    for (const selection of set.ofType('AWS::Backup::BackupSelection')) {
      const how = selects(set, selection, volume);
      if (isUnresolved(how)) return unresolved(`whether backup selection ${selection.logicalId} selects the volume`, how);
      if (how) return pass(`the volume is selected ${how}`);
    }
    return fail('no AWS::Backup::BackupSelection selects the volume (by reference, :volume/* ARN or a tag it carries)');
  },
});
