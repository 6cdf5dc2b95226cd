import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty S3 Protection is on (S3 data events are analyzed)
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.S3Protection',
  plan: 'S3 Protection',
  title: 'GuardDuty S3 Protection is on (S3 data events are analyzed)',
  description: 'GuardDuty analyzes CloudTrail S3 data events for suspicious access to the data in every bucket of the account.',
  features: ['S3_DATA_EVENTS'],
  dataSource: 'S3Logs.Enable',
  fsbp: 'GuardDuty.10',
  equivalents: { 'cfn-guard': ['CT.GUARDDUTY.PR.1'] },
});
