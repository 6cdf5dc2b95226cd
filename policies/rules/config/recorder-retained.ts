import { Severity, defineRule } from '../../../lib/engine';
import { retainedOutcome } from '../private/retained';

/**
 * AWS Config recorders and delivery channels are kept when their stack is deleted or they are
 * replaced, so deleting a stack does not stop the account's configuration history.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export default defineRule({
  id: 'Config.RecorderRetained',
  severity: Severity.WARNING,
  title: 'AWS Config recorders and delivery channels are retained when their stack is deleted',
  fix: 'Set DeletionPolicy and UpdateReplacePolicy to Retain on the recorder and the delivery channel (ThreatDetection does)',
  resourceTypes: ['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel'],
  controls: {
    'iso-27001-2022': ['A.8.9'],
    'nist-800-53-r5': ['CM-8(2)'],
  },
  check: (resource) => retainedOutcome(resource, resource.type === 'AWS::Config::DeliveryChannel' ? 'delivery channel' : 'recorder'),
});
