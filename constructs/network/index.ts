export * from './segmented-vpc';
export * from './bastion';
