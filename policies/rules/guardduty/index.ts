import { Rule } from '../../../lib/engine';
import ec2RuntimeMonitoring from './ec2-runtime-monitoring';
import ecsRuntimeMonitoring from './ecs-runtime-monitoring';
import eksAuditLogs from './eks-audit-logs';
import eksRuntimeMonitoring from './eks-runtime-monitoring';
import enabled from './enabled';
import findingPublishingFrequency from './finding-publishing-frequency';
import findingsAlerted from './findings-alerted';
import lambdaProtection from './lambda-protection';
import malwareProtection from './malware-protection';
import rdsProtection from './rds-protection';
import runtimeMonitoring from './runtime-monitoring';
import s3Protection from './s3-protection';

export const GUARDDUTY_RULES: readonly Rule[] = [
  enabled,
  s3Protection,
  eksAuditLogs,
  malwareProtection,
  rdsProtection,
  lambdaProtection,
  runtimeMonitoring,
  eksRuntimeMonitoring,
  ecsRuntimeMonitoring,
  ec2RuntimeMonitoring,
  findingPublishingFrequency,
  findingsAlerted,
];
