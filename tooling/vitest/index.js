// Shared vitest preset: tests sit next to the code as src/**/*.test.ts.
/** @param {Record<string, unknown>} [overrides] */
export function packageTestConfig(overrides = {}) {
  return {
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 30_000,
      reporters: process.env.CI ? ['default'] : ['default'],
      ...overrides,
    },
  };
}
