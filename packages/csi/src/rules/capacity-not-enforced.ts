import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown } from '../volume-needs.js';

export const capacityNotEnforced = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/capacity-not-enforced',
    description: 'A persistent volume lands on a provisioner that does not enforce the requested size.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: {
      unbounded: 'Volume {{volume}} asks for {{size}} MiB, but {{driver}} does not enforce sizes: the app can fill the node\'s disk.',
    },
    hint: 'Use a provisioner that enforces capacity (TopoLVM, OpenEBS LVM/ZFS, a cloud disk) for production, or watch node disk usage.',
    docs: `## Marathon

A local persistent volume reserves exactly \`persistent.size\` MiB of the agent's disk (a Mesos disk resource; with \`type: mount\` a whole dedicated disk). A task that writes more fails at the quota instead of hurting its neighbours.

## Kubernetes

\`rancher.io/local-path\`, the default on kind and k3s, creates a directory on the node and does not enforce the requested capacity (its README lists this under "Cons"). A migrated app can fill the node's disk and take other pods with it.

## What to do

- For production, use a local provisioner with quotas (TopoLVM, OpenEBS LVM or ZFS) or network storage, and map the volumes to it with \`storageClassMapping\`.
- For tests on kind or k3s, accept it.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'persistent'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes) {
      if (volume.kind !== 'persistent') continue;
      const driver = driverOfVolume(volume, ctx.target, options);
      if (driver?.enforcesSize === false) ctx.report({ messageId: 'unbounded', pointer: volume.pointer, data: { volume: volume.name, size: volume.sizeMiB, driver: driver.name } });
    }
  },
});
