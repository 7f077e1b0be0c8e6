// Fault injection: kill -9 of the workers and the api, PostgreSQL and Redis restarted, two workers on one queue, a
// deleted upload, a full disk; a stack of its own (database and queue suffix `faults`). It restarts the machine's
// PostgreSQL and Redis, so `npm test` runs it alone, after every other suite (tools/test.mjs).
module.exports = {
  displayName: 'e2e-faults',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/faults/**/*.spec.ts'],
  globalSetup: '<rootDir>/src/faults/support/faults-global-setup.ts',
  globalTeardown: '<rootDir>/src/faults/support/faults-global-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 300000,
};
