// Mutation suite: break one security setting of the reference templates at a time and prove a rule
// catches each break (a result that passed on the reference now fails).
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { createApp } from '../../bin/app';
import { ResultStatus, evaluate } from '../../lib/engine';
import { RULES } from '../../policies/rules';
import { cdkJsonContext } from '../util/stack';
import { MUTATIONS } from './mutations';

process.env.CDK_VALIDATION = 'false';
const app = createApp({ context: cdkJsonContext() }, { externalChecks: false });
const stack = app.node.children.find((c: any) => typeof c.templateFile === 'string') as any;
const reference = Assertions.fromStack(stack).toJSON();
const env = { account: '111122223333', region: 'eu-west-1' };
const judge = (template: unknown) => evaluate([{ path: 'SecurityBaseline.template.json', stackName: 'SecurityBaseline', template, ...env }], RULES);
const failing = (template: unknown) =>
  new Set(judge(template).results.filter((r) => r.status === ResultStatus.FAIL).map((r) => `${r.ruleId} @ ${r.logicalId ?? '(stack)'}`));
const failingErrors = (template: unknown) =>
  judge(template).results.filter((r) => r.status === ResultStatus.FAIL && r.severity === 'error').map((r) => `${r.ruleId} @ ${r.logicalId ?? '(stack)'}`);

describe('mutation suite', () => {
  const before = failing(reference);

  test('has at least 60 mutations over every service the baseline deploys', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MUTATIONS.map((m) => m.service))).toEqual(new Set(['kms', 's3', 'logs', 'sns', 'cloudtrail', 'cloudwatch', 'guardduty', 'securityhub', 'config', 'accessanalyzer', 'iam', 'ec2', 'ssm', 'backup', 'lambda']));
  });

  test('the reference templates have no failing error to begin with (advisories may fail: a break must add a failure)', () => {
    expect(failingErrors(reference)).toEqual([]);
  });

  test.each(MUTATIONS.map((m) => [`${m.service}: ${m.name}`, m]))('%s is caught', (_name, mutation) => {
    // GIVEN a copy of the reference with one setting broken
    const mutated = JSON.parse(JSON.stringify(reference));
    mutation.mutate(mutated);
    // THEN at least one rule that passed before now fails
    const caught = [...failing(mutated)].filter((f) => !before.has(f));
    expect(caught).not.toEqual([]);
  });
});
