// Shared vitest preset: tests sit next to the code as src/**/*.test.ts. Results also go to
// .test-results/vitest.json so CI can print one closing "N passed, N failed" line for all packages.
/** @param {Record<string, unknown>} [overrides] */
export function packageTestConfig(overrides = {}) {
  return {
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      passWithNoTests: true,
      testTimeout: 60_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
      ...overrides,
    },
  };
}
