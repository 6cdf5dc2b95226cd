import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * Lambda function URLs authenticate callers with IAM (`AuthType` `AWS_IAM`); `NONE` makes the function
 * callable by anyone on the internet. Permissions of `FunctionUrlAuthType` `NONE` are judged the same way.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
 */
export default defineRule({
  id: 'Lambda.FunctionUrlAuth',
  severity: Severity.ERROR,
  title: 'Lambda function URLs require IAM authentication',
  fix: 'Use lambda.FunctionUrlAuthType.AWS_IAM on addFunctionUrl, and grant invokeUrl to the callers',
  resourceTypes: ['AWS::Lambda::Url', 'AWS::Lambda::Permission'],
  controls: {
    'fsbp': ['Lambda.1'],
    'pci-dss-4.0': ['1.3.1', '7.2.2'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'AC-4', 'SC-7(a)'],
    'hipaa': ['164.312(a)(1)', '164.312(d)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'PR.AA-03'],
    'gdpr': ['Art. 32'],
  },
  equivalents: { 'cfn-guard': ['CT.LAMBDA.PR.5'] },
  check: (resource) => {
    const isUrl = resource.type === 'AWS::Lambda::Url';
    const key = isUrl ? 'AuthType' : 'FunctionUrlAuthType';
    const auth = resource.properties[key];
    if (auth instanceof Unresolved) return unresolved(`the function URL's ${key}`, auth, key);
    if (!isUrl && auth === undefined) return pass('not a function URL permission');
    if (auth === 'AWS_IAM') return pass('the function URL requires IAM authentication');
    return fail(`the function URL's ${key} is ${String(auth ?? 'not set')}: anyone on the internet can call it`, key);
  },
});
