import * as config from 'aws-cdk-lib/aws-config';
import rule from '../../../../policies/rules/config/continuous-recording';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Recorder, recorderTemplate, threatDetection, withUnknownCondition } from './fixtures';

describe('Config.ContinuousRecording', () => {
  test('Compliant: ThreatDetection with default props', () => {
    const { stack } = testStack();
    threatDetection(stack);
    expectPass(rule, stack);
  });

  test('Compliant: L2 pieces without a recording mode (continuous by default)', () => {
    const { stack } = testStack();
    l2Recorder(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 recorder with CONTINUOUS', () => {
    const { stack } = testStack();
    new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:x', recordingMode: { recordingFrequency: 'CONTINUOUS' } });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, recorderTemplate({ RecordingMode: { RecordingFrequency: 'CONTINUOUS', RecordingModeOverrides: [] } }));
  });

  test('Non-compliant 1: escape hatch switches ThreatDetection to daily recording', () => {
    const { stack } = testStack();
    const td = threatDetection(stack);
    td.configRecorder!.addPropertyOverride('RecordingMode.RecordingFrequency', 'DAILY');
    expectFail(rule, stack, /records DAILY/);
  });

  test('Non-compliant 2: raw L1 recorder with a daily override', () => {
    const { stack } = testStack();
    new config.CfnConfigurationRecorder(stack, 'Recorder', {
      roleArn: 'arn:x',
      recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [{ recordingFrequency: 'DAILY', resourceTypes: ['AWS::EC2::Instance'] }] },
    });
    expectFail(rule, stack, /AWS::EC2::Instance daily/);
  });

  test('Non-compliant 3: hand-written daily recorder', () => {
    expectFail(rule, recorderTemplate({ RecordingMode: { RecordingFrequency: 'DAILY' } }), /not CONTINUOUS/);
  });

  test('Non-compliant 4: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(recorderTemplate({ RecordingMode: { RecordingFrequency: { 'Fn::If': ['Prod', 'CONTINUOUS', 'DAILY'] } } })), /could not resolve/);
  });
});
