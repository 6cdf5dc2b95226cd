import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AccessAnalyzer, AnalyzerScope } from '../../../constructs/identity/access-analyzer';
import { testStack } from '../../util/stack';

describe('AccessAnalyzer', () => {
  test('defaults: one account-scoped analyzer, no archive rules', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    new AccessAnalyzer(stack, 'Analyzer');
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    expect(Object.values(t.findResources('AWS::AccessAnalyzer::Analyzer'))[0].Properties).toEqual({ Type: 'ACCOUNT' });
  });

  test('all props: organization scope, name, archive rule', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer', {
      scope: AnalyzerScope.ORGANIZATION,
      analyzerName: 'baseline-org',
      archiveRules: [{ ruleName: 'TrustedAuditor', filters: [{ property: 'principal.AWS', eq: ['444455556666'] }] }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ORGANIZATION',
      AnalyzerName: 'baseline-org',
      ArchiveRules: [{ RuleName: 'TrustedAuditor', Filter: [{ Property: 'principal.AWS', Eq: ['444455556666'] }] }],
    });
  });

  test('warns when archive rules are set (the findings they match are never reviewed), and not without them', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer', {
      archiveRules: [{ ruleName: 'TrustedAuditor', filters: [{ property: 'principal.AWS', eq: ['444455556666'] }] }],
    });
    new AccessAnalyzer(stack, 'Plain');
    const warnings = Annotations.fromStack(stack);
    warnings.hasWarning('/TestStack/Analyzer', Match.stringLikeRegexp('"TrustedAuditor" archive.*ack: cdk-security-baseline:accessAnalyzer.archiveRules'));
    warnings.hasNoWarning('/TestStack/Plain', Match.anyValue());
  });

  test('fails when the analyzer name is malformed', () => {
    const { stack } = testStack();
    expect(() => new AccessAnalyzer(stack, 'Analyzer', { analyzerName: '1 bad' })).toThrow(
      /AccessAnalyzer.InvalidProps[\s\S]*analyzerName must start with a letter.*got "1 bad"/,
    );
  });

  test('fails when an archive rule has no filters (it would archive every finding)', () => {
    const { stack } = testStack();
    expect(() => new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [{ ruleName: 'All', filters: [] }] })).toThrow(
      /archiveRules "All" has no filters, so it would archive every finding/,
    );
  });

  test('fails when an archive rule matches every finding (isPublic true or false)', () => {
    const { stack } = testStack();
    expect(() =>
      new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [{ ruleName: 'Everything', filters: [{ property: 'isPublic', eq: ['true', 'false'] }] }] }),
    ).toThrow(/AccessAnalyzer\.InvalidProps[\s\S]*archiveRules "Everything" matches every finding.*narrow it to the expected access/);
  });

  test('fails when an archive rule only asks that an always-present property exists', () => {
    const { stack } = testStack();
    expect(() =>
      new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [{ ruleName: 'AnyResource', filters: [{ property: 'resourceType', exists: true }] }] }),
    ).toThrow(/archiveRules "AnyResource" matches every finding/);
  });

  test('a rule that also names a trusted principal is narrow enough', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer', {
      archiveRules: [{ ruleName: 'Auditor', filters: [{ property: 'resourceType', exists: true }, { property: 'principal.AWS', eq: ['444455556666'] }] }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      ArchiveRules: [{ RuleName: 'Auditor', Filter: [{ Property: 'resourceType', Exists: true }, { Property: 'principal.AWS', Eq: ['444455556666'] }] }],
    });
  });

  test('fails when a filter has no criterion', () => {
    const { stack } = testStack();
    expect(() => new AccessAnalyzer(stack, 'Analyzer', { archiveRules: [{ ruleName: 'R', filters: [{ property: 'isPublic' }] }] })).toThrow(
      /filter on "isPublic" has no criterion/,
    );
  });

  test('fails when archive rule names repeat or are malformed', () => {
    const { stack } = testStack();
    const filters = [{ property: 'isPublic', eq: ['false'] }];
    expect(
      () =>
        new AccessAnalyzer(stack, 'Analyzer', {
          archiveRules: [
            { ruleName: 'R', filters },
            { ruleName: 'R', filters },
            { ruleName: '-x', filters },
          ],
        }),
    ).toThrow(/ruleName must be unique, got "R" twice[\s\S]*ruleName must start with a letter.*got "-x"/);
  });

  test('same template without feature flags (empty context)', () => {
    const { stack } = testStack({ context: 'empty' });
    new AccessAnalyzer(stack, 'Analyzer');
    Template.fromStack(stack).hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' });
  });

  test('snapshot (change detector)', () => {
    const { stack } = testStack();
    new AccessAnalyzer(stack, 'Analyzer');
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
