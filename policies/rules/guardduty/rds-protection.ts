import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty RDS Protection is on (database logins are analyzed)
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.RdsProtection',
  plan: 'RDS Protection',
  title: 'GuardDuty RDS Protection is on (database logins are analyzed)',
  description: 'GuardDuty analyzes login activity on Aurora and RDS databases for anomalous access.',
  features: ['RDS_LOGIN_EVENTS'],
  fsbp: 'GuardDuty.9',
  controls: { 'hipaa': ['164.308(a)(5)(ii)(C)'] },
});
