#!/usr/bin/env node
// Reference app (the README's full example). `npm run synth` synthesizes it offline with the built-in
// CloudFormation validator on.
import { App, Stack } from 'aws-cdk-lib';

const app = new App();
new Stack(app, 'SecurityBaseline', {
  env: { account: app.node.tryGetContext('account') ?? '111122223333', region: app.node.tryGetContext('region') ?? 'eu-west-1' },
});
app.synth();
