import { Stack, Stage, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** What one `SecurityBaseline` told the registry about itself. */
export interface BaselineEntry {
  /** The baseline construct. */
  readonly scope: Construct;
  /** The account (resolved). */
  readonly account: string;
  /** The Region (resolved). */
  readonly region: string;
  /** The account's home Region, as this baseline takes it. */
  readonly homeRegion: string;
  /** Whether `homeRegion` was given or defaulted to the stack's Region. */
  readonly homeRegionGiven: boolean;
  /** `instanceName`, when given. */
  readonly instanceName?: string;
}

/**
 * Every `SecurityBaseline` with a concrete account and Region, per App (the construct tree's root, so
 * stacks in different Stages of one App are seen together).
 */
const registry = new WeakMap<IConstruct, BaselineEntry[]>();

/** The baselines already registered in the same App and account. */
export function baselinesOfAccount(scope: Construct, account: string): BaselineEntry[] {
  return (registry.get(scope.node.root) ?? []).filter((e) => e.account === account);
}

/**
 * Register a baseline, and make every non-home-Region stack of the account deploy after the stack of
 * its home Region (which defines AWS Config's service-linked role that every Region's recorder uses),
 * when both are in one Stage.
 */
export function registerBaseline(entry: BaselineEntry): void {
  const root = entry.scope.node.root;
  const entries = registry.get(root) ?? [];
  registry.set(root, entries);
  const stack = Stack.of(entry.scope);
  for (const other of entries.filter((e) => e.account === entry.account)) {
    const otherStack = Stack.of(other.scope);
    // Stack dependencies cannot cross Stage boundaries; across Stages the README's order applies.
    if (otherStack === stack || Stage.of(otherStack) !== Stage.of(stack)) continue;
    if (entry.region === entry.homeRegion && other.region !== other.homeRegion) {
      otherStack.addStackDependency(stack, 'the home Region defines the account-global parts first');
    } else if (other.region === other.homeRegion && entry.region !== entry.homeRegion) {
      stack.addStackDependency(otherStack, 'the home Region defines the account-global parts first');
    }
  }
  entries.push(entry);
}

/** Account and Region of a stack, or `undefined` when either is a token (an env-agnostic stack). */
export function concreteEnv(scope: Construct): { account: string; region: string } | undefined {
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) return undefined;
  return { account: stack.account, region: stack.region };
}
