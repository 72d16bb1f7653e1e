import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/jest.global-setup.ts',
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles
    // (isolatedModules in tsconfig.spec.json).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    // Test-only helpers of a library, never part of its public index.
    '^@channel-ledger/(domain|event-store|read-store|projections|application|processes)/testing/(.*)$': '<rootDir>/libs/$1/src/testing/$2',
    '^@channel-ledger/(domain|event-store|read-store|projections|application|processes)$': '<rootDir>/libs/$1/src',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

export default config;
