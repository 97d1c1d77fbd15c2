import { BatonError, definePlugin, type Plugin } from '@baton/core';
import { resolveOptions, type KubernetesWriterOptions } from './options.js';
import { KUBERNETES_RULES } from './rules.js';
import { KUBERNETES_VERSION } from './version.js';
import { kubernetesWriter } from './write-kubernetes.js';

/**
 * The Kubernetes writer plugin. Options given here are defaults; the config file's options for
 * `@baton/kubernetes` (the writer's `ctx.options`) override them.
 */
export function kubernetes(options: KubernetesWriterOptions = {}): Plugin<KubernetesWriterOptions> {
  const { problems } = resolveOptions(options as Record<string, unknown>);
  if (problems.length > 0) throw new BatonError('BATON4001', { plugin: '@baton/kubernetes', reason: `invalid options: ${problems.join('; ')}` });
  return definePlugin({
    apiVersion: 1,
    meta: { name: '@baton/kubernetes', version: KUBERNETES_VERSION, namespace: 'kubernetes' },
    compatibility: { core: '^0.1.0' },
    rules: KUBERNETES_RULES,
    writers: { kubernetes: kubernetesWriter(options) },
  });
}
