import { Rule } from '../../../lib/engine';
import enabled from './enabled';
import findingsAlerted from './findings-alerted';
import standards from './standards';

export const SECURITYHUB_RULES: readonly Rule[] = [enabled, standards, findingsAlerted];
