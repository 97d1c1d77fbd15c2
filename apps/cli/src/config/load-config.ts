import path from 'node:path';
import { existsSync } from 'node:fs';
import { BatonError } from '@baton/core';
import type { BatonConfig } from './baton-config.js';
import { findConfigFile } from './find-config-file.js';
import { loadConfigFile } from './load-config-file.js';
import { validateConfig } from './validate-config.js';

export interface LoadedConfig {
  readonly config: BatonConfig;
  /** Absolute path of the file. */
  readonly file: string;
  /** Directory plugins named in the file are resolved from. */
  readonly directory: string;
}

export interface ConfigLocation {
  readonly cwd: string;
  /** `--config <file>`; relative to cwd. */
  readonly explicit?: string;
  /** `--no-config`: plan with flags only. */
  readonly disabled?: boolean;
}

/** Finds (or takes `--config`), loads and checks the config; undefined when there is none. */
export async function loadConfig(location: ConfigLocation): Promise<LoadedConfig | undefined> {
  if (location.disabled) return undefined;
  let file: string | undefined;
  if (location.explicit !== undefined) {
    file = path.resolve(location.cwd, location.explicit);
    if (!existsSync(file)) throw new BatonError('BATON1012', { path: location.explicit, reason: 'the file does not exist' });
  } else file = findConfigFile(location.cwd);
  if (file === undefined) return undefined;
  const value = await loadConfigFile(file);
  const { config, problems } = validateConfig(value);
  if (problems.length > 0) throw configError(file, problems);
  return { config, file, directory: path.dirname(file) };
}

/** BATON1011 listing every problem on its own line. */
export function configError(file: string, problems: readonly string[]): BatonError {
  return new BatonError('BATON1011', { path: file, problems: problems.map((problem) => `\n  - ${problem}`).join('') });
}
