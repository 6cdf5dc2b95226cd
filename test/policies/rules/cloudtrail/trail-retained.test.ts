import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { AuditTrail } from '../../../../constructs/detection/audit-trail';
import rule from '../../../../policies/rules/cloudtrail/trail-retained';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { l1Trail, l2Trail, trailTemplate } from './fixtures';

describe('CloudTrail.TrailRetained', () => {
  test('Compliant: AuditTrail with default props', () => {
    const { stack } = testStack();
    new AuditTrail(stack, 'Audit');
    expectPass(rule, stack);
  });

  test('Compliant: L2 trail with RETAIN', () => {
    const { stack } = testStack();
    (l2Trail(stack).node.defaultChild as cloudtrail.CfnTrail).applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 trail with RETAIN', () => {
    const { stack } = testStack();
    l1Trail(stack).applyRemovalPolicy(RemovalPolicy.RETAIN);
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, trailTemplate());
  });

  test('Non-compliant 1: L2 trail (deleted with its stack by default)', () => {
    const { stack } = testStack();
    l2Trail(stack);
    expectFail(rule, stack, /deleted with its stack/);
  });

  test('Non-compliant 2: escape hatch sets UpdateReplacePolicy Delete on AuditTrail', () => {
    const { stack } = testStack();
    const audit = new AuditTrail(stack, 'Audit');
    (audit.trail!.node.defaultChild as cloudtrail.CfnTrail).addOverride('UpdateReplacePolicy', 'Delete');
    expectFail(rule, stack, /replaces it/);
  });

  test('Non-compliant 3: raw L1 trail with DESTROY', () => {
    const { stack } = testStack();
    l1Trail(stack).applyRemovalPolicy(RemovalPolicy.DESTROY);
    expectFail(rule, stack, /DeletionPolicy Delete/);
  });

  test('Non-compliant 4: hand-written template with DeletionPolicy Snapshot (not supported, so Delete)', () => {
    const template = trailTemplate();
    template.Resources.Trail.DeletionPolicy = 'Snapshot';
    expectFail(rule, template, /DeletionPolicy Snapshot/);
  });

  test('Non-compliant 5: fails closed when DeletionPolicy is a parameter without default', () => {
    const template = trailTemplate();
    template.Resources.Trail.DeletionPolicy = { Ref: 'Policy' };
    expectFail(rule, { Parameters: { Policy: { Type: 'String' } }, ...template }, /could not resolve/);
  });
});
