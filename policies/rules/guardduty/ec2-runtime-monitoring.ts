import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty Runtime Monitoring covers EC2 with automated agent management
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.Ec2RuntimeMonitoring',
  plan: 'EC2 Runtime Monitoring',
  title: 'GuardDuty Runtime Monitoring covers EC2 with automated agent management',
  description: 'GuardDuty Runtime Monitoring installs and updates its security agent on EC2 instances through Systems Manager.',
  features: ['RUNTIME_MONITORING'],
  agent: 'EC2_AGENT_MANAGEMENT',
  fsbp: 'GuardDuty.13',
});
