import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { MfaEnforcedGroup } from '../../constructs/identity/mfa-enforced-group';
import { runConformance } from '../util/conformance';

// The stale check itself: an acknowledgment that matches a finding is not stale, and one left over
// after the finding went away is reported, with its id and construct path.
const result = runConformance({
  StaleCheck: (stack) => {
    // A real acknowledgment: the group has no member in the stack (HIPAA and PCI report it).
    new MfaEnforcedGroup(stack, 'Group');
    // A stale one: nothing under this construct is an S3 bucket.
    const empty = new Construct(stack, 'Empty');
    new iam.Role(empty, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    Validations.of(empty).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'Left over from a bucket that has since been removed from this construct, so it matches nothing.',
    });
  },
});

describe('stale acknowledgments', () => {
  test('an acknowledgment that matches no finding is reported as stale', () => {
    expect(result.StaleCheck.stale).toEqual(['AwsSolutions::AwsSolutions-S1 @ StaleCheck/Empty']);
  });

  test('acknowledgments that match a finding are not stale, under every pack that reports it', () => {
    const groupAcks = result.StaleCheck.acknowledged.filter((f) => f.constructPath.startsWith('StaleCheck/Group/'));
    expect(groupAcks.map((f) => f.acknowledgedId).sort()).toEqual(
      expect.arrayContaining(['HIPAA.Security::HIPAA.Security-IAMGroupHasUsers', 'PCI.DSS.321::PCI.DSS.321-IAMGroupHasUsers']),
    );
    expect(result.StaleCheck.stale.filter((s) => s.includes('/Group'))).toEqual([]);
  });
});
