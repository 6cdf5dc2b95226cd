import { Rule } from '../../../lib/engine';
import functionUrlAuth from './function-url-auth';
import multiAz from './multi-az';
import noPublicPermission from './no-public-permission';
import supportedRuntime from './supported-runtime';

export const LAMBDA_RULES: readonly Rule[] = [functionUrlAuth, multiAz, noPublicPermission, supportedRuntime];
