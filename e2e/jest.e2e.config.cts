// End-to-end: the built api and workers as real processes, real PostgreSQL and Redis, Chromium for the UI.
module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // The dashboard suites run against a demo-mode stack of their own (jest.web.config.cts), the fault suite too
  // (jest.faults.config.cts).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/web/', '<rootDir>/src/faults/'],
  testTimeout: 120000,
};
