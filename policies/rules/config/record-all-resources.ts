import { Severity, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { GLOBAL_RESOURCE_TYPES, recordingOf } from '../private/config';

/**
 * AWS Config recorders record every supported resource type, current and future
 * (`ALL_SUPPORTED_RESOURCE_TYPES`). Excluding only the global IAM types (to record them in one Region)
 * passes; any other exclusion or an inclusion list fails: acknowledge it with the justification.
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
 */
export default defineRule({
  id: 'Config.RecordAllResources',
  severity: Severity.ERROR,
  title: 'AWS Config recorders record every supported resource type',
  fix: 'Set RecordingGroup.AllSupported true (RecordingStrategy ALL_SUPPORTED_RESOURCE_TYPES), or acknowledge an exclusion list with its justification (ThreatDetection records all)',
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  controls: {
    'cis-aws-3.0': ['3.3'],
    'fsbp': ['Config.1'],
    'iso-27001-2022': ['A.8.9'],
    'nist-csf-2.0': ['ID.AM-02', 'PR.PS-01'],
    'nist-800-53-r5': ['CM-8(a)', 'CM-8(2)'],
  },
  check: (recorder) => {
    const recording = recordingOf(recorder);
    if (isUnresolved(recording)) return unresolved("the recorder's RecordingGroup", recording, 'RecordingGroup');
    if (recording.allSupported) {
      const note = recording.strategy === 'EXCLUSION_BY_RESOURCE_TYPES' ? ` except the global types ${recording.types.join(', ')}` : '';
      return pass(`the recorder records every supported resource type${note}`);
    }
    if (recording.strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
      const others = recording.types.filter((t) => !GLOBAL_RESOURCE_TYPES.includes(t));
      return fail(`the recorder excludes ${others.join(', ')}; acknowledge the exclusion with its justification or record them`, 'RecordingGroup.ExclusionByResourceTypes');
    }
    return fail(`the recorder records only the listed types (${recording.types.join(', ') || 'none'}), not every supported type`, 'RecordingGroup');
  },
});
