import { Severity, asList, defineRule, fail, isPlainObject, pass, unresolved, unresolvedIn } from '../../../lib/engine';

/**
 * AWS Config recorders record every change as it happens (`CONTINUOUS`, the default), not once a day
 * (`DAILY`, cheaper): with daily recording a change undone within the day leaves no history. A
 * warning: daily recording still keeps an inventory.
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-recording-frequency
 */
export default defineRule({
  id: 'Config.ContinuousRecording',
  severity: Severity.WARNING,
  title: 'AWS Config recorders record changes continuously',
  fix: 'Set RecordingMode.RecordingFrequency CONTINUOUS with no DAILY override, or omit RecordingMode (ThreatDetection does)',
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  controls: {
    'iso-27001-2022': ['A.8.9'],
    'nist-csf-2.0': ['DE.CM-09'],
    'nist-800-53-r5': ['CM-8(2)', 'CA-7'],
  },
  check: (recorder) => {
    const mode = recorder.properties.RecordingMode;
    if (mode === undefined) return pass('the recorder records continuously (the default)');
    if (!isPlainObject(mode)) return unresolved("the recorder's RecordingMode", mode, 'RecordingMode');
    const gaps = unresolvedIn(mode);
    if (gaps.length > 0) return unresolved("the recorder's RecordingMode", gaps[0], 'RecordingMode');
    if (mode.RecordingFrequency !== 'CONTINUOUS') return fail(`the recorder records ${String(mode.RecordingFrequency)}, not CONTINUOUS`, 'RecordingMode.RecordingFrequency');
    const daily = asList(mode.RecordingModeOverrides).filter((o) => isPlainObject(o) && o.RecordingFrequency !== 'CONTINUOUS');
    if (daily.length > 0) {
      const types = daily.flatMap((o) => asList((o as Record<string, unknown>).ResourceTypes)).map(String);
      return fail(`the recorder records ${types.join(', ')} daily (RecordingModeOverrides)`, 'RecordingMode.RecordingModeOverrides');
    }
    return pass('the recorder records continuously');
  },
});
