import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/log-file-validation';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate, withUnknownCondition } from './fixtures';

describe('CloudTrail.LogFileValidation', () => {
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

  test('Compliant: raw L1 trail', () => {
    const { stack } = testStack();
    l1Trail(stack);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with "true" as a string', () => {
    expectPass(rule, trailTemplate());
  });

  test('Non-compliant 1: L2 trail with enableFileValidation false', () => {
    const { stack } = testStack();
    l2Trail(stack, { enableFileValidation: false });
    expectFail(rule, stack, /is off/);
  });

  test('Non-compliant 2: escape hatch turns validation off on AuditTrail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.trail!.node.defaultChild as cloudtrail.CfnTrail).addPropertyOverride('EnableLogFileValidation', false);
    expectFail(rule, stack, /is off/);
  });

  test('Non-compliant 3: raw L1 trail without the property', () => {
    const { stack } = testStack();
    l1Trail(stack, { enableLogFileValidation: undefined });
    expectFail(rule, stack, /not set/);
  });

  test('Non-compliant 4: hand-written template with "false"', () => {
    expectFail(rule, trailTemplate({ EnableLogFileValidation: 'false' }), /is off/);
  });

  test('Non-compliant 5: fails closed on an unknown condition', () => {
    expectFail(rule, withUnknownCondition(trailTemplate({ EnableLogFileValidation: { 'Fn::If': ['Prod', true, false] } })), /could not resolve/);
  });
});
