import { fileURLToPath } from 'node:url';

/** The example estate served by the quick start: examples/estate in this repository. */
export const ESTATE_DIR = fileURLToPath(new URL('../../../../examples/estate/', import.meta.url));
