// Checks of the workspace itself: module boundaries are enforced by lint, and the project graph has the expected shape.
module.exports = {
  displayName: 'workspace-checks',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/tools/workspace-checks',
  // ESLint plus a freshly computed Nx project graph take several seconds, more on a cold or busy machine.
  testTimeout: 120000,
};
