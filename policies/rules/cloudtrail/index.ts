import { Rule } from '../../../lib/engine';
import bucketAccessLogging from './bucket-access-logging';
import bucketNotPublic from './bucket-not-public';
import bucketObjectLock from './bucket-object-lock';
import bucketPolicyScoped from './bucket-policy-scoped';
import cloudwatchLogs from './cloudwatch-logs';
import customerManagedKey from './customer-managed-key';
import keyPolicyScoped from './key-policy-scoped';
import logFileValidation from './log-file-validation';
import multiRegionTrail from './multi-region-trail';
import s3DataEvents from './s3-data-events';
import trailRetained from './trail-retained';

export const CLOUDTRAIL_RULES: readonly Rule[] = [
  multiRegionTrail,
  logFileValidation,
  customerManagedKey,
  keyPolicyScoped,
  cloudwatchLogs,
  bucketAccessLogging,
  bucketNotPublic,
  bucketPolicyScoped,
  bucketObjectLock,
  trailRetained,
  s3DataEvents,
];
