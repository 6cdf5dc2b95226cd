export * from './security-baseline-checks';
export * from './framework-checks';
export * from './acknowledge';
