import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

// The CLI ships ESM only: it is a program, not a library.
export default defineConfig(libraryConfig({ entry: ['src/bin.ts', 'src/index.ts'], format: ['esm'], dts: false }));
