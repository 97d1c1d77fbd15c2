import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '@baton/vitest-config';

// Only test/: template/src holds the generated package's own tests (run inside the created package).
export default defineConfig(packageTestConfig({ include: ['test/**/*.test.ts'], testTimeout: 120_000 }));
