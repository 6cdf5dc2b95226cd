import { Rule } from '../../../lib/engine';
import encrypted from './encrypted';

export const EFS_RULES: readonly Rule[] = [encrypted];
