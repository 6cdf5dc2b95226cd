import * as config from 'aws-cdk-lib/aws-config';
import rule from '../../../../policies/rules/config/record-all-resources';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { SLR_ARN, l2Recorder, recorderTemplate, threatDetection, withUnknownCondition } from './fixtures';

const exclusion = (types: string[]) => ({ RecordingGroup: { AllSupported: false, RecordingStrategy: { UseOnly: 'EXCLUSION_BY_RESOURCE_TYPES' }, ExclusionByResourceTypes: { ResourceTypes: types } } });

describe('Config.RecordAllResources', () => {
  test('Compliant: ThreatDetection with default props', () => {
    const { stack } = testStack();
    threatDetection(stack);
    expectPass(rule, stack);
  });

  test('Compliant: L2 pieces with allSupported', () => {
    const { stack } = testStack();
    l2Recorder(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 recorder without a recording group (all supported by default)', () => {
    const { stack } = testStack();
    new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: stack.resolve(SLR_ARN) });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written recorder excluding only the global IAM types', () => {
    const [result] = expectPass(rule, recorderTemplate(exclusion(['AWS::IAM::User', 'AWS::IAM::Role'])));
    expect(result.message).toMatch(/except the global types/);
  });

  test('Non-compliant 1: escape hatch turns allSupported off on ThreatDetection', () => {
    const { stack } = testStack();
    const td = threatDetection(stack);
    td.configRecorder!.addPropertyOverride('RecordingGroup', { AllSupported: false, ResourceTypes: ['AWS::S3::Bucket'] });
    expectFail(rule, stack, /only the listed types \(AWS::S3::Bucket\)/);
  });

  test('Non-compliant 2: raw L1 recorder with an inclusion list', () => {
    const { stack } = testStack();
    new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:x', recordingGroup: { allSupported: false, resourceTypes: ['AWS::EC2::Instance'] } });
    expectFail(rule, stack, /not every supported type/);
  });

  test('Non-compliant 3: hand-written exclusion of a regional type needs a justification', () => {
    expectFail(rule, recorderTemplate(exclusion(['AWS::EC2::NetworkInterface'])), /excludes AWS::EC2::NetworkInterface; acknowledge/);
  });

  test('Non-compliant 4: fails closed when AllSupported depends on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(recorderTemplate({ RecordingGroup: { AllSupported: { 'Fn::If': ['Prod', true, false] } } })), /could not resolve/);
  });
});
