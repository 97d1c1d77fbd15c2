import { defineConfig } from 'tsup';

// ESM + CJS + .d.ts: hosts import() the ESM entry; CommonJS tools can still require() it.
export default defineConfig({ entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true, sourcemap: true, target: 'node20', platform: 'node' });
