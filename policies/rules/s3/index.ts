import { Rule } from '../../../lib/engine';
import abortIncompleteUploads from './abort-incomplete-uploads';
import accessLogging from './access-logging';
import accessPointPublicAccessBlock from './access-point-public-access-block';
import aclsDisabled from './acls-disabled';
import bucketKey from './bucket-key';
import eventNotifications from './event-notifications';
import kmsCmkEncryption from './kms-cmk-encryption';
import lifecycleNoncurrentExpiration from './lifecycle-noncurrent-expiration';
import logBucketRetention from './log-bucket-retention';
import logBucketSseS3 from './log-bucket-sse-s3';
import noPublicPolicy from './no-public-policy';
import noWebsite from './no-website';
import objectLock from './object-lock';
import publicAccessBlock from './public-access-block';
import replication from './replication';
import retainOnDelete from './retain-on-delete';
import servicePrincipalScoped from './service-principal-scoped';
import sslOnly from './ssl-only';
import tlsMinimumVersion from './tls-minimum-version';
import versioning from './versioning';

export const S3_RULES: readonly Rule[] = [
  sslOnly,
  tlsMinimumVersion,
  kmsCmkEncryption,
  logBucketSseS3,
  bucketKey,
  publicAccessBlock,
  accessPointPublicAccessBlock,
  noPublicPolicy,
  aclsDisabled,
  servicePrincipalScoped,
  versioning,
  replication,
  objectLock,
  accessLogging,
  logBucketRetention,
  lifecycleNoncurrentExpiration,
  abortIncompleteUploads,
  eventNotifications,
  noWebsite,
  retainOnDelete,
];
