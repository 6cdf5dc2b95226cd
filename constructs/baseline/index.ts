export * from './security-baseline';
