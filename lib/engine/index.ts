// The evaluation engine: templates in, ledger out. Shared by the policy plugin, the CLI and the reports.
export * from './types';
export * from './values';
export * from './framework';
export * from './template-set';
export * from './rule';
export * from './acknowledgments';
export * from './evaluate';
export * from './load';
