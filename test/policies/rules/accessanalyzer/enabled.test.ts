import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import { AccessAnalyzer, AnalyzerScope } from '../../../../constructs/identity/access-analyzer';
import rule from '../../../../policies/rules/accessanalyzer/enabled';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass } from '../../rule-harness';
import { baselineTemplate, onlyOfType, removeType } from '../account/baseline-fixture';

describe('AccessAnalyzer.Enabled', () => {
  test('Compliant: the account baseline built from our constructs', () => {
    const [result] = expectPass(rule, baselineTemplate());
    expect(result.message).toMatch(/reports external access \(ACCOUNT\)/);
  });

  test('Compliant: AccessAnalyzer with ORGANIZATION scope, and a raw L1 CfnAnalyzer', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Org', { scope: AnalyzerScope.ORGANIZATION });
    new accessanalyzer.CfnAnalyzer(stack, 'Account', { type: 'ACCOUNT' });
    expect(expectPass(rule, stack)).toHaveLength(2);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, { Resources: { Analyzer: { Type: 'AWS::AccessAnalyzer::Analyzer', Properties: { Type: 'ACCOUNT' } } } });
  });

  test('Non-compliant 1: the analyzer removed from the baseline fails against the stack', () => {
    const [failure] = expectFail(rule, removeType(baselineTemplate(), 'AWS::AccessAnalyzer::Analyzer'), /no IAM Access Analyzer analyzer is defined/);
    expect(failure.logicalId).toBeNull();
    expect(failure.stack).toBe('fixture-0');
  });

  test('Non-compliant 2: an unused-access analyzer fails naming it', () => {
    const template = baselineTemplate();
    const { id, resource } = onlyOfType(template, 'AWS::AccessAnalyzer::Analyzer');
    resource.Properties.Type = 'ACCOUNT_UNUSED_ACCESS';
    const [failure] = expectFail(rule, template, /ACCOUNT_UNUSED_ACCESS, which does not report external access/);
    expect(failure.logicalId).toBe(id);
    expect(failure.location).toBe('Properties/Type');
  });

  test('Non-compliant 3: escape hatch on our construct is caught; raw L1 of an unused-access type fails', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer').analyzer.addPropertyOverride('Type', 'ORGANIZATION_UNUSED_ACCESS');
    expectFail(rule, stack, /does not report external access/);
    const other = testStack().stack;
    new accessanalyzer.CfnAnalyzer(other, 'Unused', { type: 'ACCOUNT_UNUSED_ACCESS' });
    expectFail(rule, other, /does not report external access/);
  });

  test('Non-compliant 4: fails closed when the type is unresolvable', () => {
    expectFail(rule, {
      Parameters: { Scope: { Type: 'String' } },
      Resources: { Analyzer: { Type: 'AWS::AccessAnalyzer::Analyzer', Properties: { Type: { Ref: 'Scope' } } } },
    }, /could not resolve the type of analyzer Analyzer/);
  });
});
