import type { Plugin } from '@baton/core';

export interface DefaultPluginOptions {
  readonly marathon?: Record<string, unknown>;
  readonly kubernetes?: Record<string, unknown>;
  readonly cni?: Record<string, unknown>;
  readonly csi?: Record<string, unknown>;
}

/** Our own plugins, loaded the way a third-party plugin would be: by import, on the paths that need them. */
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
  ];
}
