import { Rule } from '../../../lib/engine';
import encryptedWithCmk from './encrypted-with-cmk';
import hasSubscription from './has-subscription';
import keyAdmitsPublishers from './key-admits-publishers';
import noPublicTopicPolicy from './no-public-topic-policy';
import servicePrincipalScoped from './service-principal-scoped';
import sslPublishOnly from './ssl-publish-only';

export const SNS_RULES: readonly Rule[] = [encryptedWithCmk, keyAdmitsPublishers, sslPublishOnly, noPublicTopicPolicy, servicePrincipalScoped, hasSubscription];
