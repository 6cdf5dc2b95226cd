import { Match, Template } from 'aws-cdk-lib/assertions';
import { defineSecurityHub, SecurityHubSeverity, SecurityHubStandard, severitiesFrom } from '../../../constructs/detection/security-hub';
import { testStack } from '../../util/stack';

describe('Security Hub (ThreatDetection internals)', () => {
  describe('severitiesFrom', () => {
    test('HIGH matches HIGH and CRITICAL', () => {
      expect(severitiesFrom(SecurityHubSeverity.HIGH)).toEqual([SecurityHubSeverity.HIGH, SecurityHubSeverity.CRITICAL]);
    });

    test('LOW matches every label, lowest first', () => {
      expect(severitiesFrom(SecurityHubSeverity.LOW)).toEqual([
        SecurityHubSeverity.LOW, SecurityHubSeverity.MEDIUM, SecurityHubSeverity.HIGH, SecurityHubSeverity.CRITICAL,
      ]);
    });

    test('CRITICAL matches CRITICAL only', () => {
      expect(severitiesFrom(SecurityHubSeverity.CRITICAL)).toEqual([SecurityHubSeverity.CRITICAL]);
    });
  });

  describe('defineSecurityHub', () => {
    test('each standard is subscribed after the hub it defines, and retained', () => {
      // GIVEN
      const { stack } = testStack();
      // WHEN
      const { hub, standards } = defineSecurityHub(stack, { securityHubStandards: [SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0] });
      // THEN
      expect(hub?.node.id).toEqual('SecurityHub');
      expect(standards.map((s) => s.node.id)).toEqual(['CisV3']);
      Template.fromStack(stack).hasResource('AWS::SecurityHub::Standard', {
        DeletionPolicy: 'Retain',
        DependsOn: [stack.getLogicalId(hub!)],
        Properties: { StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0' },
      });
    });

    test('with an existing hub, no hub is defined and the standards depend on nothing', () => {
      // GIVEN
      const { stack } = testStack();
      // WHEN
      const { hub, standards } = defineSecurityHub(stack, { existingSecurityHub: true });
      // THEN
      expect(hub).toBeUndefined();
      expect(standards).toHaveLength(4);
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::SecurityHub::Hub', 0);
      t.allResources('AWS::SecurityHub::Standard', { DependsOn: Match.absent() });
    });

    test('an empty standards list subscribes to none', () => {
      const { stack } = testStack();
      expect(defineSecurityHub(stack, { securityHubStandards: [] }).standards).toEqual([]);
      Template.fromStack(stack).resourceCountIs('AWS::SecurityHub::Standard', 0);
    });
  });
});
