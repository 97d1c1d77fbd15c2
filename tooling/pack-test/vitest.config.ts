import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '@baton/vitest-config';

// Packing and a real npm install take tens of seconds; one file, generous limits.
export default defineConfig(packageTestConfig({ testTimeout: 240_000, hookTimeout: 240_000 }));
