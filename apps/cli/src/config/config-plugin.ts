import { definePlugin, PLUGIN_API_VERSION, type Container, type MigrationModel, type Plugin } from '@baton/core';
import { CLI_VERSION } from '../version.js';
import type { BatonConfig } from './baton-config.js';
import { CONFIG_RULES } from './config-rules.js';
import { rewriteImage, type ImageRules } from './rewrite-image.js';

/**
 * The built-in `@baton/cli/config` plugin: the config's image overrides and registry rewrites as a
 * transform in the `post` tier (so images set by other transforms are rewritten too), and the rules
 * the config's override rules report under (they run after the writer, in the CLI).
 */
export function configPlugin(config: BatonConfig = {}): Plugin {
  const images = config.images;
  const hasImageRules = images !== undefined && (Object.keys(images.overrides ?? {}).length > 0 || Object.keys(images.registries ?? {}).length > 0);
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: '@baton/cli/config', version: CLI_VERSION, namespace: 'config' },
    rules: CONFIG_RULES,
    ...(hasImageRules
      ? {
          transforms: {
            images: {
              apiVersion: PLUGIN_API_VERSION,
              description: 'Rewrites container images by the config\'s images.overrides and images.registries.',
              order: 'post' as const,
              transform: (model: MigrationModel) => rewriteImages(model, images!),
            },
          },
        }
      : {}),
  });
}

export function rewriteImages(model: MigrationModel, rules: ImageRules): MigrationModel {
  const rewrite = (container: Container): Container => {
    if (!container.image) return container;
    const ref = rewriteImage(container.image.ref, rules);
    return ref === container.image.ref ? container : { ...container, image: { ...container.image, ref } };
  };
  return {
    ...model,
    workloads: model.workloads.map((workload) => ({
      ...workload,
      containers: workload.containers.map(rewrite),
      ...(workload.initContainers ? { initContainers: workload.initContainers.map(rewrite) } : {}),
    })),
  };
}
