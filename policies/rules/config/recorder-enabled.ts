import { AccountOutcome, Resource, Severity, Template, defineAccountRule, isUnresolved } from '../../../lib/engine';
import { recordingOf, usesServiceLinkedRole } from '../private/config';
import { regionOf } from '../private/refs';

/**
 * AWS Config records in every Region of the templates: each Region has a configuration recorder with a
 * delivery channel, recording with the service-linked role `AWSServiceRoleForConfig`; and the global
 * IAM resource types are recorded in exactly one Region (recorded in several, each change is recorded,
 * and billed, once per Region). Stacks whose Region is unknown count as one Region. What each recorder
 * records is `Config.RecordAllResources`.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1
 * @see https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
 */
export default defineAccountRule({
  id: 'Config.RecorderEnabled',
  severity: Severity.ERROR,
  title: 'AWS Config records in every Region with its service-linked role, global types in one Region',
  fix: 'Define an AWS::Config::ConfigurationRecorder with RoleARN AWSServiceRoleForConfig and an AWS::Config::DeliveryChannel in each Region, IncludeGlobalResourceTypes true in the home Region only (ThreatDetection configRecorder)',
  controls: {
    'cis-aws-3.0': ['3.3'],
    'fsbp': ['Config.1'],
    'hipaa': ['164.308(a)(1)(ii)(A)'],
    'iso-27001-2022': ['A.8.9', 'A.5.22'],
    'nist-csf-2.0': ['ID.AM-02', 'PR.PS-01', 'DE.CM-09'],
    'nist-800-53-r5': ['CM-8(a)', 'CM-8(2)', 'CM-2(2)', 'CA-7'],
    'gdpr': ['Art. 30'],
  },
  check: (set) => {
    const out: AccountOutcome[] = [];
    const regions = new Map<string, Template[]>();
    for (const t of set.templates) {
      const key = regionOf(t) ?? '(unknown Region)';
      regions.set(key, [...(regions.get(key) ?? []), t]);
    }
    const recorders = set.ofType('AWS::Config::ConfigurationRecorder');
    const channels = set.ofType('AWS::Config::DeliveryChannel');
    const inRegion = (list: Resource[], region: string) => list.filter((r) => (regionOf(r.template) ?? '(unknown Region)') === region);
    const globalOnes = recorders.filter((r) => {
      const rec = recordingOf(r);
      return !isUnresolved(rec) && rec.global;
    });
    for (const [region, templates] of regions) {
      const here = inRegion(recorders, region);
      if (here.length === 0) {
        out.push({ status: 'fail', message: `no AWS Config recorder records ${region}, so its resource configurations have no history`, template: templates[0] });
        continue;
      }
      const recorder = here[0];
      const problems: { text: string; path?: string; unresolved?: string }[] = [];
      if (here.length > 1) problems.push({ text: `${here.length} recorders are defined in ${region}, which allows one (${here.map((r) => r.logicalId).join(', ')})` });
      const slr = usesServiceLinkedRole(set, recorder);
      if (isUnresolved(slr)) problems.push({ text: `could not resolve the recorder's RoleARN (${slr.reason})`, path: 'Properties/RoleARN', unresolved: slr.reason });
      else if (!slr) problems.push({ text: 'the recorder does not record with the service-linked role AWSServiceRoleForConfig', path: 'Properties/RoleARN' });
      const channel = inRegion(channels, region)[0];
      if (!channel) problems.push({ text: `no AWS::Config::DeliveryChannel exists in ${region}, so the recorder never starts` });
      else if (isUnresolved(channel.properties.S3BucketName) || channel.properties.S3BucketName === undefined) {
        problems.push({ text: `delivery channel ${channel.logicalId} has no resolvable S3BucketName` });
      }
      const recording = recordingOf(recorder);
      if (isUnresolved(recording)) {
        problems.push({ text: `could not resolve the recorder's RecordingGroup (${recording.reason})`, path: 'Properties/RecordingGroup', unresolved: recording.reason });
      } else if (globalOnes.length === 0 && recorder === recorders[0]) {
        problems.push({ text: 'no recorder of the templates records the global IAM resource types: set IncludeGlobalResourceTypes in the home Region', path: 'Properties/RecordingGroup' });
      } else if (recording.global && globalOnes.indexOf(recorder) > 0) {
        const home = globalOnes[0];
        problems.push({ text: `the global IAM resource types are already recorded by ${home.logicalId} (${regionOf(home.template) ?? 'unknown Region'}): record them in one Region only`, path: 'Properties/RecordingGroup/IncludeGlobalResourceTypes' });
      }
      if (problems.length === 0) {
        out.push({ status: 'pass', message: `recorder ${recorder.logicalId} records ${region} with AWSServiceRoleForConfig and delivers through ${channel.logicalId}${recording && !isUnresolved(recording) && recording.global ? ', global types included' : ''}`, resource: recorder });
        continue;
      }
      const unresolved = problems.filter((p) => p.unresolved).map((p) => p.unresolved!);
      out.push({
        status: 'fail',
        message: problems.map((p) => p.text).join('; ') + (unresolved.length > 0 ? '; an unresolved value never passes' : ''),
        resource: recorder,
        path: problems.find((p) => p.path)?.path,
        unresolved: unresolved.length > 0 ? unresolved : undefined,
      });
    }
    return out;
  },
});
