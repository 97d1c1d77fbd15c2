import { existsSync } from 'node:fs';
import path from 'node:path';
import { BatonError } from '@baton/core';

/** Names looked for in each directory, in this order. */
export const CONFIG_FILE_NAMES = [
  'baton.config.ts', 'baton.config.mts', 'baton.config.mjs', 'baton.config.js', 'baton.config.cjs',
  'baton.config.json', 'baton.config.yaml', 'baton.config.yml',
] as const;

/**
 * The config file for `cwd`: the first directory from `cwd` up to the filesystem root holding a
 * `baton.config.*`. Two config files in one directory are an error rather than a silent pick.
 */
export function findConfigFile(cwd: string): string | undefined {
  let directory = path.resolve(cwd);
  for (;;) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).filter((file) => existsSync(file));
    if (found.length > 1) {
      throw new BatonError('BATON1012', {
        path: found[0]!,
        reason: `${found.map((file) => path.basename(file)).join(' and ')} are both in ${directory}; keep one, or choose with --config`,
      });
    }
    if (found.length === 1) return found[0];
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
