import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty Runtime Monitoring is on
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.RuntimeMonitoring',
  plan: 'Runtime Monitoring',
  title: 'GuardDuty Runtime Monitoring is on',
  description: 'GuardDuty observes operating-system, network and file events of EKS, ECS and EC2 workloads through its security agent.',
  features: ['RUNTIME_MONITORING'],
  fsbp: 'GuardDuty.11',
});
