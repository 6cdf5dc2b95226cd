import { Size, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import rule from '../../../../policies/rules/ec2/ebs-in-backup-plan';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

const volume = (tags: unknown[] = []) => ({ Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Tags: tags } });
const selection = (body: Record<string, unknown>) => ({ Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: 'plan-id', BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111122223333:role/b', ...body } } });

describe('EC2.EbsInBackupPlan', () => {
  test('Compliant: L2 volume selected by an L2 backup plan', () => {
    const { stack } = testStack();
    const v = new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(10), encrypted: true });
    const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
    plan.addSelection('Selection', { resources: [backup.BackupResource.fromArn(stack.formatArn({ service: 'ec2', resource: 'volume', resourceName: v.volumeId }))] });
    expectPass(rule, stack);
  });

  test('Compliant: L2 volume carrying the tag an L2 plan selects', () => {
    const { stack } = testStack();
    const v = new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(10), encrypted: true });
    Tags.of(v).add('backup', 'daily');
    backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L2 volume with a tag other than the one selected (weakened)', () => {
    const { stack } = testStack();
    const v = new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(10), encrypted: true });
    Tags.of(v).add('backup', 'never');
    backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    expectFail(rule, stack, /no AWS::Backup::BackupSelection selects the volume/);
  });

  test('Compliant: L1 volume and an L1 selection of every volume ARN', () => {
    const { stack } = testStack();
    new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 10 });
    new backup.CfnBackupSelection(stack, 'Sel', { backupPlanId: 'plan-id', backupSelection: { selectionName: 's', iamRoleArn: 'arn:aws:iam::111122223333:role/b', resources: ['arn:aws:ec2:*:*:volume/*'] } });
    expectPass(rule, stack);
  });

  test('Non-compliant 2: L1 volume with no backup selection', () => {
    const { stack } = testStack();
    new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 10 });
    expectFail(rule, stack, /no AWS::Backup::BackupSelection/);
  });

  test('Compliant: hand-written volume referenced by a selection', () => {
    expectPass(rule, template({ V: volume(), S: selection({ Resources: [{ 'Fn::Sub': 'arn:aws:ec2:eu-west-1:111122223333:volume/${V}' }] }) }));
  });

  test('Non-compliant 3: hand-written volume excluded by NotResources', () => {
    expectFail(rule, template({ V: volume(), S: selection({ Resources: ['*'], NotResources: [{ 'Fn::Sub': 'arn:aws:ec2:eu-west-1:111122223333:volume/${V}' }] }) }), /no AWS::Backup::BackupSelection/);
  });

  test('Non-compliant 4: fails closed when the volume tag a selection reads cannot be resolved', () => {
    expectFail(rule, template({
      V: volume([{ Key: 'backup', Value: unknownIf('daily', 'never') }]),
      S: selection({ ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] }),
    }), /could not resolve/);
  });
});
