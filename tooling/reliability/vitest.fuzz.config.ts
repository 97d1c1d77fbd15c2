import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '@baton/vitest-config';

// `pnpm --filter @baton/reliability fuzz`: the long property run (10,000 generated estates by default,
// BATON_FUZZ_RUNS to change it, BATON_FUZZ_SEED to replay). Not part of `pnpm test`.
export default defineConfig(
  packageTestConfig({
    include: ['fuzz/**/*.fuzz.ts'],
    testTimeout: 3_600_000,
    reporters: ['default'],
  }),
);
