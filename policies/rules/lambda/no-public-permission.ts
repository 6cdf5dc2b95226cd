import { Severity, Unresolved, defineRule, fail, pass, unresolved } from '../../../lib/engine';

/**
 * No `AWS::Lambda::Permission` lets anyone invoke a function: a principal of `*` must be tied to a
 * source account, a source ARN or an organization. FSBP Lambda.1 also fails a permission for Amazon S3
 * without `SourceAccount`, since bucket names (and so the source ARN) are global: another account's
 * bucket of that name could invoke the function. Function URL permissions (`FunctionUrlAuthType`) are
 * judged by `Lambda.FunctionUrlAuth`.
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1
 */
export default defineRule({
  id: 'Lambda.NoPublicPermission',
  severity: Severity.ERROR,
  title: 'Lambda permissions never let anyone invoke a function',
  fix: 'Grant invoke to a named principal, or set sourceAccount/sourceArn on the permission (lambda.Function.addPermission)',
  resourceTypes: ['AWS::Lambda::Permission'],
  nonWaivable: true,
  controls: {
    'fsbp': ['Lambda.1'],
    'pci-dss-4.0': ['1.3.1', '7.2.2'],
    'nist-800-53-r5': ['AC-3', 'AC-6', 'AC-4', 'SC-7(a)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-LambdaFunctionPublicAccessProhibited', 'NIST.800.53.R5-LambdaFunctionPublicAccessProhibited', 'PCI.DSS.321-LambdaFunctionPublicAccessProhibited'],
    'cfn-guard': ['CT.LAMBDA.PR.2'],
  },
  check: (permission) => {
    const p = permission.properties;
    for (const key of ['Principal', 'SourceAccount', 'SourceArn', 'PrincipalOrgID', 'FunctionUrlAuthType']) {
      if (p[key] instanceof Unresolved) return unresolved(key, p[key], key);
    }
    if (p.FunctionUrlAuthType !== undefined) return pass('a function URL permission, judged by Lambda.FunctionUrlAuth');
    const principal = String(p.Principal);
    if (principal === '*') {
      if (p.SourceAccount !== undefined || p.SourceArn !== undefined || p.PrincipalOrgID !== undefined) return pass('any principal, but tied to a source account, ARN or organization');
      return fail('lets anyone invoke the function (Principal "*" without SourceAccount, SourceArn or PrincipalOrgID)', 'Principal');
    }
    if (principal === 's3.amazonaws.com' && p.SourceAccount === undefined) {
      return fail('lets Amazon S3 invoke the function without SourceAccount: a bucket of the same name in another account could invoke it', 'SourceAccount');
    }
    return pass(`lets ${principal} invoke the function`);
  },
});
