import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '@baton/vitest-config';

// The in-suite reliability tests (src/**/*.test.ts); the 10,000-case run is `pnpm fuzz` (vitest.fuzz.config.ts).
export default defineConfig(packageTestConfig({ testTimeout: 120_000 }));
