export * from './data-key';
export * from './secure-log-group';
export * from './secure-bucket';
