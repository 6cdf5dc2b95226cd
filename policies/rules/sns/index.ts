import { Rule } from '../../../lib/engine';
import encryptedWithCmk from './encrypted-with-cmk';
import hasSubscription from './has-subscription';
import noPublicTopicPolicy from './no-public-topic-policy';
import servicePrincipalScoped from './service-principal-scoped';
import sslPublishOnly from './ssl-publish-only';

export const SNS_RULES: readonly Rule[] = [encryptedWithCmk, sslPublishOnly, noPublicTopicPolicy, servicePrincipalScoped, hasSubscription];
