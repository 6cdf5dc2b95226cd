import { Severity, asList, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { targets } from '../private/policy-principals';

/** Chat channel configurations that subscribe to topics through `SnsTopicArns`. */
const CHAT_CHANNELS = ['AWS::Chatbot::SlackChannelConfiguration', 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration'];

/**
 * SNS topics have at least one subscriber in the template set (an `AWS::SNS::Subscription`, an inline
 * `Subscription`, or an AWS Chatbot channel): an alarm that notifies a topic nobody reads is no alarm.
 * A warning, because a topic may be subscribed outside the set.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html
 */
export default defineRule({
  id: 'SNS.HasSubscription',
  severity: Severity.WARNING,
  title: 'SNS topics have at least one subscriber',
  fix: 'Subscribe an endpoint to the topic (SecurityAlerts props emails or slack; on an sns.Topic use addSubscription())',
  resourceTypes: ['AWS::SNS::Topic'],
  controls: {
    'pci-dss-4.0': ['10.7.2'],
    'nist-800-53-r5': ['SI-4(4)(b)', 'CA-7'],
    'iso-27001-2022': ['A.8.16'],
    'nist-csf-2.0': ['DE.AE-06'],
  },
  check: (topic, set) => {
    const inline = topic.properties.Subscription;
    if (isUnresolved(inline)) return unresolved('the topic\'s inline subscriptions', inline, 'Subscription');
    if (asList(inline).some(isPlainObject)) return pass('the topic has an inline subscription');
    const subscription = set.ofType('AWS::SNS::Subscription').find((s) => targets(s.properties.TopicArn, topic));
    if (subscription) return pass(`subscription ${subscription.logicalId} receives the topic's messages`);
    const channel = CHAT_CHANNELS.flatMap((t) => set.ofType(t)).find((c) => asList(c.properties.SnsTopicArns).some((a) => targets(a, topic)));
    if (channel) return pass(`chat channel ${channel.logicalId} receives the topic's messages`);
    return fail('no subscription in the template set receives the topic\'s messages', 'Subscription');
  },
});
