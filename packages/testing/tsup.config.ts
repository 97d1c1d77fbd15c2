import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

// ESM only: the kit imports vitest, which cannot be require()d, so a CommonJS build could never load.
export default defineConfig(libraryConfig({ format: ['esm'] }));
