import { Resource, Severity, TemplateSet, Unresolved, asList, defineRule, fail, pass, unresolved, unresolvedIn } from '../../../lib/engine';
import { conditionValue, grantsAction, isDeny, statementsOf } from '../private/iam';
import { isEveryone, principalsOf, targets } from '../private/policy-principals';

/** The topic policies (`TopicPolicy.Topics`, `TopicInlinePolicy.TopicArn`) that attach to `topic`. */
function policiesOf(set: TemplateSet, topic: Resource): Resource[] {
  return [
    ...set.ofType('AWS::SNS::TopicPolicy').filter((p) => asList(p.properties.Topics).some((t) => targets(t, topic))),
    ...set.ofType('AWS::SNS::TopicInlinePolicy').filter((p) => targets(p.properties.TopicArn, topic)),
  ];
}

/**
 * SNS topics deny `sns:Publish` requests that are not sent over TLS (`aws:SecureTransport` false).
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html#enforce-encryption-data-in-transit
 */
export default defineRule({
  id: 'SNS.SslPublishOnly',
  severity: Severity.ERROR,
  title: 'SNS topics deny publishing without TLS',
  fix: 'Add a topic policy statement that denies sns:Publish to "*" when aws:SecureTransport is false (SecurityAlerts does; on an sns.Topic use enforceSSL: true)',
  resourceTypes: ['AWS::SNS::Topic'],
  controls: {
    'pci-dss-4.0': ['4.2.1'],
    'nist-800-53-r5': ['SC-8', 'SC-8(1)'],
    'hipaa': ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-02'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cdk-nag': ['AwsSolutions-SNS3'] },
  check: (topic, set) => {
    const policies = policiesOf(set, topic);
    if (policies.length === 0) return fail('no topic policy denies publishing without TLS', 'TopicPolicy');
    let gap: Unresolved | undefined;
    for (const policy of policies) {
      const document = policy.properties.PolicyDocument;
      if (document instanceof Unresolved) {
        gap = gap ?? document;
        continue;
      }
      for (const s of statementsOf(document)) {
        if (!isDeny(s) || !grantsAction(s, 'sns:Publish') || !principalsOf(s).some(isEveryone)) continue;
        const secure = conditionValue(s, 'Bool', 'aws:SecureTransport');
        if (secure instanceof Unresolved) {
          gap = gap ?? secure;
          continue;
        }
        if (String(secure) !== 'false') continue;
        const resources = asList(s.Resource);
        const missing = unresolvedIn(resources);
        if (missing.length > 0) {
          gap = gap ?? missing[0];
          continue;
        }
        if (resources.some((r) => r === '*' || targets(r, topic))) return pass(`topic policy ${policy.logicalId} denies publishing without TLS`);
      }
    }
    if (gap) return unresolved('the topic policy\'s TLS statement', gap, 'TopicPolicy');
    return fail('the topic policy does not deny sns:Publish to everyone when aws:SecureTransport is false', 'TopicPolicy');
  },
});
