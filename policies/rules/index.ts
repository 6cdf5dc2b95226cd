// Every rule, grouped by service. A rule is evaluated once; its result fans out to every control it maps to.
import { Rule } from '../../lib/engine';
import { ACCESSANALYZER_RULES } from './accessanalyzer';
import { ACCOUNT_RULES } from './account';
import { BACKUP_RULES } from './backup';
import { CLOUDTRAIL_RULES } from './cloudtrail';
import { CLOUDWATCH_RULES } from './cloudwatch';
import { CONFIG_RULES } from './config';
import { EC2_RULES } from './ec2';
import { EFS_RULES } from './efs';
import { GUARDDUTY_RULES } from './guardduty';
import { IAM_RULES } from './iam';
import { KMS_RULES } from './kms';
import { LAMBDA_RULES } from './lambda';
import { LOGS_RULES } from './logs';
import { RDS_RULES } from './rds';
import { S3_RULES } from './s3';
import { SECURITYHUB_RULES } from './securityhub';
import { SNS_RULES } from './sns';
import { SSM_RULES } from './ssm';

/** Every rule of cdk-security-baseline, in a stable order (service, then file). */
export const RULES: readonly Rule[] = [
  ...S3_RULES,
  ...KMS_RULES,
  ...LOGS_RULES,
  ...SNS_RULES,
  ...SSM_RULES,
  ...EC2_RULES,
  ...RDS_RULES,
  ...EFS_RULES,
  ...IAM_RULES,
  ...LAMBDA_RULES,
  ...BACKUP_RULES,
  ...CLOUDTRAIL_RULES,
  ...CONFIG_RULES,
  ...GUARDDUTY_RULES,
  ...SECURITYHUB_RULES,
  ...ACCESSANALYZER_RULES,
  ...ACCOUNT_RULES,
  ...CLOUDWATCH_RULES,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
