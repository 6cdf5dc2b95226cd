import { RemovalPolicy } from 'aws-cdk-lib';
import rule from '../../../../policies/rules/config/recorder-retained';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l2Recorder, recorderTemplate, threatDetection } from './fixtures';

describe('Config.RecorderRetained', () => {
  test('Compliant: ThreatDetection with default props (recorder and channel)', () => {
    const { stack } = testStack();
    threatDetection(stack);
    expect(expectPass(rule, stack)).toHaveLength(2);
  });

  test('Compliant: L2 pieces with RETAIN', () => {
    const { stack } = testStack();
    const { recorder, channel } = l2Recorder(stack);
    recorder.applyRemovalPolicy(RemovalPolicy.RETAIN);
    channel.applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, recorderTemplate());
  });

  test('Non-compliant 1: escape hatch deletes the ThreatDetection recorder with its stack', () => {
    const { stack } = testStack();
    const td = threatDetection(stack);
    td.configRecorder!.addOverride('DeletionPolicy', 'Delete');
    const [failure] = expectFail(rule, stack, /recorder is deleted with its stack/);
    expect(failure.logicalId).toBe(stack.resolve(td.configRecorder!.logicalId));
  });

  test('Non-compliant 2: raw L1 recorder and channel without policies', () => {
    const { stack } = testStack();
    l2Recorder(stack);
    expect(expectFail(rule, stack, /absent, so Delete/)).toHaveLength(2);
  });

  test('Non-compliant 3: hand-written channel retained on delete only', () => {
    const template = recorderTemplate();
    delete template.Resources.Channel.UpdateReplacePolicy;
    expectFail(rule, template, /delivery channel is deleted when CloudFormation replaces it/);
  });

  test('Non-compliant 4: fails closed when the DeletionPolicy is a parameter without default', () => {
    const template = recorderTemplate();
    template.Resources.Recorder.DeletionPolicy = { Ref: 'Policy' };
    expectFail(rule, { Parameters: { Policy: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
