import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import { AccessAnalyzer } from '../../../../constructs/identity/access-analyzer';
import rule from '../../../../policies/rules/accessanalyzer/no-archive-all';
import { testStack } from '../../../util/stack';
import { expectFail, expectPass, judge } from '../../rule-harness';
import { withUnknownCondition } from '../account/baseline-fixture';

const trusted = { ruleName: 'TrustedPartner', filters: [{ property: 'principal.AWS', eq: ['444455556666'] }] };
const handWritten = (archiveRules: unknown) => ({ Resources: { Analyzer: { Type: 'AWS::AccessAnalyzer::Analyzer', Properties: { Type: 'ACCOUNT', ArchiveRules: archiveRules } } } });

describe('AccessAnalyzer.NoArchiveAll', () => {
  test('Compliant: AccessAnalyzer with a narrowed archive rule (our construct); none at all is not applicable', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [trusted] });
    expectPass(rule, stack);
    const plain = testStack().stack;
    new AccessAnalyzer(plain, 'Analyzer');
    expect(judge(rule, plain).map((r) => r.status)).toEqual(['not-applicable']);
  });

  test('Compliant: raw L1 CfnAnalyzer', () => {
    const { stack } = testStack();
    new accessanalyzer.CfnAnalyzer(stack, 'Analyzer', { type: 'ACCOUNT', archiveRules: [{ ruleName: 'Partner', filter: [{ property: 'resourceType', eq: ['AWS::S3::Bucket'] }, { property: 'principal.AWS', eq: ['444455556666'] }] }] });
    expectPass(rule, stack);
  });

  test('Compliant: hand-written template', () => {
    expectPass(rule, handWritten([{ RuleName: 'Internal', Filter: [{ Property: 'isPublic', Eq: ['false'] }] }]));
  });

  test('Non-compliant 1: escape hatch that empties the construct\'s archive rule filter is caught', () => {
    const { stack } = testStack();
    const analyzer = new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [trusted] });
    analyzer.analyzer.addPropertyOverride('ArchiveRules.0.Filter', []);
    expectFail(rule, stack, /archive rule TrustedPartner has no filter/);
  });

  test('Non-compliant 2: raw L1 rule whose filter every finding matches', () => {
    const { stack } = testStack();
    new accessanalyzer.CfnAnalyzer(stack, 'Analyzer', { type: 'ACCOUNT', archiveRules: [{ ruleName: 'All', filter: [{ property: 'resourceType', exists: true }] }] });
    const [failure] = expectFail(rule, stack, /only has filters every finding matches \(resourceType\)/);
    expect(failure.location).toBe('Properties/ArchiveRules/0/Filter');
  });

  test('Non-compliant 3: hand-written isPublic true-or-false filter', () => {
    expectFail(rule, handWritten([{ RuleName: 'Both', Filter: [{ Property: 'isPublic', Eq: ['true', 'false'] }] }]), /archives every finding/);
  });

  test('Non-compliant 4: fails closed when a filter is unresolvable', () => {
    expectFail(rule, withUnknownCondition(handWritten([{ RuleName: 'X', Filter: [{ Property: 'principal.AWS', Eq: { 'Fn::If': ['Unknown', ['1'], ['2']] } }] }])), /could not resolve/);
  });

  test('Non-compliant 5: hand-written isPublic filter that contains both true and false', () => {
    expectFail(rule, handWritten([{ RuleName: 'Both', Filter: [{ Property: 'isPublic', Contains: ['true', 'false'] }] }]), /archives every finding/);
  });
});
