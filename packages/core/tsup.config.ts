import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

export default defineConfig(
  libraryConfig({
    // The plan's JSON Schema is published as a file too (`@baton/core/plan.schema.json`).
    onSuccess: async () => copyFile('src/report/plan.schema.json', 'dist/plan.schema.json'),
  }),
);
