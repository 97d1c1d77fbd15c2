/** Kept equal to package.json's version by a test. */
export const CLI_VERSION = '0.1.0';
export const CLI_NAME = '@baton/cli';
