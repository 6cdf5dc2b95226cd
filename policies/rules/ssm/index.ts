import { Rule } from '../../../lib/engine';
import sessionEncryption from './session-encryption';
import sessionIdleTimeout from './session-idle-timeout';
import sessionLogging from './session-logging';

export const SSM_RULES: readonly Rule[] = [sessionEncryption, sessionLogging, sessionIdleTimeout];
