import * as s3 from 'aws-cdk-lib/aws-s3';
import { testStack } from './stack';

// The "passes the built-in CloudFormation validator" tests rely on testStack({ cfnValidation: true })
// really turning the validator on, even after other tests in the same process turned it off.
describe('testStack', () => {
  test('cfnValidation: true runs the built-in CloudFormation validator (a bogus property fails synth)', () => {
    testStack(); // an earlier test turned the validator off
    const { app, stack } = testStack({ cfnValidation: true });
    const bucket = new s3.CfnBucket(stack, 'Bucket');
    bucket.addPropertyOverride('NotARealProperty', true);
    expect(() => app.synth()).toThrow(/NotARealProperty/);
  });

  test('by default the validator is off for speed (the same bogus property synthesizes)', () => {
    const { app, stack } = testStack();
    const bucket = new s3.CfnBucket(stack, 'Bucket');
    bucket.addPropertyOverride('NotARealProperty', true);
    expect(() => app.synth()).not.toThrow();
  });
});
