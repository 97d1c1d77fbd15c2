import type { Plugin } from '@baton/core';
import type { LoadedConfig } from '../config/load-config.js';
import { loadDefaultPlugins, type DefaultPluginOptions } from '../default-plugins.js';
import { loadPlugins, type LoadedPlugin, type PluginRequest } from './load-plugins.js';

export interface HostPlugins {
  /** In the order the pipeline gets them: the plugins the user named first, then the built-ins. */
  readonly plugins: readonly Plugin<any>[];
  readonly builtIns: readonly Plugin<any>[];
  readonly extras: readonly LoadedPlugin[];
  /** Options the config gives built-in plugins by name (`plugins: [{ package: '@baton/csi', options }]`). */
  readonly builtInOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface HostPluginRequest {
  readonly config?: LoadedConfig;
  /** `--plugin` values, resolved from `cwd`. */
  readonly cliPlugins?: readonly string[];
  readonly cwd: string;
  /** Factory options of the built-in plugins (from flags). */
  readonly defaults?: DefaultPluginOptions;
}

/**
 * Every plugin of a run. Plugins the user named come before the built-ins, so within a stage's tier
 * their readers are asked first (the built-in Marathon reader claims any http(s) URL and JSON file)
 * and a writer they contribute for `kubernetes` replaces ours. Nothing is loaded that was not named.
 */
export async function hostPlugins(request: HostPluginRequest): Promise<HostPlugins> {
  const builtIns = await loadDefaultPlugins({ ...request.defaults, ...(request.config ? { config: request.config.config } : {}) });
  const requests: PluginRequest[] = [
    ...(request.config?.config.plugins ?? []).map((entry, index) => ({ at: `plugins[${index}]`, entry, fromDirectory: request.config!.directory })),
    ...(request.cliPlugins ?? []).map((spec) => ({ at: `--plugin ${spec}`, entry: spec, fromDirectory: request.cwd })),
  ];
  const { loaded, builtInOptions } = requests.length > 0 ? await loadPlugins(requests, builtIns) : { loaded: [], builtInOptions: {} };
  return { plugins: [...loaded.map((entry) => entry.plugin), ...builtIns], builtIns, extras: loaded, builtInOptions };
}
