import { ResourceRef, TemplateSet, Unresolved, evaluate, defineRule, pass, fail, Severity, CheckScope, defineAccountRule } from '../../../lib/engine';

const set = (...templates: Record<string, unknown>[]) =>
  new TemplateSet(templates.map((template, i) => ({ path: `t${i}.template.json`, template, account: '111122223333', region: 'eu-west-1' })));

describe('resolution', () => {
  const t = set({
    Parameters: { Env: { Type: 'String' }, Size: { Type: 'Number', Default: 3 } },
    Mappings: { Regions: { 'eu-west-1': { Short: 'euw1' } } },
    Conditions: {
      InEurope: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      Both: { 'Fn::And': [{ Condition: 'InEurope' }, { 'Fn::Not': [{ Condition: 'InEurope' }] }] },
    },
    Resources: { Key: { Type: 'AWS::KMS::Key' }, Bucket: { Type: 'AWS::S3::Bucket' } },
  }).templates[0];

  test('Ref and Fn::GetAtt to a resource become references', () => {
    expect(t.resolve({ Ref: 'Key' })).toEqual(new ResourceRef('t0.template.json', 'Key'));
    expect(t.resolve({ 'Fn::GetAtt': ['Key', 'Arn'] })).toEqual(new ResourceRef('t0.template.json', 'Key', 'Arn'));
    expect(t.resolve({ 'Fn::GetAtt': 'Key.Arn' })).toEqual(new ResourceRef('t0.template.json', 'Key', 'Arn'));
  });

  test('pseudo parameters take the stack env; parameters take their default', () => {
    expect(t.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' })).toBe('arn:aws:iam::111122223333:root');
    expect(t.resolve({ Ref: 'Size' })).toBe(3);
  });

  test('Fn::Join and Fn::Sub keep references in Fn::Sub spelling', () => {
    expect(t.resolve({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] })).toBe('${Bucket.Arn}/*');
    expect(t.resolve({ 'Fn::Sub': ['${B}/x-${!Literal}', { B: { Ref: 'Bucket' } }] })).toBe('${Bucket}/x-${Literal}');
  });

  test('Fn::If follows a known condition and removes AWS::NoValue', () => {
    expect(t.resolve({ A: { 'Fn::If': ['InEurope', 'yes', 'no'] }, B: { 'Fn::If': ['InEurope', { Ref: 'AWS::NoValue' }, 1] } })).toEqual({ A: 'yes' });
    expect(t.condition('Both')).toBe(false);
  });

  test('Fn::FindInMap, Fn::Select and Fn::Split of known parts', () => {
    expect(t.resolve({ 'Fn::FindInMap': ['Regions', { Ref: 'AWS::Region' }, 'Short'] })).toBe('euw1');
    expect(t.resolve({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] })).toBe('b');
  });

  test('fails closed: unknown conditions, parameters without default, deploy-time functions', () => {
    for (const value of [
      { 'Fn::If': ['IsProd', 'a', 'b'] },
      { Ref: 'Env' },
      { Ref: 'Nope' },
      { 'Fn::GetAZs': '' },
      { 'Fn::Join': ['', ['a', { Ref: 'Env' }]] },
      { 'Fn::Sub': '${Env}-x' },
      { 'Fn::ImportValue': 'not-exported' },
    ]) {
      expect(t.resolve(value)).toBeInstanceOf(Unresolved);
    }
    expect(String(t.resolve({ 'Fn::If': ['IsProd', 'a', 'b'] }))).toMatch(/condition IsProd/);
  });

  test('Fn::ImportValue resolves to the export of another template in the set', () => {
    const s = set(
      { Resources: { Key: { Type: 'AWS::KMS::Key' } }, Outputs: { K: { Value: { 'Fn::GetAtt': ['Key', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-key' } } } } },
      { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { 'Fn::ImportValue': 't0-key' } } } } },
    );
    const ref = s.templates[1].resources[0].properties.KmsMasterKeyId as ResourceRef;
    expect(ref).toEqual(new ResourceRef('t0.template.json', 'Key', 'Arn'));
    expect(s.deref(ref)?.type).toBe('AWS::KMS::Key');
  });

  test('a resource whose condition is false is not deployed', () => {
    const s = set({ Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } }, Resources: { B: { Type: 'AWS::S3::Bucket', Condition: 'Never' } } });
    expect(s.templates[0].resources[0].deployed).toBe(false);
    expect(s.ofType('AWS::S3::Bucket')).toEqual([]);
  });
});

