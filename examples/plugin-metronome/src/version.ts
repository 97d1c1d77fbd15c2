/** Kept equal to package.json's version by a test. */
export const METRONOME_PLUGIN_VERSION = '0.1.0';
