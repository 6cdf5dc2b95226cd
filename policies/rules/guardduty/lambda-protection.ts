import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty Lambda Protection is on (function network activity is analyzed)
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.LambdaProtection',
  plan: 'Lambda Protection',
  title: 'GuardDuty Lambda Protection is on (function network activity is analyzed)',
  description: 'GuardDuty analyzes the network activity of Lambda functions for communication with malicious hosts.',
  features: ['LAMBDA_NETWORK_LOGS'],
  fsbp: 'GuardDuty.6',
  controls: { 'nist-800-53-r5': ['SI-4(4)(a)', 'SI-4(4)(b)'] },
});
