import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

// The CLI ships ESM only: it is a program (bin `migrate`) that loads plugins and config files with
// import(). Its small programmatic API (runCli) gets types; CommonJS callers use import().
export default defineConfig(libraryConfig({ entry: ['src/bin.ts', 'src/index.ts'], format: ['esm'], dts: { entry: { index: 'src/index.ts' } } }));
