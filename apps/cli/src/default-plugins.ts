import type { Plugin } from '@baton/core';
import type { BatonConfig } from './config/baton-config.js';
import { configPlugin } from './config/config-plugin.js';
import { steeringPlugin } from './steering/steering-plugin.js';

export interface DefaultPluginOptions {
  readonly marathon?: Record<string, unknown>;
  readonly kubernetes?: Record<string, unknown>;
  readonly cni?: Record<string, unknown>;
  readonly csi?: Record<string, unknown>;
  /** The config file's settings, for the built-in config plugin (image rules, override rules' findings). */
  readonly config?: BatonConfig;
}

/**
 * Our own plugins, loaded the way a third-party plugin would be: by import, on the paths that need
 * them; then the CLI's two small built-ins, steering labels and the config file's transforms and rules.
 */
export async function loadDefaultPlugins(options: DefaultPluginOptions = {}): Promise<Plugin<any>[]> {
  const [marathon, kubernetes, cni, csi] = await Promise.all([
    import('@baton/marathon'),
    import('@baton/kubernetes'),
    import('@baton/cni'),
    import('@baton/csi'),
  ]);
  return [
    marathon.default(options.marathon as never),
    kubernetes.default(options.kubernetes as never),
    cni.default(options.cni as never),
    csi.default(options.csi as never),
    steeringPlugin(),
    configPlugin(options.config),
  ];
}
