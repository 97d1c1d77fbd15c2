// Shared tsup preset: every library ships ESM + CJS + .d.ts from src/index.ts.
/** @param {import('tsup').Options} [overrides] */
export function libraryConfig(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
