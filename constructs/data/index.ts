export * from './data-key';
export * from './secure-log-group';
