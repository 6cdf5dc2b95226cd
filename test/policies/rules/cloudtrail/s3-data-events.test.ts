import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import { Severity } from '../../../../lib/engine';
import rule from '../../../../policies/rules/cloudtrail/s3-data-events';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

const allBuckets = (rw = 'All') => [{ ReadWriteType: rw, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }];

describe('CloudTrail.S3DataEvents', () => {
  test('is info: data events are off by default for cost', () => {
    expect(rule.severity).toBe(Severity.INFO);
  });

  test('Compliant: AuditTrail with s3DataEvents ALL', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit', { s3DataEvents: cloudtrail.ReadWriteType.ALL });
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail with logAllS3DataEvents', () => {
    const { stack } = testStack();
    l2Trail(stack).logAllS3DataEvents();
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail with an advanced selector', () => {
    const { stack } = testStack();
    l1Trail(stack, { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::S3::Object'] }] }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, trailTemplate({ EventSelectors: allBuckets() }));
  });

  test('Non-compliant 1: AuditTrail with default props (management events only): the finding names the trail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    const [failure] = expectFail(rule, stack, /records no S3 data events/);
    expect(failure.logicalId).toBe(stack.resolve((audit.trail!.node.defaultChild as cloudtrail.CfnTrail).logicalId));
  });

  test('Non-compliant 2: no trail (removed): the finding names the stack', () => {
    const { stack } = testStack();
    new s3.Bucket(stack, 'Bucket');
    const [failure] = expectFail(rule, stack, /no CloudTrail trail/);
    expect(failure.logicalId).toBeNull();
  });

  test('Non-compliant 3: L2 trail logging only writes', () => {
    const { stack } = testStack();
    l2Trail(stack).logAllS3DataEvents({ readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY });
    expectFail(rule, stack, /only S3 write data events/);
  });

  test('Non-compliant 4: raw L1 advanced selector limited to one bucket', () => {
    const { stack } = testStack();
    l1Trail(stack, {
      advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::S3::Object'] }, { field: 'resources.ARN', startsWith: ['arn:aws:s3:::one/'] }] }],
    });
    expectFail(rule, stack, /records no S3 data events/);
  });

  test('Non-compliant 5: hand-written trail that is not logging', () => {
    expectFail(rule, trailTemplate({ IsLogging: false, EventSelectors: allBuckets() }), /records no S3 data events/);
  });

  test('Non-compliant 6: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ EventSelectors: { 'Fn::If': ['Prod', allBuckets(), []] } })), /could not resolve/);
  });
});
