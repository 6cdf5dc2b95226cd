import { Rule } from '../../../lib/engine';
import enabled from './enabled';
import noArchiveAll from './no-archive-all';

export const ACCESSANALYZER_RULES: readonly Rule[] = [enabled, noArchiveAll];
