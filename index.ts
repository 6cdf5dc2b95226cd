// Public API of cdk-security-baseline: the constructs, plus the shared error type.
export * from './lib/errors';
export * from './constructs/data';
export * from './constructs/network';
export * from './constructs/identity';
export * from './constructs/detection';
export * from './constructs/baseline';
