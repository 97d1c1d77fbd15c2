import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '@baton/vitest-config';

export default defineConfig(packageTestConfig());
