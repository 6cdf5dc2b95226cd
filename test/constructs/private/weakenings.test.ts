import { Annotations as CdkAnnotations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { Weakening, WEAKENINGS, warnWeakening } from '../../../constructs/private/weakenings';
import * as api from '../../../index';
import { RULES } from '../../../policies/rules';
import { describePlaces, methodCalls, sourceFiles, stringLiterals } from '../../util/source-scan';
import { testStack } from '../../util/stack';

const REGISTRY_FILE = 'constructs/private/weakenings.ts';
const ALL: Weakening[] = Object.values(WEAKENINGS);
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
/** A literal's text as a regular expression in a test matches it: `\.` stands for `.`. */
const unescaped = (text: string) => text.replace(/\\\./g, '.');

describe('the weakening registry', () => {
  test('ids are unique and of the form cdk-security-baseline:<construct>.<topic>', () => {
    const ids = ALL.map((w) => w.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^cdk-security-baseline:[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(id))).toEqual([]);
  });

  test('every entry names where it is raised and what it costs', () => {
    const incomplete = ALL.filter((w) => w.raisedBy.length === 0 || w.cost.length < 20 || w.raisedBy.some((t) => t.when.length === 0));
    expect(incomplete.map((w) => w.id)).toEqual([]);
  });

  test('every construct it names is exported from the package root', () => {
    const constructs = [...new Set(ALL.flatMap((w) => w.raisedBy.map((t) => t.construct)))];
    expect(constructs.filter((c) => typeof (api as Record<string, unknown>)[c] !== 'function')).toEqual([]);
  });

  test('every rule it names, in rules or in its text, is one of our rules', () => {
    const ruleIds = new Set(RULES.map((r) => r.id));
    const named = (w: Weakening) => [...w.rules, ...[...`${w.cost} ${w.acknowledgeWhen ?? ''}`.matchAll(/`([A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)`/g)].map((m) => m[1])];
    expect(ALL.flatMap((w) => named(w).filter((r) => !ruleIds.has(r)).map((r) => `${w.id}: ${r}`))).toEqual([]);
  });
});

describe('warnWeakening', () => {
  test('raises the entry\'s warning, acknowledgeable by id', () => {
    // GIVEN
    const { stack } = testStack();
    // WHEN
    warnWeakening(new Construct(stack, 'Scope'), WEAKENINGS.SEGMENTED_VPC_SINGLE_AZ, 'the VPC spans 1 Availability Zone');
    // THEN
    Annotations.fromStack(stack).hasWarning(
      '/TestStack/Scope',
      Match.stringLikeRegexp('^the VPC spans 1 Availability Zone \\[ack: cdk-security-baseline:segmentedVpc\\.singleAz\\]$'),
    );
  });

  test('is silenced by Annotations.acknowledgeWarning on a scope above it, as the README says', () => {
    // GIVEN
    const { stack } = testStack();
    const parent = new Construct(stack, 'Parent');
    warnWeakening(new Construct(parent, 'Child'), WEAKENINGS.SEGMENTED_VPC_SINGLE_AZ, 'the VPC spans 1 Availability Zone');
    // WHEN
    CdkAnnotations.of(parent).acknowledgeWarning(WEAKENINGS.SEGMENTED_VPC_SINGLE_AZ.id, 'A sandbox VPC; one zone is enough.');
    // THEN
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

// Every weakening is raised through warnWeakening() with a registry entry, never by a hand-typed id,
// and every row of the README's tables is asserted by that construct's own test.
describe('weakening warnings live in the registry only', () => {
  const constructFiles = sourceFiles('constructs').filter((f) => f !== REGISTRY_FILE);
  const testFiles = sourceFiles('test/constructs');

  test('the scans read the construct sources and their tests', () => {
    expect(constructFiles).toEqual(expect.arrayContaining(['constructs/network/segmented-vpc.ts', 'constructs/detection/threat-detection.ts']));
    expect(testFiles).toEqual(expect.arrayContaining(['test/constructs/network/segmented-vpc.test.ts']));
  });

  test('no construct calls addWarningV2 or addWarning itself', () => {
    const calls = constructFiles.flatMap((f) => [...methodCalls(f, 'addWarningV2'), ...methodCalls(f, 'addWarning')]);
    expect(describePlaces(calls)).toEqual([]);
  });

  test('no construct writes a warning id as a literal', () => {
    const literals = constructFiles.flatMap((f) => stringLiterals(f)).filter((l) => l.text.includes('cdk-security-baseline:'));
    expect(describePlaces(literals)).toEqual([]);
  });

  test.each(ALL.flatMap((w) => w.raisedBy.map((t) => [`${t.construct}: ${w.id}`, t.construct, w.id])))(
    '%s is asserted by the construct\'s test',
    (_row, construct, id) => {
      const own = testFiles.filter((f) => f.endsWith(`/${kebab(construct)}.test.ts`));
      expect(own).toHaveLength(1);
      expect(stringLiterals(own[0]).some((l) => unescaped(l.text).includes(id))).toBe(true);
    },
  );

  test('every warning id a construct test asserts is in the registry', () => {
    const known = new Set(ALL.map((w) => w.id));
    const asserted = testFiles
      .flatMap((f) => stringLiterals(f))
      .flatMap((l) => [...unescaped(l.text).matchAll(/cdk-security-baseline:[A-Za-z]+\.[A-Za-z]+/g)].map((m) => ({ ...l, text: m[0] })));
    expect(asserted.length).toBeGreaterThan(0);
    expect(describePlaces(asserted.filter((a) => !known.has(a.text)))).toEqual([]);
  });
});
