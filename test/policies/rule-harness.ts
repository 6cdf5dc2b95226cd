// Judge one rule against a stack (an L2 or raw L1 fixture) or a hand-written template.
import { Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { LedgerResult, ResultStatus, Rule, TemplateInput, evaluate } from '../../lib/engine';

/** A fixture: a CDK stack (synthesized here) or a template object, optionally with more templates beside it. */
export type Fixture = Stack | Record<string, unknown> | readonly (Stack | Record<string, unknown>)[];

/** Turn a fixture into engine inputs. Stacks are synthesized with CDK_VALIDATION off. */
export function toInputs(fixture: Fixture): TemplateInput[] {
  const list = Array.isArray(fixture) ? fixture : [fixture];
  return list.map((f, i) => {
    if (f instanceof Stack) {
      process.env.CDK_VALIDATION = 'false';
      const template = Assertions.fromStack(f).toJSON();
      const env = f.resolve({ account: f.account, region: f.region });
      return {
        path: `${f.artifactId}.template.json`,
        stackName: f.stackName,
        template,
        account: /^\d{12}$/.test(String(env.account)) ? env.account : undefined,
        region: typeof env.region === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(env.region) ? env.region : undefined,
      };
    }
    return { path: `fixture-${i}.template.json`, template: f };
  });
}

/** Every ledger result of `rule` on the fixture. */
export function judge(rule: Rule, fixture: Fixture, options: { now?: Date } = {}): LedgerResult[] {
  return evaluate(toInputs(fixture), [rule], { now: options.now }).results.filter((r) => r.ruleId === rule.id);
}

/** The results of `rule` on one logical id (or, with null, the account findings). */
export function resultsFor(rule: Rule, fixture: Fixture, logicalId: string | null): LedgerResult[] {
  return judge(rule, fixture).filter((r) => r.logicalId === logicalId || (logicalId !== null && r.logicalId?.startsWith(logicalId) === true));
}

/** Statuses of `rule` on the fixture, in result order. Throws if the rule judged nothing. */
export function statuses(rule: Rule, fixture: Fixture): ResultStatus[] {
  const results = judge(rule, fixture);
  if (results.length === 0) throw new Error(`${rule.id} judged nothing in the fixture`);
  return results.map((r) => r.status);
}

/** Assert the rule passes on every resource it judged (and judged at least one). */
export function expectPass(rule: Rule, fixture: Fixture): LedgerResult[] {
  const results = judge(rule, fixture);
  expect(results.length).toBeGreaterThan(0);
  expect(results.filter((r) => r.status !== ResultStatus.PASS && r.status !== ResultStatus.NOT_APPLICABLE).map((r) => `${r.logicalId}: ${r.message}`)).toEqual([]);
  expect(results.some((r) => r.status === ResultStatus.PASS)).toBe(true);
  return results;
}

/** Assert the rule fails on at least one resource; returns the failures. */
export function expectFail(rule: Rule, fixture: Fixture, message?: RegExp): LedgerResult[] {
  const failures = judge(rule, fixture).filter((r) => r.status === ResultStatus.FAIL);
  expect(failures.length).toBeGreaterThan(0);
  if (message) expect(failures.map((f) => f.message).join('\n')).toMatch(message);
  return failures;
}
