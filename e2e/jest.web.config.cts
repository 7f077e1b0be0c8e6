// Dashboard end-to-end: a stack of its own in demo mode (demo users, demo data imported through the real path),
// driven by Chromium through playwright-core. Screenshots of every page go to artifacts/e2e/screenshots.
module.exports = {
  displayName: 'e2e-web',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/web/**/*.spec.ts'],
  globalSetup: '<rootDir>/src/web/support/web-global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 120000,
};
