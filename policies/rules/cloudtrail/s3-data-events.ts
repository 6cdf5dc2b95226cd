import { Severity, asBoolean, defineAccountRule, isUnresolved } from '../../../lib/engine';
import { allS3DataEvents } from '../private/trail';

/**
 * A logging trail records S3 object-level data events, reads and writes, for every bucket of the
 * account. Severity info: data events are billed per event and can be very numerous, so `AuditTrail`
 * logs management events only unless `s3DataEvents` is set; turn them on where object access must be
 * attributable (regulated data).
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 */
export default defineAccountRule({
  id: 'CloudTrail.S3DataEvents',
  severity: Severity.INFO,
  title: 'A trail records S3 object-level read and write events for every bucket',
  fix: 'Add an event selector for AWS::S3::Object data events of every bucket, read and write, to a logging trail (AuditTrail s3DataEvents: ReadWriteType.ALL)',
  controls: {
    'cis-aws-3.0': ['3.8', '3.9'],
    'pci-dss-4.0': ['10.2.1', '10.2.1.1'],
    'hipaa': ['164.312(b)'],
    'iso-27001-2022': ['A.8.15'],
    'nist-800-53-r5': ['AU-2(b)', 'AU-12(a)'],
    'gdpr': ['Art. 30'],
  },
  check: (set) => {
    const trails = set.ofType('AWS::CloudTrail::Trail');
    if (trails.length === 0) return [{ status: 'fail', message: 'the templates define no CloudTrail trail, so no S3 data event is recorded' }];
    let partial: { name: string; read: boolean; write: boolean } | undefined;
    let unknown: { trail: (typeof trails)[number]; reason: string } | undefined;
    for (const trail of trails) {
      const logging = asBoolean(trail.properties.IsLogging);
      const events = allS3DataEvents(trail);
      if (isUnresolved(logging) || isUnresolved(events)) {
        unknown = unknown ?? { trail, reason: isUnresolved(logging) ? logging.reason : (events as { reason: string }).reason };
        continue;
      }
      if (logging !== true) continue;
      if (events.read && events.write) return [{ status: 'pass', message: `trail ${trail.logicalId} records S3 data events, read and write, for every bucket`, resource: trail }];
      if (events.read || events.write) partial = partial ?? { name: trail.logicalId, ...events };
    }
    if (unknown) {
      return [{ status: 'fail', message: `could not resolve the data event selectors of trail ${unknown.trail.logicalId} (${unknown.reason}); an unresolved value never passes`, resource: unknown.trail, unresolved: [unknown.reason] }];
    }
    if (partial) {
      const t = trails.find((x) => x.logicalId === partial!.name)!;
      return [{ status: 'fail', message: `trail ${partial.name} records only S3 ${partial.read ? 'read' : 'write'} data events (CIS ${partial.read ? '3.8' : '3.9'} needs the ${partial.read ? 'writes' : 'reads'} too)`, resource: t, path: 'Properties/EventSelectors' }];
    }
    return trails.map((trail) => ({ status: 'fail' as const, message: `trail ${trail.logicalId} records no S3 data events for every bucket`, resource: trail, path: 'Properties/EventSelectors' }));
  },
});
