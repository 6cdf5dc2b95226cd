import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty Runtime Monitoring covers EKS with automated agent management
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.EksRuntimeMonitoring',
  plan: 'EKS Runtime Monitoring',
  title: 'GuardDuty Runtime Monitoring covers EKS with automated agent management',
  description: 'GuardDuty Runtime Monitoring manages its security agent as an EKS add-on, so every cluster is covered without manual installs.',
  features: ['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING'],
  agent: 'EKS_ADDON_MANAGEMENT',
  fsbp: 'GuardDuty.7',
});
