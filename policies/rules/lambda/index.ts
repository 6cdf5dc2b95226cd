import { Rule } from '../../../lib/engine';
import functionUrlAuth from './function-url-auth';
import noPublicPermission from './no-public-permission';
import supportedRuntime from './supported-runtime';

export const LAMBDA_RULES: readonly Rule[] = [functionUrlAuth, noPublicPermission, supportedRuntime];
