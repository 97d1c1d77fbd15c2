import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

// `@baton/kubernetes/validation` is its own entry: its generated schemas (~0.8 MB) load only where used.
export default defineConfig(libraryConfig({ entry: { index: 'src/index.ts', validation: 'src/validation/index.ts' } }));
