export * from './data-key';
export * from './secure-log-group';
export * from './secure-bucket';
export * from './secure-backup-vault';
export * from './secure-backup-plan';
