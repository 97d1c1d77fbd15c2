import { defineConfig } from 'tsup';
import { libraryConfig } from '@baton/tsup-config';

export default defineConfig(libraryConfig());
