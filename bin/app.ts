#!/usr/bin/env node
// Reference app and the README's full example. `npm run synth` synthesizes it offline with the
// built-in CloudFormation validator on; cdk-nag's four packs and the Control Tower (cfn-guard) rules
// are registered at App level, so any unacknowledged error fails the synth.
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, AppProps, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { DataKey, SecureLogGroup } from '../index';

/** Example defaults, used when the cdk context does not set them (`cdk synth -c account=...`). */
export const EXAMPLE_CONTEXT = {
  account: '111122223333',
  region: 'eu-west-1',
};

export function createApp(props: AppProps = {}): App {
  const app = new App(props);
  const ctx = (key: keyof typeof EXAMPLE_CONTEXT): string => app.node.tryGetContext(key) ?? EXAMPLE_CONTEXT[key];

  const stack = new Stack(app, 'SecurityBaseline', {
    env: { account: ctx('account'), region: ctx('region') },
    description: 'cdk-security-baseline reference app: a hardened account baseline',
  });
  new DataKey(stack, 'CustomerDataKey', { dataClass: 'customer-data' });
  new SecureLogGroup(stack, 'AppLogs');

  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new HIPAASecurityChecks(app),
    new NIST80053R5Checks(app),
    new PCIDSS321Checks(app),
    new CfnGuardValidator(),
  );
  return app;
}

if (require.main === module) {
  createApp().synth();
}
