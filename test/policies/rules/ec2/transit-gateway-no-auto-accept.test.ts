import * as ec2 from 'aws-cdk-lib/aws-ec2';
import rule from '../../../../policies/rules/ec2/transit-gateway-no-auto-accept';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { template, unknownIf } from './fixtures';

describe('EC2.TransitGatewayNoAutoAccept', () => {
  test('Compliant: L1 transit gateway with defaults (aws-cdk-lib has no L2)', () => {
    const { stack } = testStack();
    new ec2.CfnTransitGateway(stack, 'Tgw', {});
    expectPass(rule, stack);
  });

  test('Non-compliant 1: L1 transit gateway that auto-accepts', () => {
    const { stack } = testStack();
    new ec2.CfnTransitGateway(stack, 'Tgw', { autoAcceptSharedAttachments: 'enable' });
    expectFail(rule, stack, /automatically/);
  });

  test('Compliant: hand-written transit gateway with disable', () => {
    expectPass(rule, template({ T: { Type: 'AWS::EC2::TransitGateway', Properties: { AutoAcceptSharedAttachments: 'disable' } } }));
  });

  test('Non-compliant 2: hand-written transit gateway switched to enable', () => {
    expectFail(rule, template({ T: { Type: 'AWS::EC2::TransitGateway', Properties: { AutoAcceptSharedAttachments: 'enable' } } }));
  });

  test('Non-compliant 3: fails closed when the setting cannot be resolved', () => {
    expectFail(rule, template({ T: { Type: 'AWS::EC2::TransitGateway', Properties: { AutoAcceptSharedAttachments: unknownIf('enable', 'disable') } } }), /could not resolve/);
  });
});
