/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/util/global-setup.js',
  globalTeardown: '<rootDir>/test/util/global-teardown.js',
  snapshotSerializers: ['<rootDir>/test/util/asset-hash-serializer.js'],
  testTimeout: 120000,
  maxWorkers: 2,
};