describe('evaluate', () => {
  const rule = defineRule({
    id: 'Test.Versioned', severity: Severity.ERROR, title: 't', fix: 'f', resourceTypes: ['AWS::S3::Bucket'], controls: { x: ['1'] },
    check: (r) => (r.get('VersioningConfiguration.Status') === 'Enabled' ? pass('on') : fail('off', 'VersioningConfiguration')),
  });
  const accountRule = defineAccountRule({
    id: 'Test.HasTrail', severity: Severity.ERROR, title: 't', fix: 'f', controls: { x: ['2'] },
    check: (s) => (s.ofType('AWS::CloudTrail::Trail').length > 0 ? [{ status: 'pass', message: 'ok' }] : [{ status: 'fail', message: 'no trail' }]),
  });
  const template = { Resources: { B: { Type: 'AWS::S3::Bucket' } } };

  test('records a result per (rule, resource) with its location and controls', () => {
    const ledger = evaluate([{ path: 'a.json', template }], [rule]);
    expect(ledger.results).toEqual([expect.objectContaining({ ruleId: 'Test.Versioned', status: 'fail', logicalId: 'B', location: 'Properties/VersioningConfiguration', controls: { x: ['1'] } })]);
  });

  test('account rules report against the stack when something is missing, and are skipped in workload scope', () => {
    expect(evaluate([{ path: 'a.json', template }], [accountRule]).results[0]).toMatchObject({ status: 'fail', logicalId: null, stack: 'a' });
    const workload = evaluate([{ path: 'a.json', template }], [accountRule], { scope: CheckScope.WORKLOAD });
    expect(workload.results).toEqual([]);
    expect(workload.skipped).toEqual([{ ruleId: 'Test.HasTrail', reason: expect.stringMatching(/workload scope/) }]);
  });

  test('baseline templates count for account rules but are not judged by resource rules', () => {
    const baseline = { Resources: { Trail: { Type: 'AWS::CloudTrail::Trail' }, Old: { Type: 'AWS::S3::Bucket' } } };
    const ledger = evaluate([{ path: 'a.json', template }], [rule, accountRule], { scope: CheckScope.WORKLOAD, baseline: [{ path: 'base.json', template: baseline }] });
    expect(ledger.results.map((r) => `${r.ruleId}:${r.status}:${r.logicalId}`)).toEqual(['Test.Versioned:fail:B', 'Test.HasTrail:pass:null']);
  });

  test('an acknowledgment without a 20-character reason is ignored and listed as invalid', () => {
    const acked = { Resources: { B: { Type: 'AWS::S3::Bucket', Metadata: { 'cdk-security-baseline': { acknowledgments: [{ ruleId: 'Test.Versioned', reason: 'short', owner: 'me' }] } } } } };
    const ledger = evaluate([{ path: 'a.json', template: acked }], [rule]);
    expect(ledger.results[0].status).toBe('fail');
    expect(ledger.acknowledgments[0]).toMatchObject({ state: 'invalid', problems: [expect.stringMatching(/at least 20/)] });
  });

  test('a rule that throws fails closed instead of crashing the evaluation', () => {
    const broken = defineRule({ ...rule, id: 'Test.Broken', check: () => { throw new Error('boom'); } });
    expect(evaluate([{ path: 'a.json', template }], [broken]).results[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/boom/) });
  });
});
