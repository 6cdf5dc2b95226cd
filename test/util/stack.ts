import { App, AppProps, Stack } from 'aws-cdk-lib';

/** Fixed environment for every test stack: a fake account and region, never looked up. */
export const TEST_ENV = { account: '111122223333', region: 'eu-west-1' };

/** Recommended feature flags, as `cdk.json` carries them. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const RECOMMENDED_CONTEXT: Record<string, unknown> = require('aws-cdk-lib/recommended-feature-flags.json');

export interface TestStackOptions {
  /** 'recommended' (cdk.json's flags, the default) or 'empty' (no feature flags at all). */
  readonly context?: 'recommended' | 'empty';
  /** Extra context values. */
  readonly extraContext?: Record<string, unknown>;
  /** Keep the built-in CloudFormation validator on. Unit tests turn it off for speed. */
  readonly cfnValidation?: boolean;
  /** App props passed through (for example `outdir`). */
  readonly appProps?: AppProps;
}

/** A fresh App + Stack with a fixed env and context. */
export function testStack(options: TestStackOptions = {}): { app: App; stack: Stack } {
  if (options.cfnValidation) {
    delete process.env.CDK_VALIDATION;
  } else {
    process.env.CDK_VALIDATION = 'false';
  }
  const context = {
    ...(options.context === 'empty' ? {} : RECOMMENDED_CONTEXT),
    // Tests assert warnings with Annotations.fromStack (the assembly's metadata). With this flag on,
    // synth also copies every warning into the validation report and prints it to stderr: one stray
    // block per deliberate warning in the test log. A test that needs the report passes the flag.
    '@aws-cdk/core:annotationsInValidationReport': false,
    ...options.extraContext,
  };
  const app = new App({ ...options.appProps, context: { ...context, ...options.appProps?.context } });
  const stack = new Stack(app, 'TestStack', { env: TEST_ENV });
  return { app, stack };
}

/** cdk.json's context, as `cdk synth` passes it: feature flags, cached AZs, example values. */
export function cdkJsonContext(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../cdk.json').context;
}
