import { defineChecker, PLUGIN_API_VERSION } from '@baton/core';

export interface NoLatestTagOptions {
  /** Image repositories allowed to float (e.g. an internal base image). */
  readonly allow?: readonly string[];
}

/** An example checker: images without a pinned tag or digest make a migration unrepeatable. */
export function noLatestTag(options: NoLatestTagOptions = {}) {
  return defineChecker({
    apiVersion: PLUGIN_API_VERSION,
    meta: {
      id: '__NAMESPACE__/no-latest-tag',
      description: 'A container image is not pinned to a tag or digest.',
      defaultSeverity: 'warning',
      impact: 'review',
      messages: {
        latest: 'Container `{{container}}` of `{{workload}}` runs `{{image}}`, which floats: Kubernetes may pull a different image than Mesos ran.',
      },
      hint: 'Pin the image to the tag or digest running today (`docker inspect` on an agent shows it).',
      docs: 'Images tagged `latest` (or not tagged) resolve at pull time, so the migrated workload may not run the same code. Pin them before moving.',
    },
    appliesTo: (workload) => workload.containers.some((container) => container.image !== undefined),
    check(ctx) {
      const allow = new Set([...(options.allow ?? []), ...(((ctx.options as NoLatestTagOptions).allow) ?? [])]);
      for (const container of ctx.workload.containers) {
        const ref = container.image?.ref;
        if (!ref || ref.includes('@')) continue;
        const name = ref.slice(ref.lastIndexOf('/') + 1);
        const repository = ref.includes(':', ref.lastIndexOf('/')) ? ref.slice(0, ref.lastIndexOf(':')) : ref;
        if (allow.has(repository)) continue;
        if (!name.includes(':') || ref.endsWith(':latest')) {
          ctx.report({ messageId: 'latest', pointer: container.image!.pointer, data: { container: container.name, workload: ctx.workload.id, image: ref } });
        }
      }
    },
  });
}
