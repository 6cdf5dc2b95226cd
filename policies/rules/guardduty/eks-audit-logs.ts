import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty EKS Audit Log Monitoring is on
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-eks-audit-log-monitoring.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.EksAuditLogs',
  plan: 'EKS Audit Log Monitoring',
  title: 'GuardDuty EKS Audit Log Monitoring is on',
  description: 'GuardDuty analyzes the Kubernetes audit logs of EKS clusters for suspicious API activity.',
  features: ['EKS_AUDIT_LOGS'],
  dataSource: 'Kubernetes.AuditLogs.Enable',
  fsbp: 'GuardDuty.5',
});
