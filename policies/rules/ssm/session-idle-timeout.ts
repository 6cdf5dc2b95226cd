import { Severity, asNumber, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';
import { isOutcome, sessionPreferencesInputs } from '../private/ssm';

/** Longest idle time, in minutes, before Session Manager ends a session (the AWS default). */
const MAX_IDLE_MINUTES = 20;

/**
 * Session Manager preferences set an idle timeout of at most 20 minutes (`inputs.idleSessionTimeout`),
 * so an unattended session is closed.
 *
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/session-preferences-timeout.html
 */
export default defineRule({
  id: 'SSM.SessionIdleTimeout',
  severity: Severity.WARNING,
  title: 'Session Manager preferences end idle sessions within 20 minutes',
  fix: 'Set inputs.idleSessionTimeout to 1-20 minutes in the SSM-SessionManagerRunShell document (Bastion sets 20)',
  resourceTypes: ['AWS::SSM::Document'],
  controls: {
    'iso-27001-2022': ['A.8.5'],
    'nist-csf-2.0': ['PR.AA-03'],
  },
  check: (document) => {
    const inputs = sessionPreferencesInputs(document);
    if (isOutcome(inputs)) return inputs;
    const minutes = asNumber(inputs.idleSessionTimeout === '' ? undefined : inputs.idleSessionTimeout);
    if (isUnresolved(minutes)) return unresolved('inputs.idleSessionTimeout', minutes, 'Content.inputs.idleSessionTimeout');
    if (minutes === undefined) return fail('the preferences set no idle timeout (inputs.idleSessionTimeout)', 'Content.inputs.idleSessionTimeout');
    if (minutes < 1 || minutes > MAX_IDLE_MINUTES) {
      return fail(`idle sessions end after ${minutes} minutes; use 1-${MAX_IDLE_MINUTES}`, 'Content.inputs.idleSessionTimeout');
    }
    return pass(`idle sessions end after ${minutes} minutes`);
  },
});
