import { Resource, Severity, TemplateSet, Unresolved, defineRule, fail, isPlainObject, pass, unresolved } from '../../../lib/engine';
import { keyReference } from '../private/kms';
import { referenced } from '../private/network';

/**
 * Flow logs go to a destination that is encrypted at rest: a CloudWatch Logs log group of the templates
 * with a KMS key (`KmsKeyId`), an S3 bucket (S3 encrypts every object), or a Firehose delivery stream
 * of the templates with server-side encryption. A log group or stream the templates do not define
 * cannot show its encryption, so it fails (closed).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export default defineRule({
  id: 'EC2.FlowLogDestinationEncrypted',
  severity: Severity.ERROR,
  title: 'Flow logs are delivered to an encrypted destination',
  fix: 'Deliver flow logs to a log group encrypted with a KMS key (SecureLogGroup; SegmentedVpc does) or to S3',
  resourceTypes: ['AWS::EC2::FlowLog'],
  controls: {
    'pci-dss-4.0': ['10.3.2'],
    'nist-800-53-r5': ['AU-9(a)', 'AU-9(3)', 'SC-28(1)', 'SC-13(a)'],
    'hipaa': ['164.312(a)(2)(iv)', '164.312(b)'],
    'iso-27001-2022': ['A.8.15', 'A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  check: (log, set) => {
    const type = log.properties.LogDestinationType ?? 'cloud-watch-logs';
    if (type instanceof Unresolved) return unresolved('the flow log\'s destination type', type, 'LogDestinationType');
    if (type === 's3') return pass('delivered to S3, which encrypts every object at rest');
    if (type === 'kinesis-data-firehose') {
      const stream = referenced(set, log.properties.LogDestination);
      if (!stream) return unresolved('the Firehose delivery stream', log.properties.LogDestination ?? new Unresolved('no LogDestination'), 'LogDestination');
      const sse = stream.properties.DeliveryStreamEncryptionConfigurationInput;
      return isPlainObject(sse) ? pass(`delivery stream ${stream.logicalId} encrypts at rest`) : fail(`delivery stream ${stream.logicalId} has no server-side encryption`, 'LogDestination');
    }
    if (type !== 'cloud-watch-logs') return fail(`unknown destination type ${String(type)}`, 'LogDestinationType');
    const group = logGroupOf(set, log);
    if (group instanceof Unresolved) return unresolved('the flow log\'s log group', group, 'LogGroupName');
    const key = keyReference(set, group.properties.KmsKeyId);
    if (key === undefined) return fail(`log group ${group.logicalId} has no KMS key (KmsKeyId)`, 'LogGroupName');
    if (key.kind === 'unresolved') return unresolved(`the key of log group ${group.logicalId}`, key.value, 'LogGroupName');
    return pass(`log group ${group.logicalId} is encrypted with a KMS key`);
  },
});

/** The flow log's log group: by reference (`LogGroupName`/`LogDestination`) or by a literal name defined in the set. */
function logGroupOf(set: TemplateSet, log: Resource): Resource | Unresolved {
  for (const value of [log.properties.LogGroupName, log.properties.LogDestination]) {
    if (value === undefined) continue;
    if (value instanceof Unresolved) return value;
    const byRef = referenced(set, value);
    if (byRef?.type === 'AWS::Logs::LogGroup') return byRef;
    if (typeof value === 'string') {
      const name = value.startsWith('arn:') ? /:log-group:([^:]+)/.exec(value)?.[1] : value;
      const byName = set.ofType('AWS::Logs::LogGroup').find((g) => name !== undefined && g.properties.LogGroupName === name);
      if (byName) return byName;
      return new Unresolved(`log group ${value} is not defined in the templates, so its encryption cannot be shown`);
    }
  }
  return new Unresolved('the flow log names no log group');
}
