import { Bastion } from '../../../../constructs/network/bastion';
import { SegmentedVpc } from '../../../../constructs/network/segmented-vpc';
import rule from '../../../../policies/rules/ssm/session-idle-timeout';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { cfnPreferences, preferences, template, unknown } from './fixtures';

describe('SSM.SessionIdleTimeout', () => {
  test('Compliant: Bastion defaults (20 minutes)', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    // THEN
    expectPass(rule, stack);
  });

  test('Compliant: raw L1 document with 15 minutes (no L2 exists for SSM documents)', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { idleSessionTimeout: '15' });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template with a number', () => {
    expectPass(rule, template({ Prefs: preferences({ idleSessionTimeout: 10 }) }));
  });

  test('Non-compliant 1: Bastion preferences lengthened to 60 minutes by an escape hatch', () => {
    const { stack } = testStack();
    const bastion = new Bastion(stack, 'Bastion', { vpc: new SegmentedVpc(stack, 'Network').vpc });
    bastion.sessionPreferencesDocument!.addPropertyOverride('Content.inputs.idleSessionTimeout', '60');
    expectFail(rule, stack, /after 60 minutes/);
  });

  test('Non-compliant 2: raw L1 document without an idle timeout', () => {
    const { stack } = testStack();
    cfnPreferences(stack, { idleSessionTimeout: '' });
    expectFail(rule, stack, /no idle timeout/);
  });

  test('Non-compliant 3: hand-written template with 30 minutes', () => {
    expectFail(rule, template({ Prefs: preferences({ idleSessionTimeout: '30' }) }), /after 30 minutes; use 1-20/);
  });

  test('Non-compliant 4: fails closed when the timeout cannot be resolved', () => {
    expectFail(rule, template({ Prefs: preferences({ idleSessionTimeout: unknown('20', '60') }) }), /could not resolve/);
  });
});
