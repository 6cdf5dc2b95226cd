import { Resource, Severity, TemplateSet, Unresolved, asList, defineRule, fail, isPlainObject, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { grantsAction, isAllow, statementsOf } from '../private/iam';
import { keyReference } from '../private/kms';
import { allowsAction, principalsOf, targets } from '../private/policy-principals';

/** Key actions a publishing service needs on an encrypted topic's key. */
const NEEDED = ['kms:GenerateDataKey', 'kms:Decrypt'];

/**
 * The AWS services that publish to the topic: service principals its topic policies allow to
 * `sns:Publish`, EventBridge when a rule targets it, CloudWatch when an alarm notifies it. An
 * `Unresolved` when a topic policy could not be resolved.
 */
function publishersOf(set: TemplateSet, topic: Resource): Set<string> | Unresolved {
  const services = new Set<string>();
  const policies = [
    ...set.ofType('AWS::SNS::TopicPolicy').filter((p) => asList(p.properties.Topics).some((t) => targets(t, topic))),
    ...set.ofType('AWS::SNS::TopicInlinePolicy').filter((p) => targets(p.properties.TopicArn, topic)),
  ];
  for (const policy of policies) {
    const document = policy.properties.PolicyDocument;
    if (document instanceof Unresolved) return document;
    for (const s of statementsOf(document)) {
      if (!allowsAction(s, 'sns:Publish')) continue;
      for (const p of principalsOf(s)) if (p.type === 'Service' && typeof p.value === 'string') services.add(p.value);
    }
  }
  const ruleTargets = set.ofType('AWS::Events::Rule').flatMap((r) => asList(r.properties.Targets)).filter(isPlainObject);
  if (ruleTargets.some((t) => targets(t.Arn, topic))) services.add('events.amazonaws.com');
  const alarms = [...set.ofType('AWS::CloudWatch::Alarm'), ...set.ofType('AWS::CloudWatch::CompositeAlarm')];
  const actions = alarms.flatMap((a) => [...asList(a.properties.AlarmActions), ...asList(a.properties.OKActions), ...asList(a.properties.InsufficientDataActions)]);
  if (actions.some((a) => targets(a, topic))) services.add('cloudwatch.amazonaws.com');
  return services;
}

/**
 * An SNS topic encrypted with a customer-managed key of the set lets every AWS service that publishes
 * to it (its topic policy's service principals, EventBridge rules, CloudWatch alarms) use the key
 * (`kms:GenerateDataKey*` and `kms:Decrypt`): otherwise SNS drops their messages without an error.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
export default defineRule({
  id: 'SNS.KeyAdmitsPublishers',
  severity: Severity.ERROR,
  title: 'Encrypted SNS topics\' keys admit the AWS services that publish to them',
  fix: 'Allow each publishing service principal kms:GenerateDataKey* and kms:Decrypt in the topic key\'s policy, scoped with aws:SourceAccount (SecurityAlerts does for EventBridge and CloudWatch; see DataKey.allowServiceUse())',
  resourceTypes: ['AWS::SNS::Topic'],
  controls: {
    'pci-dss-4.0': ['10.7.2'],
    'nist-800-53-r5': ['SI-4(4)(b)', 'CA-7'],
    'iso-27001-2022': ['A.8.16'],
    'nist-csf-2.0': ['DE.AE-06'],
  },
  check: (topic, set) => {
    const key = keyReference(set, topic.properties.KmsMasterKeyId);
    if (!key || key.kind === 'aws-managed') return notApplicable('the topic is not encrypted with a customer-managed key (SNS.EncryptedWithCmk reports it)');
    if (key.kind === 'unresolved') return unresolved('the topic\'s KMS key', key.value, 'KmsMasterKeyId');
    if (key.kind === 'external') return notApplicable(`the topic's key ${key.value} is defined outside the template set, so its policy cannot be read`);
    const publishers = publishersOf(set, topic);
    if (publishers instanceof Unresolved) return unresolved('the topic policy', publishers, 'TopicPolicy');
    if (publishers.size === 0) return notApplicable('no AWS service publishes to the topic in this set');
    const document = key.key.properties.KeyPolicy;
    if (document instanceof Unresolved) return unresolved(`the key policy of ${key.key.logicalId}`, document, 'KmsMasterKeyId');
    const statements = statementsOf(document);
    const gap = statements.map((s) => unresolvedIn([s.Effect, s.Principal, s.Action])).find((g) => g.length > 0);
    for (const service of publishers) {
      const admitted = statements.some((s) =>
        isAllow(s) && principalsOf(s).some((p) => p.type === 'Service' && p.value === service) && NEEDED.every((a) => grantsAction(s, a)));
      if (admitted) continue;
      if (gap) return unresolved(`the key policy of ${key.key.logicalId}`, gap[0], 'KmsMasterKeyId');
      return fail(
        `${service} publishes to the topic, but the key policy of ${key.key.logicalId} does not allow it kms:GenerateDataKey* and kms:Decrypt, so SNS drops its messages`,
        'KmsMasterKeyId',
      );
    }
    return pass(`the key ${key.key.logicalId} admits every publishing service (${[...publishers].join(', ')})`);
  },
});
