// Account-wide rules that belong to no single service folder.
import { Rule } from '../../../lib/engine';
import supportRole from './support-role';

export const ACCOUNT_RULES: readonly Rule[] = [supportRole];
