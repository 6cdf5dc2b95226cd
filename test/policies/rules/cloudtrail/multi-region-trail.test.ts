import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/multi-region-trail';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

describe('Account.MultiRegionTrail', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail with an advanced selector for all management events', () => {
    const { stack } = testStack();
    l1Trail(stack, { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template, one good trail among weaker ones', () => {
    const template = trailTemplate({ EventSelectors: [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }] });
    template.Resources.Regional = { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: { Ref: 'Bucket' } } };
    const [result] = expectPass(rule, template);
    expect(result.logicalId).toBe('Trail');
  });

  test('Non-compliant 1: no trail at all (removed): the finding names the stack', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    const [failure] = expectFail(rule, stack, /define no CloudTrail trail/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('TestStack');
  });

  test('Non-compliant 2: L2 single-Region trail', () => {
    const { stack } = testStack();
    l2Trail(stack, { isMultiRegionTrail: false, includeGlobalServiceEvents: false });
    expectFail(rule, stack, /IsMultiRegionTrail is false/);
  });

  test('Non-compliant 3: escape hatch stops the AuditTrail trail logging (broken): the finding names the trail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    const cfn = audit.trail!.node.defaultChild as cloudtrail.CfnTrail;
    cfn.addPropertyOverride('IsLogging', false);
    const [failure] = expectFail(rule, stack, /IsLogging is false/);
    expect(failure.logicalId).toBe(stack.resolve(cfn.logicalId));
  });

  test('Non-compliant 4: raw L1 trail that records only write management events and excludes KMS', () => {
    const { stack } = testStack();
    l1Trail(stack, { eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }, { readWriteType: 'All', excludeManagementEventSources: ['kms.amazonaws.com'] }] });
    expectFail(rule, stack, /leave out read management events/);
  });

  test('Non-compliant 5: hand-written trail without validation and key, global events off', () => {
    expectFail(rule, trailTemplate({ EnableLogFileValidation: false, KMSKeyId: undefined, IncludeGlobalServiceEvents: false }), /EnableLogFileValidation is false.*IncludeGlobalServiceEvents is false.*KMSKeyId is absent/);
  });

  test('Non-compliant 6: hand-written advanced selector limited to one event source', () => {
    const selector = { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] };
    expectFail(rule, trailTemplate({ AdvancedEventSelectors: [selector] }), /leave out read and write management events/);
  });

  test('Non-compliant 7: fails closed when IsMultiRegionTrail depends on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ IsMultiRegionTrail: { 'Fn::If': ['Prod', true, false] } })), /could not resolve IsMultiRegionTrail/);
  });
});
